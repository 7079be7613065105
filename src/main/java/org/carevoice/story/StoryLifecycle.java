package org.carevoice.story;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.carevoice.system.CarevoiceHistoryLevel;
import org.carevoice.system.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * The façade of the {@code story-lifecycle} process (processes/story-lifecycle.bpmn) and the
 * only place its ids appear in Java. One process instance per story; business key = the story's
 * public reference.
 */
@Component
public class StoryLifecycle {

  public static final String PROCESS_KEY = "story-lifecycle";

  /** BPMN element ids, as in the model. */
  public static final class Elements {
    public static final String START_STORY_SUBMITTED = "startEvent_storySubmitted";
    public static final String USER_TASK_MODERATE_STORY = "userTask_moderateStory";
    public static final String GATEWAY_MODERATION_DECISION = "gateway_moderationDecision";
    public static final String SERVICE_TASK_PUBLISH_STORY = "serviceTask_publishStory";
    public static final String SERVICE_TASK_REJECT_STORY = "serviceTask_rejectStory";
    public static final String END_STORY_PUBLISHED = "endEvent_storyPublished";
    public static final String END_STORY_REJECTED = "endEvent_storyRejected";

    private Elements() {}
  }

  /** Candidate groups named in the model. */
  public static final class Groups {
    public static final String MODERATORS = "moderators";

    private Groups() {}
  }

  /** Process variables: ids and decisions only, never personal data (ADR 0002). */
  public static final class Vars {
    public static final ProcessVariable<Long> STORY_ID = ProcessVariable.of("storyId", Long.class);
    /** {@link Decision#APPROVE} or {@link Decision#REJECT}, set by the moderation form. */
    public static final ProcessVariable<String> DECISION = ProcessVariable.of("decision", String.class);
    /** 0 (not critical) to 5 (severely critical). */
    public static final ProcessVariable<Integer> CRITICALITY = ProcessVariable.of("criticality", Integer.class);
    /** A {@code RejectionReason} code. */
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.of("rejectionReason", String.class);

    /** Shown in the moderation form only; task-local and kept out of history. */
    public static final ProcessVariable<String> DISPLAY_TITLE = display("displayTitle");
    public static final ProcessVariable<String> DISPLAY_TEXT = display("displayText");
    public static final ProcessVariable<String> DISPLAY_SERVICES = display("displayServices");

    private static ProcessVariable<String> display(String name) {
      if (!CarevoiceHistoryLevel.isDisplayOnly(name)) {
        throw new IllegalArgumentException(name + " would be written to history");
      }
      return ProcessVariable.of(name, String.class);
    }

    private Vars() {}
  }

  /** Values of {@link Vars#DECISION}, as the gateway conditions in the model compare them. */
  public static final class Decision {
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";

    private Decision() {}
  }

  private final RuntimeService runtimeService;

  StoryLifecycle(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Starts the case of a newly submitted story, in the caller's transaction. */
  ProcessInstance start(Story story) {
    VariableMap variables = Variables.createVariables();
    Vars.STORY_ID.put(variables, story.getId());
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, story.getReference(), variables);
  }
}
