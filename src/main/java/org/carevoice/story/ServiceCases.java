package org.carevoice.story;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published story as one service's work ({@code service_case}): when it reached the service,
 * when a response is due, when the service was reminded and its manager told, and its first
 * published response. The reports and the early warning read these rows; nothing personal is in
 * them. A second round of answering ("answer again") keeps the first round's dates: the reports
 * measure the first answer. Every write is idempotent, so a retried job changes nothing.
 */
@Service
@Transactional
public class ServiceCases {

  private final JdbcTemplate jdbc;

  ServiceCases(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The service's case is scheduled: opened when the story was published, with the dates of the
   * reminder, the escalation and the overdue mark. A case that exists keeps its dates (it may only
   * gain the ones it lacked, such as a case of a story published before due dates were recorded).
   */
  public void open(Long storyId, Long serviceId, Instant responseDue, Instant escalationDue, Instant overdueAt) {
    int updated = jdbc.update("update service_case set response_due_at = coalesce(response_due_at, ?),"
        + " escalation_due_at = coalesce(escalation_due_at, ?), overdue_at = coalesce(overdue_at, ?)"
        + " where story_id = ? and service_id = ?", ts(responseDue), ts(escalationDue), ts(overdueAt), storyId,
        serviceId);
    if (updated == 0) {
      jdbc.update("insert into service_case (story_id, service_id, opened_at, response_due_at, escalation_due_at,"
          + " overdue_at) select s.id, ?, coalesce(s.published_at, ?), ?, ?, ? from story s where s.id = ?",
          serviceId, ts(Instant.now()), ts(responseDue), ts(escalationDue), ts(overdueAt), storyId);
    }
  }

  /** The responders were reminded that a response is due (the first reminder is kept). */
  public void reminded(Long storyId, Long serviceId, Instant at) {
    jdbc.update("update service_case set reminded_at = ? where story_id = ? and service_id = ? and reminded_at is null",
        ts(at), storyId, serviceId);
  }

  /** The service's managers were told the story is unanswered (the first escalation is kept). */
  public void escalated(Long storyId, Long serviceId, Instant at) {
    jdbc.update("update service_case set escalated_at = ? where story_id = ? and service_id = ? and escalated_at is null",
        ts(at), storyId, serviceId);
  }

  /**
   * A response of the service was published. The first one answers the case; a case that was
   * never opened (a response to a story published elsewhere) is opened now, at the story's
   * publication.
   */
  public void answered(Long storyId, Long serviceId, Instant at) {
    int updated = jdbc.update("update service_case set first_response_at = ? where story_id = ? and service_id = ?"
        + " and (first_response_at is null or first_response_at > ?)", ts(at), storyId, serviceId, ts(at));
    if (updated == 0) {
      jdbc.update("insert into service_case (story_id, service_id, opened_at, first_response_at)"
          + " select s.id, ?, coalesce(s.published_at, ?), ? from story s where s.id = ? and not exists"
          + " (select 1 from service_case c where c.story_id = s.id and c.service_id = ?)",
          serviceId, ts(at), ts(at), storyId, serviceId);
    }
  }

  /** A withdrawn story is no longer anyone's work: its cases go (the reports count published stories' cases). */
  void forget(Long storyId) {
    jdbc.update("delete from service_case where story_id = ?", storyId);
  }

  /** A story published elsewhere (an import, the demo): a case per service, opened at its publication. */
  void openImported(Long storyId, Collection<Long> serviceIds, Instant publishedAt) {
    for (Long serviceId : serviceIds) {
      jdbc.update("insert into service_case (story_id, service_id, opened_at) select ?, ?, ? from story s"
          + " where s.id = ? and not exists (select 1 from service_case c where c.story_id = ? and c.service_id = ?)",
          storyId, serviceId, ts(publishedAt), storyId, storyId, serviceId);
    }
  }

  /**
   * A case with its whole history, as an import from an earlier system (or the demo's year of
   * history) knows it; any date may be null. The dates replace those of a case opened by the
   * story's import, but not its first response.
   */
  public void importCase(Long storyId, Long serviceId, ImportedCase dates) {
    int updated = jdbc.update("update service_case set opened_at = ?, response_due_at = ?, escalation_due_at = ?,"
        + " overdue_at = ?, reminded_at = ?, escalated_at = ?, first_response_at = coalesce(first_response_at, ?)"
        + " where story_id = ? and service_id = ?", ts(dates.openedAt()), ts(dates.responseDue()),
        ts(dates.escalationDue()), ts(dates.overdueAt()), ts(dates.remindedAt()), ts(dates.escalatedAt()),
        ts(dates.firstResponseAt()), storyId, serviceId);
    if (updated > 0) {
      return;
    }
    jdbc.update("insert into service_case (story_id, service_id, opened_at, response_due_at, escalation_due_at,"
        + " overdue_at, reminded_at, escalated_at, first_response_at) select ?, ?, ?, ?, ?, ?, ?, ?, ? from story s"
        + " where s.id = ? and not exists (select 1 from service_case c where c.story_id = ? and c.service_id = ?)",
        storyId, serviceId, ts(dates.openedAt()), ts(dates.responseDue()), ts(dates.escalationDue()),
        ts(dates.overdueAt()), ts(dates.remindedAt()), ts(dates.escalatedAt()), ts(dates.firstResponseAt()), storyId,
        storyId, serviceId);
  }

  /** The dates of an imported case: see {@link #importCase}. */
  public record ImportedCase(Instant openedAt, Instant responseDue, Instant escalationDue, Instant overdueAt,
      Instant remindedAt, Instant escalatedAt, Instant firstResponseAt) {}

  /** A moment as the JDBC drivers of H2 and PostgreSQL both take it for a timestamp with time zone. */
  private static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
