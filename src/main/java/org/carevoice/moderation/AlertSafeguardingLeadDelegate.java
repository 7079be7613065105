package org.carevoice.moderation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.story.StoryLifecycle.Groups;
import org.carevoice.identity.StaffAlerts;
import org.springframework.stereotype.Component;

/** Service task "Alert safeguarding lead": at once, by email, with a link and no story text. */
@Component("alertSafeguardingLeadDelegate")
public class AlertSafeguardingLeadDelegate implements JavaDelegate {

  private final StaffAlerts alerts;

  AlertSafeguardingLeadDelegate(StaffAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    alerts.alert(Groups.SAFEGUARDING, "safeguarding-alert", execution.getProcessBusinessKey());
  }
}
