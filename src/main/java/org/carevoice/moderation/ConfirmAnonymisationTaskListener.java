package org.carevoice.moderation;

import static org.carevoice.story.StoryLifecycle.Vars.ANONYMISATION_DECISION;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_FINDINGS;
import static org.carevoice.story.StoryLifecycle.Vars.MODERATOR;
import static org.carevoice.story.StoryLifecycle.Vars.PRIVATE_TEXT;
import static org.carevoice.story.StoryLifecycle.Vars.PRIVATE_TITLE;
import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;
import static org.carevoice.story.StoryLifecycle.Vars.URGENCY;

import java.time.Clock;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carevoice.anonymisation.IdentifierScanner;
import org.carevoice.anonymisation.ScanResult;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.identity.TaskWorkRefusedException;
import org.carevoice.story.ModerationView;
import org.carevoice.story.Story;
import org.carevoice.story.StoryLifecycle.AnonymisationDecision;
import org.carevoice.story.StoryService;
import org.carevoice.system.TaskCard;
import org.carevoice.system.TaskRefusals;
import org.springframework.stereotype.Component;

/**
 * "Confirm anonymisation": identifiers remained after moderation, so a second moderator looks.
 * The moderator who moderated the story can neither claim, be assigned nor complete this task: a
 * 403 that says why ({@link TaskWorkRefusedException}), never a 500. On create the suggested
 * redaction is offered for editing and the card filled as for moderation (due in one working day);
 * on confirm the text as left is saved, each edited text checked against the column it is saved to.
 */
@Component("confirmAnonymisationTaskListener")
public class ConfirmAnonymisationTaskListener implements TaskListener {

  private final StoryService stories;
  private final IdentifierScanner scanner;
  private final StaffDirectory staff;
  private final TaskRefusals refusals;
  private final Clock clock;

  ConfirmAnonymisationTaskListener(StoryService stories, IdentifierScanner scanner, StaffDirectory staff,
      TaskRefusals refusals, Clock clock) {
    this.clock = clock;
    this.stories = stories;
    this.scanner = scanner;
    this.staff = staff;
    this.refusals = refusals;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> prepare(task);
      case EVENTNAME_ASSIGNMENT -> refuseModerator(task.getAssignee(), task);
      case EVENTNAME_COMPLETE -> complete(task);
      default -> { }
    }
  }

  private void prepare(DelegateTask task) {
    ModerationView story = stories.moderationView(STORY_ID.get(task));
    ScanResult title = scanner.scan(story.title());
    ScanResult body = scanner.scan(story.body());
    PRIVATE_TITLE.setLocal(task, title.redactedText());
    PRIVATE_TEXT.setLocal(task, body.redactedText());
    DISPLAY_FINDINGS.setLocal(task, IdentifierScanner.describe(
        java.util.stream.Stream.concat(title.findings().stream(), body.findings().stream()).toList()));
    TaskCard.show(task, story.reference(), story.services(), Urgency.of(URGENCY.find(task).orElse(null)).card(),
        TaskCard.nextWorkingDay(clock));
  }

  private void complete(DelegateTask task) {
    // Whoever completes it, and whoever it is assigned to: neither may be the story's moderator.
    refuseModerator(staff.currentUser(), task);
    refuseModerator(task.getAssignee(), task);
    String decision = ANONYMISATION_DECISION.find(task).orElse("");
    if (decision.equals(AnonymisationDecision.CONFIRM)) {
      stories.recordRedaction(STORY_ID.get(task), refusals.text(task, PRIVATE_TITLE, Story.TITLE_MAX).orElse(null),
          refusals.text(task, PRIVATE_TEXT, Story.BODY_MAX).orElse(null));
    } else if (!decision.equals(AnonymisationDecision.RETURN_TO_MODERATION)) {
      throw refusals.refusal("task.anonymisation.decision");
    }
  }

  private void refuseModerator(String user, DelegateTask task) {
    String moderator = MODERATOR.find(task).orElse(null);
    if (user != null && Objects.equals(user, moderator)) {
      throw new TaskWorkRefusedException(refusals.refusal("task.anonymisation.sameModerator").getMessage());
    }
  }
}
