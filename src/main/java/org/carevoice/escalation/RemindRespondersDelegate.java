package org.carevoice.escalation;

import static org.carevoice.response.ServiceResponse.Vars.RESPONDER_GROUP;
import static org.carevoice.response.ServiceResponse.Vars.SERVICE_ID;
import static org.carevoice.response.ServiceResponse.Vars.STORY_ID;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.identity.StaffAlerts;
import org.carevoice.story.ServiceCases;
import org.springframework.stereotype.Component;

/** Service task "Remind responders": the response is due today; the case records the reminder. */
@Component("remindRespondersDelegate")
public class RemindRespondersDelegate implements JavaDelegate {

  private final StaffAlerts alerts;
  private final ServiceCases cases;
  private final Clock clock;

  RemindRespondersDelegate(StaffAlerts alerts, ServiceCases cases, Clock clock) {
    this.alerts = alerts;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    alerts.alert(RESPONDER_GROUP.get(execution), "response-reminder", execution.getProcessBusinessKey());
    cases.reminded(STORY_ID.get(execution), SERVICE_ID.get(execution), Instant.now(clock));
  }
}
