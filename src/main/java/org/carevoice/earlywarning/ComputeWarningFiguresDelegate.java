package org.carevoice.earlywarning;

import static org.carevoice.earlywarning.EarlyWarning.Vars.CHECK;
import static org.carevoice.earlywarning.EarlyWarning.Vars.CHECKED_AT;
import static org.carevoice.earlywarning.EarlyWarning.Vars.SERVICE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Compute figures": measures one check of one service in the database and writes the
 * figures (counts, shares, story ids) as variables of the check, the decision's inputs.
 */
@Component("computeWarningFiguresDelegate")
public class ComputeWarningFiguresDelegate implements JavaDelegate {

  private final WarningFigures figures;
  private final EarlyWarnings warnings;

  ComputeWarningFiguresDelegate(WarningFigures figures, EarlyWarnings warnings) {
    this.figures = figures;
    this.warnings = warnings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long serviceId = SERVICE_ID.get(execution);
    Check check = Check.parse(CHECK.get(execution));
    Figures measured = figures.measure(serviceId, check, CHECKED_AT.get(execution).toInstant());
    EarlyWarning.Vars.putFigures(execution, check, warnings.serviceType(serviceId), measured);
  }
}
