package org.carevoice.escalation;

import static org.carevoice.response.ServiceResponse.Vars.MANAGER_GROUP;
import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_ESCALATED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.identity.StaffAlerts;
import org.springframework.stereotype.Component;

/** Service task "Escalate unanswered story": the service manager group is emailed and given a task. */
@Component("escalateUnansweredStoryDelegate")
public class EscalateUnansweredStoryDelegate implements JavaDelegate {

  private final StaffAlerts alerts;

  EscalateUnansweredStoryDelegate(StaffAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RESPONSE_ESCALATED.set(execution.getProcessInstance(), true);
    alerts.alert(MANAGER_GROUP.get(execution), "response-escalated", execution.getProcessBusinessKey());
  }
}
