package org.carevoice.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;

/**
 * Camunda's own metrics (activity instances started, jobs executed and failed, decisions evaluated:
 * the figures Cockpit and {@code ACT_RU_METER_LOG} show) as Prometheus counters of this node,
 * {@code camunda_<name>_total}, e.g. {@code camunda_job_failed_total}. The engine's metrics registry
 * is replaced by one that also adds every occurrence to a running total here, so a scrape reads
 * memory only; Camunda still writes its meter log as before.
 */
class CamundaMeters extends AbstractProcessEnginePlugin implements MeterBinder {

  /** The metrics the engine counts (its default meters). */
  static final List<String> NAMES = List.of(Metrics.ACTIVTY_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_END,
      Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
      Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_LOCKED_EXCLUSIVE,
      Metrics.JOB_EXECUTION_REJECTED, Metrics.EXECUTED_DECISION_INSTANCES, Metrics.EXECUTED_DECISION_ELEMENTS);

  private final Map<String, LongAdder> totals = new ConcurrentHashMap<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setMetricsRegistry(new MetricsRegistry() {
      @Override
      public void markOccurrence(String name, long times) {
        super.markOccurrence(name, times);
        totals.computeIfAbsent(name, n -> new LongAdder()).add(times);
      }
    });
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String name : NAMES) {
      LongAdder total = totals.computeIfAbsent(name, n -> new LongAdder());
      FunctionCounter.builder("camunda." + name.replace('-', '.'), total, LongAdder::doubleValue)
          .description("Camunda metric " + name + " on this node since it started")
          .register(registry);
    }
  }

  /** The running total of one Camunda metric on this node (for tests and the health details). */
  long total(String name) {
    LongAdder total = totals.get(name);
    return total == null ? 0 : total.sum();
  }
}
