package org.carevoice.earlywarning;

import static org.carevoice.earlywarning.EarlyWarning.Vars.CHECKED_AT;
import static org.carevoice.earlywarning.EarlyWarning.Vars.CHECKS;
import static org.carevoice.earlywarning.EarlyWarning.Vars.SERVICE_ID;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "List checks": the checks of one service (the inner loop), as codes: critical
 * stories, overdue in a row, and each "could be improved" tag its recent stories have.
 */
@Component("listWarningChecksDelegate")
public class ListWarningChecksDelegate implements JavaDelegate {

  private final EarlyWarnings warnings;

  ListWarningChecksDelegate(EarlyWarnings warnings) {
    this.warnings = warnings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariableLocal(CHECKS,
        new ArrayList<>(warnings.checksFor(SERVICE_ID.get(execution), CHECKED_AT.get(execution).toInstant())));
  }
}
