package org.carevoice.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job executor looks only at jobs that are due, through an index, instead of reading every job.
 *
 * <p>Every open case keeps timer jobs (the moderation reminder, the response's due date, escalation):
 * thousands of rows in {@code ACT_RU_JOB}, nearly none of them due. Camunda's acquisition query
 * allows a job with no due date ("due now"), which no index can serve, so by default each
 * acquisition reads the whole table: 7.5 ms of database time for 7,500 timers, several times a
 * second under load (docs/performance.md, "Accepting a story"). With every job given a due date
 * ({@code ensureJobDueDateNotNull}: a new asynchronous job is due when it is created) and
 * acquisition by due date, the query is a range scan of {@value #INDEX} up to now, in due order.
 *
 * <p>Jobs written before this setting, by this or an older version, may have no due date and would
 * never be acquired: at start they get their creation time (or now) as due date. Both statements
 * are idempotent, so every node runs them at every start; the index is built once.
 */
final class JobAcquisitionByDueDate extends AbstractProcessEnginePlugin {

  static final String INDEX = "CAREVOICE_IDX_JOB_DUEDATE";
  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionByDueDate.class);

  private DataSource dataSource;
  private String prefix = "";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnsureJobDueDateNotNull(true);
    configuration.setJobExecutorAcquireByDueDate(true);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    dataSource = configuration.getDataSource();
    prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try {
        statement.execute("create index if not exists " + INDEX + " on " + prefix + "ACT_RU_JOB (DUEDATE_)");
        int undated = statement.executeUpdate("update " + prefix + "ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_,"
            + " current_timestamp) where DUEDATE_ is null");
        if (undated > 0) {
          LOG.info("{} jobs without a due date made due at their creation, so that the job executor finds them",
              undated);
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      // Another node starting at the same moment may be building the same index.
      LOG.warn("Could not check the job executor's due-date index ({}); jobs are still run, acquisition reads"
          + " more of ACT_RU_JOB", e.getMessage());
    }
  }
}
