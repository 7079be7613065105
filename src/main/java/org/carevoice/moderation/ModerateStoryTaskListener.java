package org.carevoice.moderation;

import static org.carevoice.story.StoryLifecycle.Vars.CRITICALITY;
import static org.carevoice.story.StoryLifecycle.Vars.DECISION;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_SERVICES;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_TEXT;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_TITLE;
import static org.carevoice.story.StoryLifecycle.Vars.REJECTION_REASON;
import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.carevoice.story.ModerationView;
import org.carevoice.story.StoryLifecycle.Decision;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/**
 * Prepares and checks the "Moderate story" task.
 *
 * <p>On create it puts the story's title, text and services on the task as display-only,
 * task-local variables for the Camunda Form: they never reach history (CarevoiceHistoryLevel)
 * and disappear with the task. The text is a JSON string because Camunda keeps plain strings in a
 * 4,000-character column, and stories are longer.
 *
 * <p>On complete it checks the decision on the server, whatever the client sent: a decision is
 * required, a rejection needs a known reason, criticality is 0 to 5.
 */
@Component("moderateStoryTaskListener")
public class ModerateStoryTaskListener implements TaskListener {

  private final StoryService stories;
  private final ObjectMapper json = new ObjectMapper();

  ModerateStoryTaskListener(StoryService stories) {
    this.stories = stories;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> showStory(task);
      case EVENTNAME_COMPLETE -> checkDecision(task);
      default -> { }
    }
  }

  private void showStory(DelegateTask task) {
    ModerationView story = stories.moderationView(STORY_ID.get(task));
    DISPLAY_TITLE.setLocal(task, story.title());
    DISPLAY_SERVICES.setLocal(task, story.services());
    DISPLAY_TEXT.setLocal(task, SpinValues.jsonValue(asJsonString(story.body())).create());
  }

  private void checkDecision(DelegateTask task) {
    String decision = DECISION.find(task).orElse("");
    if (!decision.equals(Decision.APPROVE) && !decision.equals(Decision.REJECT)) {
      throw new ProcessEngineException("Choose whether to publish or reject the story.");
    }
    Integer criticality = criticality(task)
        .filter(value -> value >= 0 && value <= 5)
        .orElseThrow(() -> new ProcessEngineException("Choose how critical the story is, from 0 to 5."));
    CRITICALITY.set(task.getExecution(), criticality);
    if (decision.equals(Decision.REJECT)) {
      String reason = REJECTION_REASON.find(task).orElse(null);
      if (!RejectionReason.isKnown(reason)) {
        throw new ProcessEngineException("Choose a reason for rejecting the story.");
      }
    }
  }

  private static Optional<Integer> criticality(DelegateTask task) {
    try {
      return CRITICALITY.find(task);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private String asJsonString(String text) {
    try {
      return json.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A string is always serialisable", e);
    }
  }
}
