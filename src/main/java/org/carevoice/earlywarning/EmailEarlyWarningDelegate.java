package org.carevoice.earlywarning;

import static org.carevoice.earlywarning.EarlyWarning.Vars.RECIPIENTS;
import static org.carevoice.earlywarning.EarlyWarning.Vars.SERVICE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Email service managers": one email per manager of the service (through the outbox)
 * about the warnings this run raised, with the figures, the rules and links; no story text.
 */
@Component("emailEarlyWarningDelegate")
public class EmailEarlyWarningDelegate implements JavaDelegate {

  private final EarlyWarnings warnings;

  EmailEarlyWarningDelegate(EarlyWarnings warnings) {
    this.warnings = warnings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int emailed = warnings.emailManagers(SERVICE_ID.get(execution), execution.getProcessInstanceId());
    RECIPIENTS.setLocal(execution, emailed);
  }
}
