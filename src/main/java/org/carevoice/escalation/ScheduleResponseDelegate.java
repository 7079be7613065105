package org.carevoice.escalation;

import static org.carevoice.response.ServiceResponse.Vars.ESCALATION_DUE;
import static org.carevoice.response.ServiceResponse.Vars.MANAGER_GROUP;
import static org.carevoice.response.ServiceResponse.Vars.OVERDUE_AT;
import static org.carevoice.response.ServiceResponse.Vars.RESPONDER_GROUP;
import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_DUE;
import static org.carevoice.response.ServiceResponse.Vars.SERVICE_ID;
import static org.carevoice.response.ServiceResponse.Vars.STORY_ID;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.identity.CaseAccess;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.response.ServiceResponse;
import org.carevoice.story.ServiceCases;
import org.springframework.stereotype.Component;

/**
 * Service task "Schedule response": the response-due decision gives working days; this turns them
 * into the dates of the reminder, the escalation and the overdue mark, and names the groups. The
 * service's managers may then follow this case in Cockpit (not its variables): {@link CaseAccess}.
 * The dates open the service's case for the reports ({@link ServiceCases}); a second round keeps
 * the first round's dates there.
 */
@Component("scheduleResponseDelegate")
public class ScheduleResponseDelegate implements JavaDelegate {

  private final WorkingDays workingDays;
  private final OrganisationService organisation;
  private final CaseAccess caseAccess;
  private final ServiceCases cases;

  ScheduleResponseDelegate(WorkingDays workingDays, OrganisationService organisation, CaseAccess caseAccess,
      ServiceCases cases) {
    this.workingDays = workingDays;
    this.organisation = organisation;
    this.caseAccess = caseAccess;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> rule = (Map<String, Object>) execution.getVariable(ServiceResponse.Vars.RESPONSE_DUE_RULE);
    Instant due = workingDays.plus(workingDays.now(), days(rule, "dueWorkingDays"));
    Instant escalation = workingDays.plus(due, days(rule, "escalateAfterWorkingDays"));
    Instant overdue = workingDays.plus(escalation, days(rule, "overdueAfterWorkingDays"));
    RESPONSE_DUE.set(execution, Date.from(due));
    ESCALATION_DUE.set(execution, Date.from(escalation));
    OVERDUE_AT.set(execution, Date.from(overdue));
    CareService service = organisation.requireService(SERVICE_ID.get(execution));
    RESPONDER_GROUP.set(execution, service.getResponderGroup());
    MANAGER_GROUP.set(execution, service.getManagerGroup());
    caseAccess.openTo(execution.getProcessInstanceId(), service.getManagerGroup());
    cases.open(STORY_ID.get(execution), service.getId(), due, escalation, overdue);
  }

  private static int days(Map<String, Object> rule, String output) {
    Object value = rule == null ? null : rule.get(output);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("The response-due decision gave no " + output);
    }
    return number.intValue();
  }
}
