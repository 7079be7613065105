package org.carevoice.publication;

import static org.carevoice.story.StoryLifecycle.Vars.CRITICALITY;
import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/** Service task "Publish story": makes the story public and tells the author. */
@Component("publishStoryDelegate")
public class PublishStoryDelegate implements JavaDelegate {

  private final StoryService stories;

  PublishStoryDelegate(StoryService stories) {
    this.stories = stories;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stories.publish(STORY_ID.get(execution), CRITICALITY.find(execution).orElse(null));
  }
}
