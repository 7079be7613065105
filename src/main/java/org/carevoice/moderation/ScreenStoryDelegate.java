package org.carevoice.moderation;

import static org.carevoice.story.StoryLifecycle.Vars.ABUSIVE_FLAG;
import static org.carevoice.story.StoryLifecycle.Vars.DUPLICATE_FLAG;
import static org.carevoice.story.StoryLifecycle.Vars.SAFEGUARDING_DECISION;
import static org.carevoice.story.StoryLifecycle.Vars.SAFEGUARDING_FLAG;
import static org.carevoice.story.StoryLifecycle.Vars.SAFEGUARDING_REVIEW_NEEDED;
import static org.carevoice.story.StoryLifecycle.Vars.SPAM_FLAG;
import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;
import static org.carevoice.story.StoryLifecycle.Vars.TOO_LONG_FLAG;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.story.StoryLifecycle.SafeguardingDecision;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/**
 * Service task "Screen story": records the signals on the story and as routing flags.
 *
 * <p>Screening only ever raises a safeguarding concern. A concern starts a review and holds
 * publication until the lead decides, unless a review is already pending; an edited story is
 * screened again and, if it raises a concern, reviewed again. An edited story that raises none
 * keeps the decision already taken.
 */
@Component("screenStoryDelegate")
public class ScreenStoryDelegate implements JavaDelegate {

  private final StoryService stories;
  private final StoryScreener screener;

  ScreenStoryDelegate(StoryService stories, StoryScreener screener) {
    this.stories = stories;
    this.screener = screener;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long storyId = STORY_ID.get(execution);
    StoryScreener.Signals signals = screener.screen(stories.screeningSubject(storyId));
    stories.recordScreening(storyId, signals.safeguarding(), signals.spam(), signals.abusive(), signals.duplicate(),
        signals.tooLong());
    SAFEGUARDING_FLAG.set(execution, signals.safeguarding());
    SPAM_FLAG.set(execution, signals.spam());
    ABUSIVE_FLAG.set(execution, signals.abusive());
    DUPLICATE_FLAG.set(execution, signals.duplicate());
    TOO_LONG_FLAG.set(execution, signals.tooLong());

    boolean decided = execution.hasVariable(SAFEGUARDING_DECISION.name());
    String decision = decided ? SAFEGUARDING_DECISION.find(execution).orElse(null) : SafeguardingDecision.NOT_REQUIRED;
    boolean reviewPending = decided && decision == null;
    boolean newConcern = signals.safeguarding() && !reviewPending;
    SAFEGUARDING_REVIEW_NEEDED.set(execution, newConcern);
    SAFEGUARDING_DECISION.set(execution, newConcern ? null : decision);
  }
}
