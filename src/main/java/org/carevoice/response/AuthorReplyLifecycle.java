package org.carevoice.response;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.carevoice.system.ProcessVariable;
import org.springframework.stereotype.Component;

/** The façade and the constants of processes/author-reply.bpmn (business key = the story's reference). */
@Component
public class AuthorReplyLifecycle {

  public static final String PROCESS_KEY = "author-reply";

  /** BPMN element ids, as in the model. */
  public static final class Elements {
    public static final String USER_TASK_MODERATE_REPLY = "userTask_moderateReply";
    public static final String SERVICE_TASK_PUBLISH_REPLY = "serviceTask_publishReply";
    public static final String END_REPLY_PUBLISHED = "endEvent_replyPublished";
    public static final String SERVICE_TASK_DECLINE_REPLY = "serviceTask_declineReply";
    public static final String END_REPLY_DECLINED = "endEvent_replyDeclined";

    private Elements() {}
  }

  /** Process variables: ids and the decision only. */
  public static final class Vars {
    public static final ProcessVariable<Long> STORY_ID = ProcessVariable.of("storyId", Long.class);
    public static final ProcessVariable<Long> REPLY_ID = ProcessVariable.of("replyId", Long.class);
    /** "approve" or "decline". */
    public static final ProcessVariable<String> REPLY_DECISION = ProcessVariable.of("replyDecision", String.class);
    public static final ProcessVariable<String> DISPLAY_TITLE = ProcessVariable.of("displayTitle", String.class);
    public static final ProcessVariable<String> DISPLAY_TEXT = ProcessVariable.of("displayText", String.class);
    public static final ProcessVariable<String> DISPLAY_FINDINGS = ProcessVariable.of("displayFindings", String.class);

    private Vars() {}
  }

  private final RuntimeService runtime;

  AuthorReplyLifecycle(RuntimeService runtime) {
    this.runtime = runtime;
  }

  void start(String reference, AuthorReply reply) {
    VariableMap variables = Variables.createVariables();
    Vars.STORY_ID.put(variables, reply.getStoryId());
    Vars.REPLY_ID.put(variables, reply.getId());
    runtime.startProcessInstanceByKey(PROCESS_KEY, reference, variables);
  }

  /** A withdrawn story's replies are erased: their open moderation cases go too. */
  void cancel(String reference) {
    runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(reference).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "story withdrawn"));
  }
}
