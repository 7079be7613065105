package org.carevoice.moderation;

import static org.carevoice.story.StoryLifecycle.Vars.ANONYMISATION_DECISION;
import static org.carevoice.story.StoryLifecycle.Vars.DISPLAY_FINDINGS;
import static org.carevoice.story.StoryLifecycle.Vars.MODERATOR;
import static org.carevoice.story.StoryLifecycle.Vars.PRIVATE_TEXT;
import static org.carevoice.story.StoryLifecycle.Vars.PRIVATE_TITLE;
import static org.carevoice.story.StoryLifecycle.Vars.STORY_ID;

import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carevoice.anonymisation.IdentifierScanner;
import org.carevoice.anonymisation.ScanResult;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.identity.TaskWorkRefusedException;
import org.carevoice.story.ModerationView;
import org.carevoice.story.StoryLifecycle.AnonymisationDecision;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/**
 * "Confirm anonymisation": identifiers remained after moderation, so a second moderator looks.
 * The moderator who moderated the story can neither claim, be assigned nor complete this task: a
 * 403 that says why ({@link TaskWorkRefusedException}), never a 500. On create the suggested
 * redaction is offered for editing; on confirm the text as left is saved.
 */
@Component("confirmAnonymisationTaskListener")
public class ConfirmAnonymisationTaskListener implements TaskListener {

  static final String SAME_MODERATOR = "A second moderator must confirm the anonymisation: "
      + "you moderated this story.";

  private final StoryService stories;
  private final IdentifierScanner scanner;
  private final StaffDirectory staff;

  ConfirmAnonymisationTaskListener(StoryService stories, IdentifierScanner scanner, StaffDirectory staff) {
    this.stories = stories;
    this.scanner = scanner;
    this.staff = staff;
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
  }

  private void complete(DelegateTask task) {
    // Whoever completes it, and whoever it is assigned to: neither may be the story's moderator.
    refuseModerator(staff.currentUser(), task);
    refuseModerator(task.getAssignee(), task);
    String decision = ANONYMISATION_DECISION.find(task).orElse("");
    if (decision.equals(AnonymisationDecision.CONFIRM)) {
      stories.recordRedaction(STORY_ID.get(task), PRIVATE_TITLE.find(task).orElse(null),
          PRIVATE_TEXT.find(task).orElse(null));
    } else if (!decision.equals(AnonymisationDecision.RETURN_TO_MODERATION)) {
      throw new ProcessEngineException("Choose whether to confirm the text or return it to moderation.");
    }
  }

  private static void refuseModerator(String user, DelegateTask task) {
    String moderator = MODERATOR.find(task).orElse(null);
    if (user != null && Objects.equals(user, moderator)) {
      throw new TaskWorkRefusedException(SAME_MODERATOR);
    }
  }
}
