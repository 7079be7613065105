package org.carevoice.response;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published story as one service's work, for the staff pages: answered or not, when a response
 * is due, escalated, overdue. Dates come from the service's running case (its timers' dates) and
 * from table {@code service_case} (V11), whichever knows them; whether the service answered comes
 * from the published responses themselves.
 */
@Service
@Transactional(readOnly = true)
public class ServiceCaseProgress {

  /** The most unanswered stories the staff home lists; it says how many there are in all. */
  public static final int UNANSWERED_SHOWN = 25;

  private final NamedParameterJdbcTemplate jdbc;
  private final ServiceResponseLifecycle lifecycle;
  private final Clock clock;

  ServiceCaseProgress(NamedParameterJdbcTemplate jdbc, ServiceResponseLifecycle lifecycle, Clock clock) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /**
   * One story's case for one service. {@code title} is the published title; {@code
   * processInstanceId} is the running service case (null once it has ended).
   */
  public record ServiceCase(Long storyId, String reference, String title, Instant publishedAt, Long serviceId,
      Instant responseDue, Instant escalationDue, Instant overdueAt, boolean escalated, boolean overdue,
      Instant firstResponseAt, String processInstanceId) {

    public boolean answered() {
      return firstResponseAt != null;
    }

    /** Due and not yet overdue, with a date to show. */
    public boolean dueShown() {
      return !answered() && !overdue && responseDue != null;
    }
  }

  /** The published stories of these services that the service has not answered in public, oldest first. */
  public record Unanswered(long total, List<ServiceCase> shown) {}

  public Unanswered unanswered(Collection<Long> serviceIds) {
    if (serviceIds.isEmpty()) {
      return new Unanswered(0, List.of());
    }
    MapSqlParameterSource parameters = new MapSqlParameterSource("services", serviceIds)
        .addValue("limit", UNANSWERED_SHOWN);
    String from = """
        from story s join story_service ss on ss.story_id = s.id
        left join service_case sc on sc.story_id = s.id and sc.service_id = ss.service_id
        where s.status = 'PUBLISHED' and ss.service_id in (:services)
          and not exists (select 1 from response r where r.story_id = s.id and r.service_id = ss.service_id
                          and r.status = 'PUBLISHED')""";
    Long total = jdbc.queryForObject("select count(*) " + from, parameters, Long.class);
    List<Row> rows = jdbc.query("select " + COLUMNS + ", cast(null as timestamp) as first_response_at " + from
        + " order by s.published_at, s.id, ss.service_id limit :limit", parameters, ServiceCaseProgress::row);
    return new Unanswered(total == null ? 0 : total, withEngineDates(rows));
  }

  /** The story's case for each of its services, in the order of the services' names. */
  public List<ServiceCase> ofStory(Long storyId) {
    List<Row> rows = jdbc.query("select " + COLUMNS + """
        , (select min(r.published_at) from response r where r.story_id = s.id and r.service_id = ss.service_id
           and r.status = 'PUBLISHED') as first_response_at
        from story s join story_service ss on ss.story_id = s.id
        join care_service c on c.id = ss.service_id
        left join service_case sc on sc.story_id = s.id and sc.service_id = ss.service_id
        where s.id = :story and s.status = 'PUBLISHED' order by c.name, c.id""",
        new MapSqlParameterSource("story", storyId), ServiceCaseProgress::row);
    return withEngineDates(rows);
  }

  private static final String COLUMNS = "s.id as story_id, s.reference, s.title, s.published_at, ss.service_id,"
      + " sc.response_due_at, sc.escalation_due_at, sc.overdue_at, sc.escalated_at";

  private record Row(Long storyId, String reference, String title, Instant publishedAt, Long serviceId,
      Instant responseDue, Instant escalationDue, Instant overdueAt, Instant escalatedAt, Instant firstResponseAt) {}

  private static Row row(ResultSet rs, int rowNum) throws SQLException {
    return new Row(rs.getLong("story_id"), rs.getString("reference"), rs.getString("title"),
        instant(rs.getTimestamp("published_at")), rs.getLong("service_id"), instant(rs.getTimestamp("response_due_at")),
        instant(rs.getTimestamp("escalation_due_at")), instant(rs.getTimestamp("overdue_at")),
        instant(rs.getTimestamp("escalated_at")), instant(rs.getTimestamp("first_response_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** Adds what the running cases know: their process instance, their dates where the table has none. */
  private List<ServiceCase> withEngineDates(List<Row> rows) {
    Set<String> references = new java.util.LinkedHashSet<>();
    rows.forEach(row -> references.add(row.reference()));
    Map<String, ServiceResponseLifecycle.RunningCase> running = new HashMap<>();
    for (ServiceResponseLifecycle.RunningCase c : lifecycle.running(references)) {
      running.merge(c.reference() + "/" + c.serviceId(), c, (a, b) -> a.responseDue() == null ? b : a);
    }
    Instant now = Instant.now(clock);
    return rows.stream().map(row -> {
      ServiceResponseLifecycle.RunningCase live = running.get(row.reference() + "/" + row.serviceId());
      Instant due = first(row.responseDue(), live == null ? null : live.responseDue());
      Instant escalation = first(row.escalationDue(), live == null ? null : live.escalationDue());
      Instant overdueAt = first(row.overdueAt(), live == null ? null : live.overdueAt());
      boolean answered = row.firstResponseAt() != null;
      boolean escalated = row.escalatedAt() != null || (live != null && live.escalated());
      boolean overdue = !answered && ((overdueAt != null && !now.isBefore(overdueAt)) || (live != null && live.overdue()));
      return new ServiceCase(row.storyId(), row.reference(), row.title(), row.publishedAt(), row.serviceId(), due,
          escalation, overdueAt, escalated, overdue, row.firstResponseAt(), live == null ? null : live.processInstanceId());
    }).toList();
  }

  private static Instant first(Instant a, Instant b) {
    return a != null ? a : b;
  }
}
