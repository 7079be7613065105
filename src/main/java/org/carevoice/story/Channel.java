package org.carevoice.story;

/** How a story reached Carevoice. */
public enum Channel {
  /** The public "Tell your story" form. */
  WEB,
  /** A client of the JSON API on the author's behalf (not used yet: staff entries say PHONE or PAPER). */
  API,
  /** Entered by staff, how it was taken not recorded (kept for rows written before PHONE and PAPER). */
  STAFF_ENTERED,
  /** Taken by phone and entered by a member of staff (/staff/stories/new or the API). */
  PHONE,
  /** Written on paper (a form, a letter) and entered by a member of staff (/staff/stories/new or the API). */
  PAPER,
  DEMO;

  /** Whether a member of staff entered the story for its author (the moderator is told so). */
  public boolean isEnteredByStaff() {
    return this == PHONE || this == PAPER || this == STAFF_ENTERED || this == API;
  }

  /** How staff may say a story was taken, at /staff/stories/new and in the API. */
  public boolean isStaffChoice() {
    return this == PHONE || this == PAPER;
  }
}
