package org.carevoice.moderation;

import static org.carevoice.story.StoryLifecycle.Vars.CRITICALITY;
import static org.carevoice.story.StoryLifecycle.Vars.REJECTION_REASON;
import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/** Service task "Reject story": records the reason and tells the author. */
@Component("rejectStoryDelegate")
public class RejectStoryDelegate implements JavaDelegate {

  private final StoryService stories;

  RejectStoryDelegate(StoryService stories) {
    this.stories = stories;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stories.reject(STORY_ID.get(execution), REJECTION_REASON.get(execution), CRITICALITY.find(execution).orElse(null));
  }
}
