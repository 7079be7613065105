package org.carevoice.moderation;

import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/** Service task "Close as not edited": no edit in time; the case ends and the author is told. */
@Component("closeNotEditedDelegate")
public class CloseNotEditedDelegate implements JavaDelegate {

  private final StoryService stories;

  CloseNotEditedDelegate(StoryService stories) {
    this.stories = stories;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stories.closeNotEdited(STORY_ID.get(execution));
  }
}
