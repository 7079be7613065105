package org.carevoice.publication;

import java.util.List;
import java.util.Set;
import org.carevoice.response.ResponseService;
import org.carevoice.story.Story;
import org.springframework.stereotype.Component;

/** Published stories as the cards of a list, each knowing whether a service has answered it. */
@Component
public class StoryCards {

  private final ResponseService responses;

  StoryCards(ResponseService responses) {
    this.responses = responses;
  }

  /** A story in a list, with whether it has been answered. */
  public record StoryCard(Story story, boolean answered) {}

  public List<StoryCard> of(List<Story> page) {
    Set<Long> answered = responses.answeredStoryIds(page.stream().map(Story::getId).toList());
    return page.stream().map(story -> new StoryCard(story, answered.contains(story.getId()))).toList();
  }
}
