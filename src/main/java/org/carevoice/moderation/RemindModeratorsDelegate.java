package org.carevoice.moderation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carevoice.story.StoryLifecycle.Groups;
import org.carevoice.identity.StaffAlerts;
import org.springframework.stereotype.Component;

/** Service task "Remind moderators": a story has waited a day for moderation. */
@Component("remindModeratorsDelegate")
public class RemindModeratorsDelegate implements JavaDelegate {

  private final StaffAlerts alerts;

  RemindModeratorsDelegate(StaffAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    alerts.alert(Groups.MODERATORS, "moderation-reminder", execution.getProcessBusinessKey());
  }
}
