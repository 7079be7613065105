package org.carevoice.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery of queued email.
 *
 * @param pollInterval how often the sender looks for due messages
 * @param maxAttempts attempts before a message is marked FAILED
 * @param firstRetryDelay delay after the first failure; doubled after each further failure
 * @param maxRetryDelay the longest delay between two attempts
 * @param sendingLease after this long, a message claimed by a node that died is retried
 */
@ConfigurationProperties("carevoice.outbox")
public record OutboxProperties(
    Duration pollInterval, int maxAttempts, Duration firstRetryDelay, Duration maxRetryDelay, Duration sendingLease) {

  /** Delay before the attempt after {@code attemptsSoFar} failed attempts: 1, 2, 4 ... capped. */
  Duration retryDelay(int attemptsSoFar) {
    int doublings = Math.max(0, Math.min(attemptsSoFar - 1, 20));
    Duration delay = firstRetryDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }
}
