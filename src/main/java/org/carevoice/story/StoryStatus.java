package org.carevoice.story;

/** Where a story is in its lifecycle, as the author and staff see it. */
public enum StoryStatus {
  /** Received; screening and moderation are under way. Never public. */
  SUBMITTED,
  /** Approved and visible on the public site. */
  PUBLISHED,
  /** Not published; the reason code is kept and the author was told. */
  REJECTED;

  public boolean isPublic() {
    return this == PUBLISHED;
  }
}
