package org.carevoice.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.carevoice.notification.OutboxStatus;
import org.carevoice.story.StoryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures an operator watches, read from the database at most once per
 * {@code carevoice.metrics.refresh} (10 s) however often Prometheus or a health check asks: one
 * aggregate query per group, each on an index or on Camunda's small runtime tables, so a scrape
 * stays cheap with 100,000 stories. Counts and dates only; nothing personal.
 */
@Component
class OperationalFigures {

  private static final Logger LOG = LoggerFactory.getLogger(OperationalFigures.class);

  /** One reading of every figure. Ages in seconds; 0 when there is nothing waiting. */
  record Snapshot(Instant at, Map<StoryStatus, Long> stories, Map<OutboxStatus, Long> outbox,
      double oldestPendingEmailAge, long moderationTasks, double oldestModerationTaskAge, long unanswered,
      long overdue, long jobsDue, long jobsLocked, long jobsFailed, Map<String, Long> incidents) {

    long stories(StoryStatus status) {
      return stories.getOrDefault(status, 0L);
    }

    long outbox(OutboxStatus status) {
      return outbox.getOrDefault(status, 0L);
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration refresh;
  private final Duration storiesRefresh;
  private Snapshot snapshot;
  /** Stories by state: the one count over every story, so read less often (it changes slowly). */
  private Map<StoryStatus, Long> stories;
  private Instant storiesAt;

  OperationalFigures(JdbcTemplate jdbc, Clock clock,
      @Value("${carevoice.metrics.refresh:PT10S}") Duration refresh,
      @Value("${carevoice.metrics.stories-refresh:PT1M}") Duration storiesRefresh) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.refresh = refresh;
    this.storiesRefresh = storiesRefresh.compareTo(refresh) < 0 ? refresh : storiesRefresh;
  }

  /**
   * The latest reading, read again when older than the refresh interval. While the database cannot
   * be reached, the last reading stays (and is tried again after the interval); null before any.
   */
  synchronized Snapshot current() {
    Instant now = clock.instant();
    if (snapshot == null || !now.isBefore(snapshot.at().plus(refresh))) {
      try {
        snapshot = read(now);
      } catch (DataAccessException unreachable) {
        LOG.warn("Operational figures not read: {}", unreachable.getClass().getSimpleName());
        snapshot = snapshot == null ? null : withTime(snapshot, now);
      }
    }
    return snapshot;
  }

  private Snapshot read(Instant now) {
    Timestamp at = Timestamp.from(now);
    if (stories == null || !now.isBefore(storiesAt.plus(storiesRefresh))) {
      Map<StoryStatus, Long> counted = new EnumMap<>(StoryStatus.class);
      // One pass over every story (its status index, or the table); at most once a minute.
      jdbc.query("select status, count(*) from story group by status",
          row -> { counted.put(StoryStatus.valueOf(row.getString(1)), row.getLong(2)); });
      stories = counted;
      storiesAt = now;
    }

    Map<OutboxStatus, Long> outbox = new EnumMap<>(OutboxStatus.class);
    Timestamp[] oldestEmail = new Timestamp[1];
    // outbox_message_due_idx (status, next_attempt_at); the SENT rows, most of the table, are not read.
    jdbc.query("select status, count(*), min(created_at) from outbox_message where status <> 'SENT' group by status",
        row -> {
          OutboxStatus status = OutboxStatus.valueOf(row.getString(1));
          outbox.put(status, row.getLong(2));
          if (status == OutboxStatus.PENDING) {
            oldestEmail[0] = row.getTimestamp(3);
          }
        });

    long[] moderation = new long[1];
    Timestamp[] oldestTask = new Timestamp[1];
    jdbc.query("select count(*), min(t.CREATE_TIME_) from ACT_RU_TASK t where exists (select 1 from"
        + " ACT_RU_IDENTITYLINK l where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ = 'moderators')",
        row -> {
          moderation[0] = row.getLong(1);
          oldestTask[0] = row.getTimestamp(2);
        });

    long[] cases = new long[2];
    // service_case_waiting_idx / service_case_unanswered_idx: the unanswered cases only.
    jdbc.query("select count(*), coalesce(sum(case when overdue_at <= ? then 1 else 0 end), 0)"
        + " from service_case where first_response_at is null", row -> {
          cases[0] = row.getLong(1);
          cases[1] = row.getLong(2);
        }, now.atOffset(ZoneOffset.UTC));

    long[] jobs = new long[3];
    // Due as Camunda's job acquisition sees them: active, retries left, not locked by a live node.
    // Camunda writes its times in the JVM's zone, as a Timestamp binds.
    jdbc.query("select"
        + " coalesce(sum(case when RETRIES_ > 0 and SUSPENSION_STATE_ = 1 and (DUEDATE_ is null or DUEDATE_ <= ?)"
        + " and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ < ?) then 1 else 0 end), 0),"
        + " coalesce(sum(case when RETRIES_ > 0 and LOCK_EXP_TIME_ >= ? then 1 else 0 end), 0),"
        + " coalesce(sum(case when RETRIES_ <= 0 then 1 else 0 end), 0)"
        + " from ACT_RU_JOB", row -> {
          jobs[0] = row.getLong(1);
          jobs[1] = row.getLong(2);
          jobs[2] = row.getLong(3);
        }, at, at, at);

    Map<String, Long> incidents = new HashMap<>();
    jdbc.query("select INCIDENT_TYPE_, count(*) from ACT_RU_INCIDENT group by INCIDENT_TYPE_",
        row -> { incidents.put(row.getString(1), row.getLong(2)); });

    return new Snapshot(now, stories, outbox, age(oldestEmail[0], now), moderation[0], age(oldestTask[0], now),
        cases[0], cases[1], jobs[0], jobs[1], jobs[2], incidents);
  }

  private static double age(Timestamp since, Instant now) {
    return since == null ? 0 : Math.max(0, Duration.between(since.toInstant(), now).toMillis() / 1000.0);
  }

  private static Snapshot withTime(Snapshot old, Instant now) {
    return new Snapshot(now, old.stories(), old.outbox(), old.oldestPendingEmailAge(), old.moderationTasks(),
        old.oldestModerationTaskAge(), old.unanswered(), old.overdue(), old.jobsDue(), old.jobsLocked(),
        old.jobsFailed(), old.incidents());
  }
}
