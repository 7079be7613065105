package org.carevoice.response;

import static org.carevoice.response.ServiceResponse.Vars.DISPLAY_FINDINGS;
import static org.carevoice.response.ServiceResponse.Vars.DISPLAY_TEXT;
import static org.carevoice.response.ServiceResponse.Vars.DISPLAY_TITLE;
import static org.carevoice.response.ServiceResponse.Vars.PRIVATE_NOTE;
import static org.carevoice.response.ServiceResponse.Vars.RESPONDER_GROUP;
import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_DECISION;
import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_ID;
import static org.carevoice.response.ServiceResponse.Vars.SERVICE_ID;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carevoice.anonymisation.IdentifierScanner;
import org.carevoice.anonymisation.ScanResult;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.system.TaskCard;
import org.carevoice.system.TaskRefusals;
import org.springframework.stereotype.Component;

/**
 * Prepares and checks "Moderate response": shows the response with any identifiers found in it;
 * on completion requires publish or return, and a note for the responders when returning, which is
 * emailed to the responder. Due in one working day.
 */
@Component("moderateResponseTaskListener")
public class ModerateResponseTaskListener implements TaskListener {

  private final ResponseService responses;
  private final IdentifierScanner scanner;
  private final TaskRefusals refusals;
  private final OrganisationService organisation;
  private final ReturnedResponses returned;
  private final Clock clock;

  ModerateResponseTaskListener(ResponseService responses, IdentifierScanner scanner, TaskRefusals refusals,
      OrganisationService organisation, ReturnedResponses returned, Clock clock) {
    this.organisation = organisation;
    this.returned = returned;
    this.clock = clock;
    this.responses = responses;
    this.scanner = scanner;
    this.refusals = refusals;
  }

  @Override
  public void notify(DelegateTask task) {
    ResponseService.ResponseView response = responses.view(RESPONSE_ID.get(task));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      ScanResult scan = scanner.scan(response.body());
      DISPLAY_TITLE.setLocal(task, response.responderName() + ", " + response.responderRole()
          + (response.changeType() == null ? "" : " (change " + response.changeType() + ": " + response.changeDescription() + ")"));
      DISPLAY_TEXT.setLocal(task, response.body());
      DISPLAY_FINDINGS.setLocal(task, IdentifierScanner.describe(scan.findings()));
      PRIVATE_NOTE.setLocal(task, "");
      TaskCard.show(task, task.getExecution().getProcessBusinessKey(),
          organisation.requireService(SERVICE_ID.get(task)).getFullName(), TaskCard.Urgency.ROUTINE,
          TaskCard.nextWorkingDay(clock));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String decision = RESPONSE_DECISION.find(task).orElse("");
      if (decision.equals("return")) {
        String note = refusals.text(task, PRIVATE_NOTE, Response.MODERATOR_NOTE_MAX)
            .orElseThrow(() -> refusals.refusal("task.responseModeration.noteRequired"));
        responses.returnToResponders(response.id(), note);
        returned.tellResponder(task.getExecution().getProcessBusinessKey(), response.id(),
            RESPONDER_GROUP.get(task), note);
      } else if (!decision.equals("approve")) {
        throw refusals.refusal("task.responseModeration.decision");
      }
    }
  }
}
