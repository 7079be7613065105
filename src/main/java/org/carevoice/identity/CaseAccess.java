package org.carevoice.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Service;

/**
 * Opens one case (a process instance) to a group narrower than its process definition: a service
 * manager follows his own services' cases in Cockpit, not every service's.
 *
 * <p>One row per case and group, not per task: {@code PROCESS_INSTANCE READ} (the case, its
 * activities, timers with their due dates, incidents) and {@code HISTORIC_PROCESS_INSTANCE READ}
 * (its history, which never holds story text: docs/adr/0002). Neither lets the group read the
 * case's runtime variables: with variable permissions on, that takes {@code
 * READ_INSTANCE_VARIABLE} on the whole definition, which no service group has. The engine deletes
 * the runtime row when the case ends; the history row goes with the case's history (its removal
 * time).
 */
@Service
public class CaseAccess {

  private final AuthorizationService authorizations;

  CaseAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** Lets the group follow this case and its history; does nothing if it already may. */
  public void openTo(String processInstanceId, String groupId) {
    Runnable grant = () -> {
      grant(groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
      grant(groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    };
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      grant.run();
    } else {
      // Called from the case itself (a save point): the engine grants, whoever started the step.
      command.runWithoutAuthorization(() -> {
        grant.run();
        return null;
      });
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (existing != null && existing.isPermissionGranted(permission)) {
      return;
    }
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }
}
