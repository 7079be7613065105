package org.carevoice.story;

/** The order of a list of published stories. Every order ends with the id, so paging is stable. */
public enum StorySort {
  /** Newest published first. */
  NEWEST,
  /** Oldest published first. */
  OLDEST,
  /** Best match for the search words first (PostgreSQL); newest first when there are no words. */
  RELEVANCE
}
