package org.carevoice.moderation;

import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_REFERENCE;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_SAFEGUARDING_PAGE;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_SIGNALS;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_TEXT;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_TITLE;
import static org.carevoice.story.StoryLifecycle.Vars.SAFEGUARDING_DECISION;
import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;

import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carevoice.story.ModerationView;
import org.carevoice.story.StoryLifecycle.SafeguardingDecision;
import org.carevoice.story.StoryService;
import org.carevoice.system.TaskCard;
import org.carevoice.system.TaskRefusals;
import org.springframework.stereotype.Component;

/**
 * Prepares and checks "Review safeguarding concern": shows the story and its reference to the
 * lead, with a link to the story's safeguarding page (the author's contact details), and on
 * completion requires one of publish / do not publish / contact made, which it records on the
 * story. The decision variable releases the publication path waiting for it.
 */
@Component("reviewSafeguardingConcernTaskListener")
public class ReviewSafeguardingConcernTaskListener implements TaskListener {

  private final StoryService stories;
  /** A safeguarding concern is reviewed within hours, weekends included. */
  static final Duration REVIEW_WITHIN = Duration.ofHours(4);

  private final TaskRefusals refusals;
  private final SafeguardingReviews reviews;
  private final Clock clock;

  ReviewSafeguardingConcernTaskListener(StoryService stories, TaskRefusals refusals, SafeguardingReviews reviews,
      Clock clock) {
    this.clock = clock;
    this.stories = stories;
    this.refusals = refusals;
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      ModerationView story = stories.moderationView(STORY_ID.get(task));
      DISPLAY_REFERENCE.setLocal(task, story.reference());
      DISPLAY_SAFEGUARDING_PAGE.setLocal(task, reviews.pageUrl(story.reference()));
      DISPLAY_TITLE.setLocal(task, story.title());
      DISPLAY_TEXT.setLocal(task, story.body());
      DISPLAY_SIGNALS.setLocal(task, story.signals().isEmpty() ? "None" : String.join("\n", story.signals()));
      TaskCard.show(task, story.reference(), story.services(), TaskCard.Urgency.SAFEGUARDING,
          TaskCard.within(clock, REVIEW_WITHIN));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String decision = SAFEGUARDING_DECISION.find(task).orElse(null);
      if (!SafeguardingDecision.isDecision(decision)) {
        throw refusals.refusal("task.safeguarding.decision");
      }
      stories.recordSafeguardingDecision(STORY_ID.get(task), decision);
    }
  }
}
