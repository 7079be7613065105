package org.carevoice.monitoring;

import org.carevoice.monitoring.OperationalFigures.Snapshot;
import org.carevoice.notification.OutboxStatus;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The email outbox's backlog in {@code /actuator/health} ("outbox"), shown to administrators only
 * (management.endpoint.health.show-details). Always UP: an SMTP outage must not take the
 * application out of service, since the outbox keeps and retries the mail; the numbers tell the
 * operator to look ("Email delivery" in docs/operations.md).
 */
@Component
class OutboxHealthIndicator extends AbstractHealthIndicator {

  private final OperationalFigures figures;

  OutboxHealthIndicator(OperationalFigures figures) {
    super("Outbox figures could not be read");
    this.figures = figures;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Snapshot snapshot = figures.current();
    if (snapshot == null) {
      builder.unknown();
      return;
    }
    builder.up()
        .withDetail("pending", snapshot.outbox(OutboxStatus.PENDING))
        .withDetail("sending", snapshot.outbox(OutboxStatus.SENDING))
        .withDetail("failed", snapshot.outbox(OutboxStatus.FAILED))
        .withDetail("oldestPendingSeconds", Math.round(snapshot.oldestPendingEmailAge()))
        .withDetail("readAt", snapshot.at().toString());
  }
}
