package org.carevoice.publication;

import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/**
 * Service task "Withdraw and erase story" (withdrawal event subprocess): unpublishes the story and
 * erases its personal data. The private page already did this when the author withdrew; doing it
 * again changes nothing, and makes sure of it.
 */
@Component("withdrawStoryDelegate")
public class WithdrawStoryDelegate implements JavaDelegate {

  private final StoryService stories;

  WithdrawStoryDelegate(StoryService stories) {
    this.stories = stories;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stories.withdraw(STORY_ID.get(execution));
  }
}
