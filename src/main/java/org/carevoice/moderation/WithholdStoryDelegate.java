package org.carevoice.moderation;

import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/** Service task "Withhold story": the safeguarding lead decided it must not be published. */
@Component("withholdStoryDelegate")
public class WithholdStoryDelegate implements JavaDelegate {

  private final StoryService stories;

  WithholdStoryDelegate(StoryService stories) {
    this.stories = stories;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stories.reject(STORY_ID.get(execution), RejectionReason.SAFEGUARDING_CONCERN.name(), null);
  }
}
