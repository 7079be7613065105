package org.carevoice.earlywarning;

import static org.carevoice.earlywarning.EarlyWarning.Vars.CHECK;
import static org.carevoice.earlywarning.EarlyWarning.Vars.CHECKED_AT;
import static org.carevoice.earlywarning.EarlyWarning.Vars.NEW_WARNINGS;
import static org.carevoice.earlywarning.EarlyWarning.Vars.SERVICE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Record signal": a rule fired, so the warning is raised (or, within its quiet days,
 * only seen again); or none did, and an open warning of the signal is cleared. A new warning counts
 * towards the service's {@code newWarnings}, which decides whether its managers are emailed.
 */
@Component("recordWarningSignalDelegate")
public class RecordWarningSignalDelegate implements JavaDelegate {

  private final EarlyWarnings warnings;

  RecordWarningSignalDelegate(EarlyWarnings warnings) {
    this.warnings = warnings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean raised = warnings.record(SERVICE_ID.get(execution), Check.parse(CHECK.get(execution)),
        EarlyWarning.Vars.figures(execution), EarlyWarning.Vars.firstFiredRule(execution),
        execution.getProcessInstanceId(), CHECKED_AT.get(execution).toInstant());
    if (raised) {
      // Declared on the service's scope (an input of "Check service"): counted there.
      NEW_WARNINGS.set(execution, NEW_WARNINGS.find(execution).orElse(0) + 1);
    }
  }
}
