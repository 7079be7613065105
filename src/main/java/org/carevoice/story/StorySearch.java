package org.carevoice.story;

import java.time.LocalDate;

/**
 * What a reader asks of the published stories: every field is optional. Organisation, site and
 * service are given by their slugs, as in the public URLs.
 *
 * @param text words to find in the title or the story (all of them; PostgreSQL full-text search
 *     with stemming in production, a plain case-insensitive match on H2)
 * @param publishedFrom first day of publication, inclusive (Scottish time)
 * @param publishedTo last day of publication, inclusive
 * @param responded true: only stories with a published response; false: only stories without
 */
public record StorySearch(String text, String organisation, String site, String service, String tag,
    LocalDate publishedFrom, LocalDate publishedTo, Boolean responded, StorySort sort) {

  public static final int MAX_TEXT_LENGTH = 200;

  public static StorySearch all() {
    return new StorySearch(null, null, null, null, null, null, null, null, StorySort.NEWEST);
  }

  public StorySearch {
    text = blankToNull(text);
    organisation = blankToNull(organisation);
    site = blankToNull(site);
    service = blankToNull(service);
    tag = blankToNull(tag);
    sort = sort == null ? (text == null ? StorySort.NEWEST : StorySort.RELEVANCE) : sort;
    if (text != null && text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("The search text is longer than " + MAX_TEXT_LENGTH + " characters");
    }
    if (publishedFrom != null && publishedTo != null && publishedFrom.isAfter(publishedTo)) {
      throw new IllegalArgumentException("The first date is after the last date");
    }
  }

  /** Whether anything narrows the stories: words or any filter (the order does not). */
  public boolean isNarrowed() {
    return text != null || organisation != null || site != null || service != null || tag != null
        || publishedFrom != null || publishedTo != null || responded != null;
  }

  /** Only the service: for a service's own page. */
  public static StorySearch ofService(String serviceSlug) {
    return new StorySearch(null, null, null, serviceSlug, null, null, null, null, StorySort.NEWEST);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
