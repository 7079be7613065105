package org.carevoice.notification;

/** Delivery state of one outbox row. */
public enum OutboxStatus {
  /** Waiting to be sent (first time or after a failed attempt). */
  PENDING,
  /** Claimed by one sender; no other sender touches it until the lease runs out. */
  SENDING,
  /** Handed to the SMTP server. */
  SENT,
  /** Gave up after the maximum number of attempts; an operator looks at it. */
  FAILED
}
