package org.carevoice.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may see the early warning in the Camunda webapps, role by role (demo users). A run holds every
 * service's figures: only process owners see the model and the decision's evaluations (codes and
 * counts), no role but the administrators sees a run. Managers get their own service's warnings by
 * email (EarlyWarningProcessTest).
 */
@CarevoiceTest
class EarlyWarningAccessTest {

  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;

  @Test
  void managersRespondersModeratorsLeadsAndSafeguarding_seeNoRunAndNoModel() {
    for (String user : List.of("graham", "craig", "morag", "fiona", "shona")) {
      assertThat(may(user, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, EarlyWarning.PROCESS_KEY))
          .as(user + " reads the model").isFalse();
      assertThat(may(user, ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
          EarlyWarning.PROCESS_KEY)).as(user + " reads runs").isFalse();
      assertThat(may(user, ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION,
          EarlyWarning.PROCESS_KEY)).as(user + " reads past runs").isFalse();
      assertThat(may(user, Permissions.READ_HISTORY, Resources.DECISION_DEFINITION, EarlyWarning.DECISION))
          .as(user + " reads the decision's evaluations").isFalse();
    }
  }

  @Test
  void processOwners_seeTheModelAndTheDecisionsEvaluations_butNoRun() {
    assertThat(may("patricia", ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION,
        EarlyWarning.PROCESS_KEY)).isTrue();
    assertThat(may("patricia", Permissions.READ_HISTORY, Resources.DECISION_DEFINITION, EarlyWarning.DECISION))
        .isTrue();
    assertThat(may("patricia", ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
        EarlyWarning.PROCESS_KEY)).isFalse();
    assertThat(may("patricia", ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION,
        EarlyWarning.PROCESS_KEY)).isFalse();
  }

  private boolean may(String user, Permission permission, Resource resource, String resourceId) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    assertThat(groups).as(user + " is a demo user").isNotEmpty();
    return authorizations.isUserAuthorized(user, groups, permission, resource, resourceId);
  }
}
