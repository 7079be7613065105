package org.carevoice.response;

import org.camunda.bpm.engine.RuntimeService;
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

  ServiceResponseLifecycle(RuntimeService runtime) {
    this.runtime = runtime;
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
   * Ends a withdrawn story's service cases that run on their own (answers started again). Those
   * the story's case called end with it, when its withdrawal interrupts the call.
   */
  void cancel(String reference) {
    runtime.createProcessInstanceQuery().processDefinitionKey(ServiceResponse.PROCESS_KEY)
        .processInstanceBusinessKey(reference).rootProcessInstances().list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "story withdrawn"));
  }
}
