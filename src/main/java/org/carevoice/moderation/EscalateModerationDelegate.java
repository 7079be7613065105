package org.carevoice.moderation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.carevoice.story.StoryLifecycle.Elements;
import org.carevoice.story.StoryLifecycle.Groups;
import org.carevoice.identity.StaffAlerts;
import org.springframework.stereotype.Component;

/**
 * Service task "Escalate to moderation leads": two days without a decision. The leads become
 * candidates of the moderation task (it appears in their Tasklist) and are emailed.
 */
@Component("escalateModerationDelegate")
public class EscalateModerationDelegate implements JavaDelegate {

  private final StaffAlerts alerts;

  EscalateModerationDelegate(StaffAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(Elements.USER_TASK_MODERATE_STORY).list()) {
      tasks.addCandidateGroup(task.getId(), Groups.MODERATION_LEADS);
    }
    alerts.alert(Groups.MODERATION_LEADS, "moderation-escalated", execution.getProcessBusinessKey());
  }
}
