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
import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_FAST_TRACK;
import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_ID;
import static org.carevoice.response.ServiceResponse.Vars.SERVICE_ID;
import static org.carevoice.response.ServiceResponse.Vars.STORY_ID;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carevoice.anonymisation.IdentifierScanner;
import org.carevoice.identity.StaffDirectory;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.ModerationView;
import org.carevoice.story.StoryService;
import org.springframework.stereotype.Component;

/**
 * Prepares and checks "Respond to story": shows the published story; on completion requires the
 * response, the responder's name and job title as shown publicly, and a description when a change
 * is claimed; records the response and decides whether it is fast-tracked past moderation.
 */
@Component("respondToStoryTaskListener")
public class RespondToStoryTaskListener implements TaskListener {

  static final List<String> CHANGES = List.of("none", "planned", "made");

  private final StoryService stories;
  private final ResponseService responses;
  private final OrganisationService organisation;
  private final IdentifierScanner scanner;
  private final StaffDirectory staff;

  RespondToStoryTaskListener(StoryService stories, ResponseService responses, OrganisationService organisation,
      IdentifierScanner scanner, StaffDirectory staff) {
    this.stories = stories;
    this.responses = responses;
    this.organisation = organisation;
    this.scanner = scanner;
    this.staff = staff;
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
    DISPLAY_SERVICE.setLocal(task, service(task).getFullName());
    Optional<ResponseService.ResponseView> returned = RESPONSE_ID.find(task).map(responses::view);
    PRIVATE_RESPONSE.setLocal(task, returned.map(ResponseService.ResponseView::body).orElse(""));
    PRIVATE_RESPONDER_NAME.setLocal(task, returned.map(ResponseService.ResponseView::responderName).orElse(""));
    PRIVATE_RESPONDER_ROLE.setLocal(task, returned.map(ResponseService.ResponseView::responderRole).orElse(""));
    PRIVATE_CHANGE_DESCRIPTION.setLocal(task, returned.map(ResponseService.ResponseView::changeDescription).orElse(""));
    DISPLAY_NOTE.setLocal(task, returned.map(ResponseService.ResponseView::moderatorNote).orElse(""));
  }

  private void complete(DelegateTask task) {
    String body = PRIVATE_RESPONSE.find(task).map(String::strip).orElse("");
    String name = PRIVATE_RESPONDER_NAME.find(task).map(String::strip).orElse("");
    String role = PRIVATE_RESPONDER_ROLE.find(task).map(String::strip).orElse("");
    String change = CHANGE.find(task).orElse("none");
    String description = PRIVATE_CHANGE_DESCRIPTION.find(task).map(String::strip).orElse("");
    if (body.isEmpty() || body.length() > Response.BODY_MAX) {
      throw new ProcessEngineException("Write the response (up to 10,000 characters).");
    }
    if (name.isEmpty() || role.isEmpty() || name.length() > 120 || role.length() > 160) {
      throw new ProcessEngineException("Give your name and job title as they should appear publicly.");
    }
    if (!CHANGES.contains(change)) {
      throw new ProcessEngineException("Choose whether a change is planned or made.");
    }
    if (!change.equals("none") && description.isEmpty()) {
      throw new ProcessEngineException("Describe the change that is planned or made.");
    }
    String responder = Optional.ofNullable(task.getAssignee()).orElseGet(staff::currentUser);
    Long responseId = responses.write(RESPONSE_ID.find(task).orElse(null), STORY_ID.get(task), service(task), responder,
        body, name, role, change.equals("none") ? null : change, description);
    RESPONSE_ID.set(task.getExecution(), responseId);
    boolean clean = scanner.scan(body).findings().isEmpty();
    RESPONSE_FAST_TRACK.set(task.getExecution(), clean && responses.isFastTrack(responseId, CRITICALITY.find(task).orElse(null)));
  }

  private CareService service(DelegateTask task) {
    return organisation.requireService(SERVICE_ID.get(task));
  }
}
