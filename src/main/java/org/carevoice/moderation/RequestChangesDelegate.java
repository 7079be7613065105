package org.carevoice.moderation;

import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/** Service task "Ask author for changes": emails the moderator's request and a private link to edit. */
@Component("requestChangesDelegate")
public class RequestChangesDelegate implements JavaDelegate {

  private final StoryService stories;

  RequestChangesDelegate(StoryService stories) {
    this.stories = stories;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stories.requestChanges(STORY_ID.get(execution));
  }
}
