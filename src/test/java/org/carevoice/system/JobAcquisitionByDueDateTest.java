package org.carevoice.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * Job acquisition by due date (docs/performance.md, "Accepting a story"): every job has a due date,
 * the job executor asks for due jobs in due order through an index, and jobs an earlier version
 * wrote without a due date are still found after an upgrade. A real engine on its own H2 database.
 */
class JobAcquisitionByDueDateTest {

  private static final BpmnModelInstance ASYNC = Bpmn.createExecutableProcess("async").camundaHistoryTimeToLive(1)
      .startEvent().camundaAsyncAfter().userTask("wait").endEvent().done();

  @Test
  void asynchronousJobs_getADueDate_andAreAcquiredThroughTheIndex() throws SQLException {
    String database = "jdbc:h2:mem:acquisition-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ProcessEngine engine = engine(database, new JobAcquisitionByDueDate());
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("async.bpmn", ASYNC).deploy();
      engine.getRuntimeService().startProcessInstanceByKey("async");

      Job job = engine.getManagementService().createJobQuery().singleResult();
      assertThat(job.getDuedate()).as("a new asynchronous job is due when it is created").isNotNull();
      assertThat(acquire(engine)).containsExactly(job.getId());
      ProcessEngineConfigurationImpl configuration = configuration(engine);
      assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
      assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
      assertThat(indexes(configuration)).contains(JobAcquisitionByDueDate.INDEX);
    } finally {
      engine.close();
    }
  }

  @Test
  void jobsWrittenWithoutADueDate_areMadeDueAtStart_andStillRun() throws SQLException {
    String database = "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ProcessEngine before = engine(database);
    before.getRepositoryService().createDeployment().addModelInstance("async.bpmn", ASYNC).deploy();
    before.getRuntimeService().startProcessInstanceByKey("async");
    assertThat(before.getManagementService().createJobQuery().singleResult().getDuedate())
        .as("Camunda's default: an asynchronous job has no due date").isNull();
    before.close();

    ProcessEngine after = engine(database, new JobAcquisitionByDueDate());
    try {
      Job job = after.getManagementService().createJobQuery().singleResult();
      assertThat(job.getDuedate()).as("made due at its creation").isNotNull();
      assertThat(acquire(after)).containsExactly(job.getId());

      after.getManagementService().executeJob(job.getId());
      assertThat(after.getTaskService().createTaskQuery().taskDefinitionKey("wait").count()).isOne();
    } finally {
      after.close();
    }
  }

  private static ProcessEngine engine(String database, ProcessEnginePlugin... plugins) {
    StandaloneInMemProcessEngineConfiguration configuration = (StandaloneInMemProcessEngineConfiguration)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl(database);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("acquisition-" + UUID.randomUUID());
    configuration.setProcessEnginePlugins(List.of(plugins));
    return configuration.buildProcessEngine();
  }

  /** The job executor's own acquisition command, as one acquisition of up to 3 jobs. */
  private static List<String> acquire(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = configuration(engine);
    Command<AcquiredJobs> command = new AcquireJobsCmd(configuration.getJobExecutor(), 3);
    return configuration.getCommandExecutorTxRequired().execute(command).getJobIdBatches().stream()
        .flatMap(List::stream).toList();
  }

  private static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private static List<String> indexes(ProcessEngineConfigurationImpl configuration) throws SQLException {
    try (Connection connection = configuration.getDataSource().getConnection();
        ResultSet rows = connection.getMetaData().getIndexInfo(null, null, "ACT_RU_JOB", false, false)) {
      List<String> names = new java.util.ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString("INDEX_NAME"));
      }
      return names;
    }
  }
}
