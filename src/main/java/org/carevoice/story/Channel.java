package org.carevoice.story;

/** How a story reached Carevoice. */
public enum Channel {
  /** The public "Tell your story" form. */
  WEB,
  /** A client of the JSON API on the author's behalf (not used yet: staff entries say PHONE or PAPER). */
  API,
  /** Entered by staff, how it was taken not recorded (kept for rows written before PHONE and PAPER). */
  STAFF_ENTERED,
  /** Taken by phone and entered by a member of staff through the API. */
  PHONE,
  /** Written on paper (a form, a letter) and entered by a member of staff through the API. */
  PAPER,
  DEMO
}
