package org.carevoice.escalation;

import static org.carevoice.response.ServiceResponse.Vars.MANAGER_GROUP;
import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_ESCALATED;
import static org.carevoice.response.ServiceResponse.Vars.SERVICE_ID;
import static org.carevoice.response.ServiceResponse.Vars.STORY_ID;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.identity.StaffAlerts;
import org.carevoice.story.ServiceCases;
import org.springframework.stereotype.Component;

/**
 * Service task "Escalate unanswered story": the service manager group is emailed and given a task;
 * the case records the (first) escalation for the reports.
 */
@Component("escalateUnansweredStoryDelegate")
public class EscalateUnansweredStoryDelegate implements JavaDelegate {

  private final StaffAlerts alerts;
  private final ServiceCases cases;
  private final Clock clock;

  EscalateUnansweredStoryDelegate(StaffAlerts alerts, ServiceCases cases, Clock clock) {
    this.alerts = alerts;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RESPONSE_ESCALATED.set(execution.getProcessInstance(), true);
    alerts.alert(MANAGER_GROUP.get(execution), "response-escalated", execution.getProcessBusinessKey());
    cases.escalated(STORY_ID.get(execution), SERVICE_ID.get(execution), Instant.now(clock));
  }
}
