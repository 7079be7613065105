package org.carevoice.story;

import java.util.List;

/**
 * One slice of the published stories that match a search, with their services and tags loaded.
 *
 * @param total how many stories match in all
 */
public record StorySearchResult(List<Story> stories, long total, int skip, int take) {

  public boolean hasMore() {
    return (long) skip + stories.size() < total;
  }
}
