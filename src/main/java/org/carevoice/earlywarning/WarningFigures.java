package org.carevoice.earlywarning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The early warning's figures, computed in the database from the stories, their services and tags,
 * and the services' cases (service_case). Windows end at the moment of the check and include it;
 * they do not include their start: "the last 7 days" at 07:00 are the stories published after 07:00
 * seven days earlier. Only published stories count: a withdrawn or rejected one is no one's signal.
 * docs/early-warning.md explains each figure for managers.
 */
@Component
@Transactional(readOnly = true)
public class WarningFigures {

  /** Critical stories: the last 7 days, against the 7 days before. */
  static final Duration CRITICAL_WINDOW = Duration.ofDays(7);
  /** Criticality from which a story counts: 4 strongly, 5 severely critical. */
  static final int CRITICAL_FROM = 4;
  /** A tag's share: the last 28 days, against the 84 days before. */
  static final Duration TAG_WINDOW = Duration.ofDays(28);
  static final Duration TAG_EARLIER_WINDOW = Duration.ofDays(84);
  /** Overdue cases: those that reached their overdue date in the last 28 days (and the 28 before). */
  static final Duration OVERDUE_WINDOW = Duration.ofDays(28);

  private final JdbcTemplate jdbc;

  WarningFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The services worth checking at this moment: those with a published story in the longest window
   * (the 112 days of the tag's share), a case that reached its overdue date in the last 56 days, or
   * an open warning (which a check must be able to clear). No other service can raise a warning.
   */
  public List<Long> servicesToCheck(Instant at) {
    OffsetDateTime now = time(at);
    return jdbc.queryForList("""
        select c.id from care_service c
        where exists (select 1 from story_service ss join story s on s.id = ss.story_id
                      where ss.service_id = c.id and s.status = 'PUBLISHED' and s.published_at > ? and s.published_at <= ?)
           or exists (select 1 from service_case sc
                      where sc.service_id = c.id and sc.overdue_at > ? and sc.overdue_at <= ?)
           or exists (select 1 from early_warning w where w.service_id = c.id and w.cleared_at is null)
        order by c.id""", Long.class, time(at.minus(TAG_WINDOW).minus(TAG_EARLIER_WINDOW)), now,
        time(at.minus(OVERDUE_WINDOW.multipliedBy(2))), now);
  }

  /**
   * The checks of one service: critical stories, overdue in a row, and the rising share of each
   * "could be improved" tag that at least one of its stories of the last 28 days has, or that has an
   * open warning. A tag on none of them cannot be rising; it is not measured.
   */
  public List<Check> checksFor(long serviceId, Instant at) {
    List<String> tags = jdbc.queryForList("""
        select t.tag from story_tag t join story s on s.id = t.story_id join story_service ss on ss.story_id = s.id
        where ss.service_id = ? and s.status = 'PUBLISHED' and s.published_at > ? and s.published_at <= ?
          and t.tag like 'improve:%'
        union
        select w.tag from early_warning w
        where w.service_id = ? and w.signal_code = ? and w.cleared_at is null""", String.class,
        serviceId, time(at.minus(TAG_WINDOW)), time(at), serviceId, Signal.RISING_IMPROVE_TAG.code());
    return Check.all().stream().filter(check -> check.tag() == null || tags.contains(check.tag())).toList();
  }

  public Figures measure(long serviceId, Check check, Instant at) {
    return switch (check.signal()) {
      case CRITICAL_STORIES -> criticalStories(serviceId, at);
      case RISING_IMPROVE_TAG -> taggedStories(serviceId, check.tag(), at);
      case OVERDUE_IN_A_ROW -> overdueInARow(serviceId, at);
    };
  }

  /** Stories published about the service with criticality 4 or 5, in the last 7 days and the 7 before. */
  Figures criticalStories(long serviceId, Instant at) {
    OffsetDateTime split = time(at.minus(CRITICAL_WINDOW));
    int[] counts = jdbc.queryForObject("""
        select count(case when s.published_at > ? and s.criticality >= ? then 1 end),
               count(case when s.published_at > ? then 1 end),
               count(case when s.published_at <= ? and s.criticality >= ? then 1 end),
               count(case when s.published_at <= ? then 1 end)
        from story s join story_service ss on ss.story_id = s.id
        where ss.service_id = ? and s.status = 'PUBLISHED' and s.published_at > ? and s.published_at <= ?""",
        WarningFigures::fourCounts, split, CRITICAL_FROM, split, split, CRITICAL_FROM, split, serviceId,
        time(at.minus(CRITICAL_WINDOW.multipliedBy(2))), time(at));
    List<Long> stories = jdbc.queryForList("""
        select s.id from story s join story_service ss on ss.story_id = s.id
        where ss.service_id = ? and s.status = 'PUBLISHED' and s.published_at > ? and s.published_at <= ?
          and s.criticality >= ?
        order by s.published_at desc, s.id desc""", Long.class, serviceId, split, time(at), CRITICAL_FROM);
    return figures(counts[0], counts, stories);
  }

  /** The service's published stories with the tag, in the last 28 days and in the 84 days before. */
  Figures taggedStories(long serviceId, String tag, Instant at) {
    OffsetDateTime split = time(at.minus(TAG_WINDOW));
    int[] counts = jdbc.queryForObject("""
        select count(case when s.published_at > ? and t.tag is not null then 1 end),
               count(case when s.published_at > ? then 1 end),
               count(case when s.published_at <= ? and t.tag is not null then 1 end),
               count(case when s.published_at <= ? then 1 end)
        from story s join story_service ss on ss.story_id = s.id
        left join story_tag t on t.story_id = s.id and t.tag = ?
        where ss.service_id = ? and s.status = 'PUBLISHED' and s.published_at > ? and s.published_at <= ?""",
        WarningFigures::fourCounts, split, split, split, split, tag, serviceId,
        time(at.minus(TAG_WINDOW).minus(TAG_EARLIER_WINDOW)), time(at));
    List<Long> stories = jdbc.queryForList("""
        select s.id from story s join story_service ss on ss.story_id = s.id
        join story_tag t on t.story_id = s.id and t.tag = ?
        where ss.service_id = ? and s.status = 'PUBLISHED' and s.published_at > ? and s.published_at <= ?
        order by s.published_at desc, s.id desc""", Long.class, tag, serviceId, split, time(at));
    return figures(counts[0], counts, stories);
  }

  /**
   * The service's cases whose overdue date passed in the last 28 days (and the 28 before), newest
   * overdue date first. A case counts as unanswered when it had no published response at its
   * overdue date (none yet, or the first came later). The figure is how many of the newest cases
   * were unanswered in a row: it stops at the first case answered in time. Cases without an overdue
   * date (published before due dates were kept) never count.
   */
  Figures overdueInARow(long serviceId, Instant at) {
    Instant split = at.minus(OVERDUE_WINDOW);
    List<OverdueCase> cases = jdbc.query("""
        select sc.story_id, sc.overdue_at, sc.first_response_at
        from service_case sc join story s on s.id = sc.story_id
        where sc.service_id = ? and s.status = 'PUBLISHED' and sc.overdue_at > ? and sc.overdue_at <= ?
        order by sc.overdue_at desc, sc.story_id desc""",
        (rs, row) -> new OverdueCase(rs.getLong(1), instant(rs, 2), instant(rs, 3)),
        serviceId, time(split.minus(OVERDUE_WINDOW)), time(at));
    int[] counts = new int[4];
    List<Long> inARow = new ArrayList<>();
    boolean streak = true;
    for (OverdueCase overdue : cases) {
      boolean now = overdue.overdueAt().isAfter(split);
      boolean unanswered = overdue.unansweredWhenOverdue();
      counts[now ? 1 : 3]++;
      if (unanswered) {
        counts[now ? 0 : 2]++;
      }
      streak = streak && now && unanswered;
      if (streak) {
        inARow.add(overdue.storyId());
      }
    }
    return figures(inARow.size(), counts, inARow);
  }

  private static Figures figures(int figure, int[] counts, List<Long> stories) {
    return new Figures(figure, counts[0], counts[1], counts[2], counts[3], Figures.share(counts[0], counts[1]),
        Figures.share(counts[2], counts[3]), stories);
  }

  private static int[] fourCounts(ResultSet rs, int row) throws SQLException {
    return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)};
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private record OverdueCase(long storyId, Instant overdueAt, Instant firstResponseAt) {
    boolean unansweredWhenOverdue() {
      return firstResponseAt == null || firstResponseAt.isAfter(overdueAt);
    }
  }
}
