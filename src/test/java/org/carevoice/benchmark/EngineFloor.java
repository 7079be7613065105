package org.carevoice.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.carevoice.benchmark.ClosedLoop.Answer;
import org.carevoice.benchmark.ClosedLoop.Result;
import org.carevoice.benchmark.ClosedLoop.Scenario;

/**
 * The raw engine's floor: what Camunda itself needs to start a case on this machine and this
 * PostgreSQL, with none of Carevoice around it. A standalone engine of the same version as the
 * application's (no Spring), on a database of its own, history level FULL, job executor off,
 * deploys a process built in code (start, one user task, end) and starts instances of it from
 * several threads, each with a business key and one variable (an id, as Carevoice's cases
 * carry), one transaction per start.
 */
final class EngineFloor implements AutoCloseable {

  static final String PROCESS_KEY = "bench-floor";
  private static final AtomicLong NEXT = new AtomicLong();

  private final ProcessEngine engine;
  private boolean closed;

  /** Builds the engine on the (empty or earlier) database, creating Camunda's tables if needed. */
  EngineFloor(String jdbcUrl, String user, String password, int connections) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setProcessEngineName("bench-floor")
        .setJdbcDriver("org.postgresql.Driver")
        .setJdbcUrl(jdbcUrl)
        .setJdbcUsername(user)
        .setJdbcPassword(password)
        .setJdbcMaxActiveConnections(connections)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    engine = configuration.buildProcessEngine();
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY)
        .camundaHistoryTimeToLive(180)
        .startEvent("startEvent_started")
        .userTask("userTask_work").camundaCandidateGroups("moderators")
        .endEvent("endEvent_done")
        .done();
    engine.getRepositoryService().createDeployment().name(PROCESS_KEY).enableDuplicateFiltering(true)
        .addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
  }

  /** One start per request; a closed loop of {@code threads} starts for {@code seconds}. */
  Result measure(int threads, int seconds) throws InterruptedException {
    return ClosedLoop.run(scenario(), threads, seconds);
  }

  private Scenario scenario() {
    RuntimeService runtime = engine.getRuntimeService();
    return new Scenario("floor", "RuntimeService.startProcessInstanceByKey", random -> {
      long id = NEXT.incrementAndGet();
      String instance = runtime.startProcessInstanceByKey(PROCESS_KEY, "FLOOR-" + id, Map.of("storyId", id)).getId();
      return new Answer(200, instance, "");
    }, answer -> answer.body().isEmpty() ? "no process instance" : null);
  }

  /** How many instances of the floor's process wait at their user task (all that were started). */
  long waiting() {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY).count();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      engine.close();
    }
  }

  /** The floor alone: {@code -Dbench.threads=2,4 -Dbench.seconds=10 -Dbench.warmup=5}. */
  public static void main(String[] args) throws Exception {
    String database = System.getProperty("bench.database", "carevoice_bench_floor");
    List<Integer> threads = new ArrayList<>();
    for (String value : System.getProperty("bench.threads", "2,4").split(",")) {
      threads.add(Integer.valueOf(value.strip()));
    }
    int seconds = Integer.getInteger("bench.seconds", 10);
    int warmup = Integer.getInteger("bench.warmup", 5);
    PublicSiteBenchmark.adminSql("drop database if exists " + database + " with (force)");
    PublicSiteBenchmark.adminSql("create database " + database);
    try (EngineFloor floor = new EngineFloor(PublicSiteBenchmark.jdbcUrl(database), PublicSiteBenchmark.USER,
        PublicSiteBenchmark.PASSWORD, 10)) {
      for (int n : threads) {
        floor.measure(n, warmup);
        System.out.println(floor.measure(n, seconds).row());
      }
    }
  }
}
