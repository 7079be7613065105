package org.carevoice.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default provider, except that a candidate group whose work is granted on the whole
 * process definition gets no authorization rows of its own for each task.
 *
 * <p>The default provider writes one {@code TASK} row (and, with historic instance permissions, one
 * {@code HISTORIC_TASK} row) per candidate group of every task. Every task query then joins each
 * task with each of the user's rows ({@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}, a nested
 * loop): with 10,000 open moderation tasks, 10,000 × 10,000 comparisons for a moderator's list.
 * Moderators' work is granted once per process definition instead ({@link CamundaAccessSetup}), so
 * their rows per task are redundant and are not written.
 *
 * <p>Groups that must stay narrower than a definition keep their rows per task, as before: a
 * service's responders ({@code ${responderGroup}}) and managers ({@code ${managerGroup}}), the
 * safeguarding leads, and moderators on "Moderate response" (in service-response, whose other
 * tasks are the services' own). Each such group has only its own open tasks' rows, so the join
 * stays small. Assignees keep their row too (at most the tasks a person has claimed).
 */
class DefinitionGrantAuthorizationProvider extends DefaultAuthorizationProvider {

  /** What a definition-level grant must hold for a group's rows per task to be redundant. */
  static final Permission[] WORK_ON_DEFINITION = {
      ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK};

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (workGrantedOnDefinition(task, groupId)) {
      return null;
    }
    return super.newTaskGroupIdentityLink(task, groupId, type);
  }

  private boolean workGrantedOnDefinition(Task task, String groupId) {
    if (!(task instanceof TaskEntity entity) || entity.getProcessDefinition() == null || groupId == null) {
      return false;
    }
    AuthorizationManager authorizations = Context.getCommandContext().getAuthorizationManager();
    for (String resourceId : new String[] {entity.getProcessDefinition().getKey(), "*"}) {
      AuthorizationEntity grant = authorizations.findAuthorizationByGroupIdAndResourceId(AUTH_TYPE_GRANT, groupId,
          Resources.PROCESS_DEFINITION, resourceId);
      if (grant != null && grantsAll(grant)) {
        return true;
      }
    }
    return false;
  }

  private static boolean grantsAll(AuthorizationEntity grant) {
    for (Permission permission : WORK_ON_DEFINITION) {
      if (!grant.isPermissionGranted(permission)) {
        return false;
      }
    }
    return true;
  }
}
