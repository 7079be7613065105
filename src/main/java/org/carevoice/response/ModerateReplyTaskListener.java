package org.carevoice.response;

import static org.carevoice.response.AuthorReplyLifecycle.Vars.DISPLAY_FINDINGS;
import static org.carevoice.response.AuthorReplyLifecycle.Vars.DISPLAY_TEXT;
import static org.carevoice.response.AuthorReplyLifecycle.Vars.DISPLAY_TITLE;
import static org.carevoice.response.AuthorReplyLifecycle.Vars.REPLY_DECISION;
import static org.carevoice.response.AuthorReplyLifecycle.Vars.REPLY_ID;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carevoice.anonymisation.IdentifierScanner;
import org.carevoice.anonymisation.ScanResult;
import org.carevoice.system.TaskCard;
import org.carevoice.system.TaskRefusals;
import org.springframework.stereotype.Component;

/**
 * Prepares and checks "Moderate reply": the reply, what it answers, and identifiers found in it.
 * Due in one working day.
 */
@Component("moderateReplyTaskListener")
public class ModerateReplyTaskListener implements TaskListener {

  private final AuthorReplyService replies;
  private final ResponseService responses;
  private final IdentifierScanner scanner;
  private final TaskRefusals refusals;
  private final Clock clock;

  ModerateReplyTaskListener(AuthorReplyService replies, ResponseService responses, IdentifierScanner scanner,
      TaskRefusals refusals, Clock clock) {
    this.clock = clock;
    this.replies = replies;
    this.responses = responses;
    this.scanner = scanner;
    this.refusals = refusals;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      AuthorReply reply = replies.find(REPLY_ID.get(task));
      ResponseService.ResponseView response = responses.view(reply.getResponseId());
      ScanResult scan = scanner.scan(reply.getBody());
      DISPLAY_TITLE.setLocal(task, "The response by " + response.responderName() + ", " + response.responderRole());
      DISPLAY_TEXT.setLocal(task, reply.getBody());
      DISPLAY_FINDINGS.setLocal(task, IdentifierScanner.describe(scan.findings()));
      TaskCard.show(task, task.getExecution().getProcessBusinessKey(), responses.serviceName(reply.getResponseId()),
          TaskCard.Urgency.ROUTINE, TaskCard.nextWorkingDay(clock));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String decision = REPLY_DECISION.find(task).orElse("");
      if (!decision.equals("approve") && !decision.equals("decline")) {
        throw refusals.refusal("task.replyModeration.decision");
      }
    }
  }
}
