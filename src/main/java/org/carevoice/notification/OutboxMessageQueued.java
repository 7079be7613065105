package org.carevoice.notification;

/** Published when a message is queued; the sender reacts after the transaction commits. */
record OutboxMessageQueued(Long messageId) {}
