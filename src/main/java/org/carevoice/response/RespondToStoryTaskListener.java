package org.carevoice.response;

import static org.carevoice.response.ServiceResponse.Vars.CHANGE;
import static org.carevoice.response.ServiceResponse.Vars.CRITICALITY;
import static org.carevoice.response.ServiceResponse.Vars.DISPLAY_NOTE;
import static org.carevoice.response.ServiceResponse.Vars.DISPLAY_SERVICE;
import static org.carevoice.response.ServiceResponse.Vars.DISPLAY_TEXT;
import static org.carevoice.response.ServiceResponse.Vars.DISPLAY_TITLE;
import static org.carevoice.response.ServiceResponse.Vars.PRIVATE_CHANGE_DESCRIPTION;
import static org.carevoice.response.ServiceResponse.Vars.PRIVATE_RESPONDER_NAME;
import static org.carevoice.response.ServiceResponse.Vars.PRIVATE_RESPONDER_ROLE;
import static org.carevoice.response.ServiceResponse.Vars.PRIVATE_RESPONSE;
import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_DUE;
import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_FAST_TRACK;
import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_ID;
import static org.carevoice.response.ServiceResponse.Vars.SERVICE_ID;
import static org.carevoice.response.ServiceResponse.Vars.STORY_ID;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carevoice.anonymisation.IdentifierScanner;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.ModerationView;
import org.carevoice.story.StoryService;
import org.carevoice.system.TaskCard;
import org.carevoice.system.TaskRefusals;
import org.springframework.stereotype.Component;

/**
 * Prepares and checks "Respond to story": shows the published story, due when response-due.dmn says; on completion requires the
 * response, the responder's name and job title as shown publicly, and a description when a change
 * is claimed, each no longer than its column; records the response and decides whether it is fast-tracked past moderation.
 */
@Component("respondToStoryTaskListener")
public class RespondToStoryTaskListener implements TaskListener {

  static final List<String> CHANGES = List.of("none", "planned", "made");

  private final StoryService stories;
  private final ResponseService responses;
  private final OrganisationService organisation;
  private final IdentifierScanner scanner;
  private final StaffDirectory staff;
  private final TaskRefusals refusals;

  RespondToStoryTaskListener(StoryService stories, ResponseService responses, OrganisationService organisation,
      IdentifierScanner scanner, StaffDirectory staff, TaskRefusals refusals) {
    this.stories = stories;
    this.responses = responses;
    this.organisation = organisation;
    this.scanner = scanner;
    this.staff = staff;
    this.refusals = refusals;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      prepare(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      complete(task);
    }
  }

  private void prepare(DelegateTask task) {
    ModerationView story = stories.moderationView(STORY_ID.get(task));
    DISPLAY_TITLE.setLocal(task, story.title());
    DISPLAY_TEXT.setLocal(task, story.body());
    String service = service(task).getFullName();
    DISPLAY_SERVICE.setLocal(task, service);
    TaskCard.show(task, story.reference(), service, urgency(CRITICALITY.find(task).orElse(null)), RESPONSE_DUE.get(task));
    Optional<ResponseService.ResponseView> returned = RESPONSE_ID.find(task).map(responses::view);
    PRIVATE_RESPONSE.setLocal(task, returned.map(ResponseService.ResponseView::body).orElse(""));
    PRIVATE_RESPONDER_NAME.setLocal(task, returned.map(ResponseService.ResponseView::responderName).orElse(""));
    PRIVATE_RESPONDER_ROLE.setLocal(task, returned.map(ResponseService.ResponseView::responderRole).orElse(""));
    PRIVATE_CHANGE_DESCRIPTION.setLocal(task, returned.map(ResponseService.ResponseView::changeDescription).orElse(""));
    DISPLAY_NOTE.setLocal(task, returned.map(ResponseService.ResponseView::moderatorNote).orElse(""));
  }

  private void complete(DelegateTask task) {
    String body = refusals.text(task, PRIVATE_RESPONSE, Response.BODY_MAX)
        .orElseThrow(() -> refusals.refusal("task.respond.responseRequired"));
    String name = refusals.text(task, PRIVATE_RESPONDER_NAME, Response.RESPONDER_NAME_MAX).orElse("");
    String role = refusals.text(task, PRIVATE_RESPONDER_ROLE, Response.RESPONDER_ROLE_MAX).orElse("");
    String change = CHANGE.find(task).orElse("none");
    String description = refusals.text(task, PRIVATE_CHANGE_DESCRIPTION, Response.CHANGE_DESCRIPTION_MAX).orElse("");
    if (name.isEmpty() || role.isEmpty()) {
      throw refusals.refusal("task.respond.nameAndRoleRequired");
    }
    if (!CHANGES.contains(change)) {
      throw refusals.refusal("task.respond.change");
    }
    if (!change.equals("none") && description.isEmpty()) {
      throw refusals.refusal("task.respond.changeDescriptionRequired");
    }
    String responder = Optional.ofNullable(task.getAssignee()).orElseGet(staff::currentUser);
    Long responseId = responses.write(RESPONSE_ID.find(task).orElse(null), STORY_ID.get(task), service(task), responder,
        body, name, role, change.equals("none") ? null : change, description);
    RESPONSE_ID.set(task.getExecution(), responseId);
    boolean clean = scanner.scan(body).findings().isEmpty();
    RESPONSE_FAST_TRACK.set(task.getExecution(), clean && responses.isFastTrack(responseId, CRITICALITY.find(task).orElse(null)));
  }

  /** Strongly and severely critical stories are answered sooner (response-due.dmn), so they come first. */
  static TaskCard.Urgency urgency(Integer criticality) {
    return criticality != null && criticality >= 4 ? TaskCard.Urgency.HIGH : TaskCard.Urgency.ROUTINE;
  }

  private CareService service(DelegateTask task) {
    return organisation.requireService(SERVICE_ID.get(task));
  }
}
