package org.carevoice.publication;

import static org.carevoice.story.StoryLifecycle.Vars.CRITICALITY;
import static org.carevoice.story.StoryLifecycle.Vars.PUBLISHED_SERVICE_IDS;
import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/** Service task "Publish story": makes the story public, tells the author, and lists the services to respond. */
@Component("publishStoryDelegate")
public class PublishStoryDelegate implements JavaDelegate {

  private final StoryService stories;

  PublishStoryDelegate(StoryService stories) {
    this.stories = stories;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long storyId = STORY_ID.get(execution);
    stories.publish(storyId, CRITICALITY.find(execution).orElse(null));
    // One service-response case per service (the call activity's collection).
    execution.setVariable(PUBLISHED_SERVICE_IDS, new ArrayList<>(stories.serviceIds(storyId)));
  }
}
