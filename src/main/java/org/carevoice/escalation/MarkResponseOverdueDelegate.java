package org.carevoice.escalation;

import static org.carevoice.response.ServiceResponse.Vars.RESPONSE_OVERDUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Mark overdue": the service's case carries {@code responseOverdue = true}, which
 * managers filter on in Cockpit.
 */
@Component("markResponseOverdueDelegate")
public class MarkResponseOverdueDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    RESPONSE_OVERDUE.set(execution.getProcessInstance(), true);
  }
}
