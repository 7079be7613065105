package org.carevoice.response;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.carevoice.system.ProcessVariable;
import org.springframework.stereotype.Component;

/** The façade and the constants of processes/response-change.bpmn (business key = the story's reference). */
@Component
public class ResponseChangeLifecycle {

  public static final String PROCESS_KEY = "response-change";

  /** BPMN element ids, as in the model. */
  public static final class Elements {
    public static final String USER_TASK_MODERATE_CHANGE = "userTask_moderateChange";
    public static final String END_CHANGE_PUBLISHED = "endEvent_changePublished";
    public static final String END_CHANGE_DECLINED = "endEvent_changeDeclined";

    private Elements() {}
  }

  /** The kind of change an update's case reports. */
  static ChangeKind kindOf(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return Vars.CHANGE_TYPE.find(scope).flatMap(ChangeKind::of).orElse(ChangeKind.MADE);
  }

  /** Process variables: the response id, the kind of change and the decision. */
  public static final class Vars {
    public static final ProcessVariable<Long> RESPONSE_ID = ProcessVariable.of("responseId", Long.class);
    /**
     * "planned" or "made": what the update reports ({@link ChangeKind}). Cases started before
     * planned changes could be reported have none, and report a change made.
     */
    public static final ProcessVariable<String> CHANGE_TYPE = ProcessVariable.of("changeType", String.class);
    /** "approve" or "decline". */
    public static final ProcessVariable<String> CHANGE_DECISION = ProcessVariable.of("changeDecision", String.class);
    public static final ProcessVariable<String> DISPLAY_TITLE = ProcessVariable.of("displayTitle", String.class);
    public static final ProcessVariable<String> DISPLAY_TEXT = ProcessVariable.of("displayText", String.class);
    /** "Change planned" or "Change made", for the moderator's form. */
    public static final ProcessVariable<String> DISPLAY_CHANGE = ProcessVariable.of("displayChange", String.class);

    private Vars() {}
  }

  private final RuntimeService runtime;

  ResponseChangeLifecycle(RuntimeService runtime) {
    this.runtime = runtime;
  }

  void start(String reference, Long responseId, ChangeKind kind) {
    VariableMap variables = Variables.createVariables();
    Vars.RESPONSE_ID.put(variables, responseId);
    Vars.CHANGE_TYPE.put(variables, kind.code());
    runtime.startProcessInstanceByKey(PROCESS_KEY, reference, variables);
  }

  /** A withdrawn story's change updates are erased: their open moderation cases go too. */
  void cancel(String reference) {
    runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(reference).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "story withdrawn"));
  }
}
