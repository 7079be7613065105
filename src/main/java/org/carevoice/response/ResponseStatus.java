package org.carevoice.response;

/** Where a response is on its way to the public page. */
public enum ResponseStatus {
  DRAFT,
  AWAITING_MODERATION,
  RETURNED,
  PUBLISHED
}
