package org.carevoice.story;

import java.util.List;

/**
 * One slice of the published stories that match a search, with their services and tags loaded.
 *
 * @param total how many stories match in all; when {@code totalExact} is false, at least this many
 *     (a search or a filter stops counting at {@link PublishedStorySearch#COUNT_LIMIT})
 */
public record StorySearchResult(List<Story> stories, long total, boolean totalExact, int skip, int take) {

  public StorySearchResult(List<Story> stories, long total, int skip, int take) {
    this(stories, total, true, skip, take);
  }

  public boolean hasMore() {
    return (long) skip + stories.size() < total;
  }
}
