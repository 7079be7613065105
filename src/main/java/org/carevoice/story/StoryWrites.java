package org.carevoice.story;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Tells the published-story search that a story was written on this node, so that the count of
 * the whole list it keeps for a few seconds is read again ({@link PublishedStorySearch}).
 */
public class StoryWrites {

  @PostPersist
  @PostUpdate
  @PostRemove
  void written(Story story) {
    PublishedStorySearch.storyWritten();
  }
}
