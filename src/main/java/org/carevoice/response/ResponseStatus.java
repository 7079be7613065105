package org.carevoice.response;

/** Where a response is on its way to the public page. */
public enum ResponseStatus {
  DRAFT,
  AWAITING_MODERATION,
  RETURNED,
  PUBLISHED,
  /** The story was withdrawn: unpublished, its text erased; the row stays for the record. */
  WITHDRAWN
}
