package org.carevoice.story;

/** Where a story is in its lifecycle, as the author and staff see it. */
public enum StoryStatus {
  /** Received; screening and moderation are under way. Never public. */
  SUBMITTED,
  /** A moderator asked the author for changes; waiting for the edited story (14 days). */
  AWAITING_EDIT,
  /** Approved and visible on the public site. Ends the moderation part of the case. */
  PUBLISHED,
  /** Not published; the reason code is kept and the author was told. An end. */
  REJECTED,
  /** Withdrawn by the author; the text and contact details are erased. An end. */
  WITHDRAWN,
  /** The author did not edit within the time limit. An end. */
  CLOSED_NOT_EDITED;

  public boolean isPublic() {
    return this == PUBLISHED;
  }

  /** Whether the author may still withdraw (everything but an earlier withdrawal). */
  public boolean isWithdrawable() {
    return this != WITHDRAWN;
  }
}
