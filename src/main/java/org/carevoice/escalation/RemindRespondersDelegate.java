package org.carevoice.escalation;

import static org.carevoice.response.ServiceResponse.Vars.RESPONDER_GROUP;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.identity.StaffAlerts;
import org.springframework.stereotype.Component;

/** Service task "Remind responders": the response is due today. */
@Component("remindRespondersDelegate")
public class RemindRespondersDelegate implements JavaDelegate {

  private final StaffAlerts alerts;

  RemindRespondersDelegate(StaffAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    alerts.alert(RESPONDER_GROUP.get(execution), "response-reminder", execution.getProcessBusinessKey());
  }
}
