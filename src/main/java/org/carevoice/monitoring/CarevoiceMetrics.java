package org.carevoice.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.carevoice.monitoring.OperationalFigures.Snapshot;
import org.carevoice.notification.OutboxStatus;
import org.carevoice.story.StoryStatus;
import org.springframework.stereotype.Component;

/**
 * Carevoice's own figures and the state of Camunda's job executor, as gauges for
 * {@code /actuator/prometheus} ({@code carevoice_*}, {@code camunda_*}). Each reads the cached
 * {@link OperationalFigures}; the database is asked at most once per refresh interval. The figures
 * are the whole installation's (every node reports the same): in Grafana take {@code max}, not
 * {@code sum}, over nodes. The dashboard is docker/grafana/carevoice.json.
 */
@Component
class CarevoiceMetrics implements MeterBinder {

  private final OperationalFigures figures;

  CarevoiceMetrics(OperationalFigures figures) {
    this.figures = figures;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (StoryStatus status : StoryStatus.values()) {
      gauge(registry, "carevoice.stories", "Stories by state", s -> s.stories(status), "state", status.name());
    }
    gauge(registry, "carevoice.moderation.backlog", "Open tasks for the moderators (stories, anonymisation, responses,"
        + " replies)", Snapshot::moderationTasks);
    gauge(registry, "carevoice.moderation.oldest.age.seconds", "Age of the oldest open moderators' task; 0 when none",
        Snapshot::oldestModerationTaskAge);
    gauge(registry, "carevoice.responses.unanswered", "Service cases without a published response", Snapshot::unanswered);
    gauge(registry, "carevoice.responses.overdue", "Unanswered service cases past their overdue date",
        Snapshot::overdue);
    for (OutboxStatus status : List.of(OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.FAILED)) {
      gauge(registry, "carevoice.outbox.messages", "Emails not yet sent, by delivery state", s -> s.outbox(status),
          "status", status.name());
    }
    gauge(registry, "carevoice.outbox.oldest.pending.age.seconds", "Age of the oldest email waiting to be sent",
        Snapshot::oldestPendingEmailAge);
    gauge(registry, "camunda.jobs.due", "Jobs due and waiting for a job executor (the backlog)", Snapshot::jobsDue);
    gauge(registry, "camunda.jobs.locked", "Jobs a node has locked and is executing", Snapshot::jobsLocked);
    gauge(registry, "camunda.jobs.failed", "Jobs without retries left (each has an incident)", Snapshot::jobsFailed);
    gauge(registry, "camunda.incidents.open", "Open incidents (failed jobs and others): Cockpit lists them",
        s -> s.incidents().values().stream().mapToLong(Long::longValue).sum());
  }

  private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value,
      String... tags) {
    Gauge.builder(name, figures, f -> {
      Snapshot snapshot = f.current();
      return snapshot == null ? Double.NaN : value.applyAsDouble(snapshot);
    }).description(description).tags(tags).register(registry);
  }
}
