package org.carevoice.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who follows the nightly retention run in Cockpit, role by role (demo users): service managers and
 * moderation leads see each run and its counts (nothing else is in it); no other role does, and
 * the data-protection officer works on the staff pages, with no webapp at all.
 */
@CarevoiceTest
class DataRetentionAccessTest {

  private static final List<Permission> FOLLOW = List.of(ProcessDefinitionPermissions.READ,
      ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
      ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);

  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;

  @Test
  void managersAndModerationLeads_followEachRunAndItsCounts_inCockpit() {
    for (String user : List.of("graham", "fiona")) {
      assertThat(mayOpen(user, "cockpit")).as(user + " opens Cockpit").isTrue();
      for (Permission permission : FOLLOW) {
        assertThat(may(user, permission)).as(user + " " + permission.getName()).isTrue();
      }
      assertThat(may(user, ProcessDefinitionPermissions.UPDATE_INSTANCE)).as(user + " changes a run").isFalse();
      assertThat(may(user, ProcessDefinitionPermissions.DELETE_INSTANCE)).as(user + " deletes a run").isFalse();
    }
  }

  @Test
  void responders_moderators_safeguarding_processOwners_andDataProtection_seeNoRun() {
    for (String user : List.of("craig", "aileen", "morag", "iain", "shona", "patricia", "dana")) {
      assertThat(may(user, ProcessDefinitionPermissions.READ_INSTANCE)).as(user + " reads runs").isFalse();
      assertThat(may(user, ProcessDefinitionPermissions.READ_HISTORY)).as(user + " reads past runs").isFalse();
    }
    for (String webapp : List.of("cockpit", "tasklist", "admin")) {
      assertThat(mayOpen("dana", webapp)).as("dana opens " + webapp).isFalse();
    }
  }

  private boolean may(String user, Permission permission) {
    return authorizations.isUserAuthorized(user, groupsOf(user), permission, Resources.PROCESS_DEFINITION,
        DataRetention.PROCESS_KEY);
  }

  private boolean mayOpen(String user, String webapp) {
    return authorizations.isUserAuthorized(user, groupsOf(user), Permissions.ACCESS, Resources.APPLICATION, webapp);
  }

  private List<String> groupsOf(String user) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    assertThat(groups).as(user + " is a demo user").isNotEmpty();
    return groups;
  }
}
