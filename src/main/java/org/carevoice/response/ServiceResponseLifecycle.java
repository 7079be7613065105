package org.carevoice.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts a further service-response case when a service answers a story again (after the
 * author's reply, say): it begins at "Decide when a response is due", so the team is not alerted
 * a second time about a story it already knows, and the reminders and escalation apply again.
 */
@Component
public class ServiceResponseLifecycle {

  static final String START_AGAIN_AT = "businessRuleTask_decideResponseDue";

  private final RuntimeService runtime;
  private final HistoryService history;

  ServiceResponseLifecycle(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  /** Starts the case unless one for this service is already running (a second click does nothing). */
  void answerAgain(String reference, Long storyId, Long serviceId, Integer criticality) {
    boolean running = runtime.createProcessInstanceQuery().processDefinitionKey(ServiceResponse.PROCESS_KEY)
        .processInstanceBusinessKey(reference).variableValueEquals(ServiceResponse.Vars.SERVICE_ID.name(), serviceId)
        .count() > 0;
    if (running) {
      return;
    }
    runtime.createProcessInstanceByKey(ServiceResponse.PROCESS_KEY).businessKey(reference)
        .setVariable(ServiceResponse.Vars.STORY_ID.name(), storyId)
        .setVariable(ServiceResponse.Vars.SERVICE_ID.name(), serviceId)
        .setVariable(ServiceResponse.Vars.CRITICALITY.name(), criticality)
        .startBeforeActivity(START_AGAIN_AT)
        .execute();
  }

  /**
   * The running service cases of these stories as their timers stand: when the response is due,
   * when it escalates and when it counts as overdue, and whether it has. Read as the application
   * (the staff pages decide who sees what); variables only, never a task's form.
   */
  public List<RunningCase> running(Collection<String> references) {
    if (references.isEmpty()) {
      return List.of();
    }
    // The runtime query has no "business key in": the history's, for the cases still running.
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ServiceResponse.PROCESS_KEY).processInstanceBusinessKeyIn(references.toArray(String[]::new))
        .unfinished().list();
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> values = new HashMap<>();
    runtime.createVariableInstanceQuery().processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(CASE_VARIABLES.toArray(String[]::new)).disableCustomObjectDeserialization().list()
        .forEach(variable -> {
          // Case-level values only (the instance's own scope), as the delegates set them.
          if (variable.getExecutionId().equals(variable.getProcessInstanceId())) {
            values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
          }
        });
    List<RunningCase> cases = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      Map<String, Object> v = values.getOrDefault(instance.getId(), Map.of());
      if (!(v.get(ServiceResponse.Vars.SERVICE_ID.name()) instanceof Number serviceId)) {
        continue;
      }
      cases.add(new RunningCase(instance.getBusinessKey(), serviceId.longValue(), instance.getId(),
          instant(v.get(ServiceResponse.Vars.RESPONSE_DUE.name())), instant(v.get(ServiceResponse.Vars.ESCALATION_DUE.name())),
          instant(v.get(ServiceResponse.Vars.OVERDUE_AT.name())),
          Boolean.TRUE.equals(v.get(ServiceResponse.Vars.RESPONSE_ESCALATED.name())),
          Boolean.TRUE.equals(v.get(ServiceResponse.Vars.RESPONSE_OVERDUE.name()))));
    }
    return cases;
  }

  /** One running service case: its story, service, process instance and dates (null until scheduled). */
  public record RunningCase(String reference, Long serviceId, String processInstanceId, Instant responseDue,
      Instant escalationDue, Instant overdueAt, boolean escalated, boolean overdue) {}

  private static final List<String> CASE_VARIABLES = List.of(ServiceResponse.Vars.SERVICE_ID.name(),
      ServiceResponse.Vars.RESPONSE_DUE.name(), ServiceResponse.Vars.ESCALATION_DUE.name(),
      ServiceResponse.Vars.OVERDUE_AT.name(), ServiceResponse.Vars.RESPONSE_ESCALATED.name(),
      ServiceResponse.Vars.RESPONSE_OVERDUE.name());

  private static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : null;
  }

  /**
   * Ends a withdrawn story's service cases that run on their own (answers started again). Those
   * the story's case called end with it, when its withdrawal interrupts the call.
   */
  void cancel(String reference) {
    runtime.createProcessInstanceQuery().processDefinitionKey(ServiceResponse.PROCESS_KEY)
        .processInstanceBusinessKey(reference).rootProcessInstances().list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "story withdrawn"));
  }
}
