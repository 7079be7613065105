package org.carevoice.escalation;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Resources;
import org.carevoice.identity.CaseAccess;
import org.carevoice.identity.StartupOrder;
import org.carevoice.response.ServiceResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Service cases scheduled before managers were given their cases one by one ({@link
 * ScheduleResponseDelegate}) are opened to their service's managers at start-up. Idempotent: a
 * case already open to its managers is not selected again, so after the first start this reads
 * nothing.
 */
@Component
@Order(StartupOrder.ACCESS + 1)
class ServiceCaseAccessMigration implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceCaseAccessMigration.class);

  private final JdbcTemplate jdbc;
  private final CaseAccess caseAccess;

  ServiceCaseAccessMigration(JdbcTemplate jdbc, CaseAccess caseAccess) {
    this.jdbc = jdbc;
    this.caseAccess = caseAccess;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Running service-response cases whose managerGroup variable names a group without a grant on the case.
    List<Map<String, Object>> closed = jdbc.queryForList("select E.ID_ as instance, V.TEXT_ as manager_group"
        + " from ACT_RU_EXECUTION E join ACT_RE_PROCDEF D on D.ID_ = E.PROC_DEF_ID_"
        + " join ACT_RU_VARIABLE V on V.EXECUTION_ID_ = E.ID_ and V.NAME_ = ?"
        + " where E.ID_ = E.PROC_INST_ID_ and D.KEY_ = ? and V.TEXT_ is not null"
        + " and not exists (select 1 from ACT_RU_AUTHORIZATION A where A.RESOURCE_TYPE_ = ?"
        + " and A.RESOURCE_ID_ = E.ID_ and A.GROUP_ID_ = V.TEXT_)",
        ServiceResponse.Vars.MANAGER_GROUP.name(), ServiceResponse.PROCESS_KEY, Resources.PROCESS_INSTANCE.resourceType());
    for (Map<String, Object> row : closed) {
      caseAccess.openTo((String) row.get("instance"), (String) row.get("manager_group"));
    }
    if (!closed.isEmpty()) {
      LOG.info("Opened {} running service cases to their services' managers", closed.size());
    }
  }
}
