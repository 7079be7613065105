package org.carevoice.response;

import static org.carevoice.response.ResponseChangeLifecycle.Vars.CHANGE_DECISION;
import static org.carevoice.response.ResponseChangeLifecycle.Vars.DISPLAY_TEXT;
import static org.carevoice.response.ResponseChangeLifecycle.Vars.DISPLAY_TITLE;
import static org.carevoice.response.ResponseChangeLifecycle.Vars.RESPONSE_ID;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.carevoice.system.TaskCard;
import org.carevoice.system.TaskRefusals;
import org.springframework.stereotype.Component;

/** Prepares and checks "Moderate change update", due in one working day. */
@Component("moderateChangeTaskListener")
public class ModerateChangeTaskListener implements TaskListener {

  private final ResponseService responses;
  private final TaskRefusals refusals;
  private final Clock clock;

  ModerateChangeTaskListener(ResponseService responses, TaskRefusals refusals, Clock clock) {
    this.clock = clock;
    this.responses = responses;
    this.refusals = refusals;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Response response = responses.findPublished(RESPONSE_ID.get(task)).orElseThrow();
      DISPLAY_TITLE.setLocal(task, response.getResponderName() + ", " + response.getResponderRole() + " ("
          + response.getService().getFullName() + ")");
      DISPLAY_TEXT.setLocal(task, response.getPendingChange());
      ResponseChangeLifecycle.Vars.DISPLAY_CHANGE.setLocal(task,
          ResponseChangeLifecycle.kindOf(task) == ChangeKind.PLANNED ? "Change planned" : "Change made");
      TaskCard.show(task, task.getExecution().getProcessBusinessKey(), response.getService().getFullName(),
          TaskCard.Urgency.ROUTINE, TaskCard.nextWorkingDay(clock));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String decision = CHANGE_DECISION.find(task).orElse("");
      if (!decision.equals("approve") && !decision.equals("decline")) {
        throw refusals.refusal("task.changeModeration.decision");
      }
    }
  }
}
