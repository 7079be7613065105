package org.carevoice.earlywarning;

import static org.carevoice.earlywarning.EarlyWarning.Vars.CHECKED_AT;
import static org.carevoice.earlywarning.EarlyWarning.Vars.SERVICE_IDS;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "List services to check": fixes the moment the run measures to, and lists the ids of
 * the services that could raise or clear a warning (the outer loop).
 */
@Component("listCheckedServicesDelegate")
public class ListCheckedServicesDelegate implements JavaDelegate {

  private final EarlyWarnings warnings;
  private final Clock clock;

  ListCheckedServicesDelegate(EarlyWarnings warnings, Clock clock) {
    this.warnings = warnings;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = clock.instant();
    CHECKED_AT.set(execution, Date.from(now));
    execution.setVariable(SERVICE_IDS, new ArrayList<>(warnings.servicesToCheck(now)));
  }
}
