package org.carevoice.story;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.carevoice.system.CarevoiceHistoryLevel;
import org.carevoice.system.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * The façade of the {@code story-lifecycle} process (processes/story-lifecycle.bpmn) and the
 * only place its ids appear in Java. One process instance per story; business key = the story's
 * public reference. docs/lifecycle.md explains every element.
 */
@Component
public class StoryLifecycle {

  public static final String PROCESS_KEY = "story-lifecycle";
  public static final String URGENCY_DECISION = "story-urgency";

  /** BPMN element ids, as in the model. */
  public static final class Elements {
    public static final String START_STORY_SUBMITTED = "startEvent_storySubmitted";
    public static final String SERVICE_TASK_SCREEN_STORY = "serviceTask_screenStory";
    public static final String SERVICE_TASK_SCAN_IDENTIFIERS = "serviceTask_scanIdentifiers";
    public static final String BUSINESS_RULE_TASK_ASSESS_URGENCY = "businessRuleTask_assessUrgency";
    public static final String SERVICE_TASK_ALERT_SAFEGUARDING_LEAD = "serviceTask_alertSafeguardingLead";
    public static final String END_SAFEGUARDING_LEAD_ALERTED = "endEvent_safeguardingLeadAlerted";
    public static final String USER_TASK_REVIEW_SAFEGUARDING_CONCERN = "userTask_reviewSafeguardingConcern";
    public static final String END_SAFEGUARDING_REVIEWED = "endEvent_safeguardingReviewed";
    public static final String USER_TASK_MODERATE_STORY = "userTask_moderateStory";
    public static final String TIMER_MODERATION_REMINDER = "timer_moderationReminder";
    public static final String TIMER_MODERATION_ESCALATION = "timer_moderationEscalation";
    public static final String SERVICE_TASK_REMIND_MODERATORS = "serviceTask_remindModerators";
    public static final String SERVICE_TASK_ESCALATE_MODERATION = "serviceTask_escalateModeration";
    public static final String GATEWAY_MODERATION_DECISION = "gateway_moderationDecision";
    public static final String SERVICE_TASK_RESCAN_MODERATED_TEXT = "serviceTask_rescanModeratedText";
    public static final String USER_TASK_CONFIRM_ANONYMISATION = "userTask_confirmAnonymisation";
    public static final String EVENT_SAFEGUARDING_CLEARED = "intermediateEvent_safeguardingCleared";
    public static final String SERVICE_TASK_PUBLISH_STORY = "serviceTask_publishStory";
    public static final String CALL_ACTIVITY_AWAIT_SERVICE_RESPONSES = "callActivity_awaitServiceResponses";
    public static final String END_STORY_PUBLISHED = "endEvent_storyPublished";
    public static final String SERVICE_TASK_WITHHOLD_STORY = "serviceTask_withholdStory";
    public static final String END_STORY_WITHHELD = "endEvent_storyWithheld";
    public static final String SERVICE_TASK_REJECT_STORY = "serviceTask_rejectStory";
    public static final String END_STORY_REJECTED = "endEvent_storyRejected";
    public static final String SERVICE_TASK_REQUEST_CHANGES = "serviceTask_requestChanges";
    public static final String EVENT_GATEWAY_AWAIT_EDIT = "eventGateway_awaitEdit";
    public static final String EVENT_STORY_EDITED = "messageEvent_storyEdited";
    public static final String TIMER_EDIT_TIME_LIMIT = "timer_editTimeLimit";
    public static final String SERVICE_TASK_CLOSE_NOT_EDITED = "serviceTask_closeNotEdited";
    public static final String END_CLOSED_NOT_EDITED = "endEvent_closedNotEdited";
    public static final String START_STORY_WITHDRAWN = "startEvent_storyWithdrawn";
    public static final String SERVICE_TASK_WITHDRAW_STORY = "serviceTask_withdrawStory";
    public static final String END_STORY_WITHDRAWN = "endEvent_storyWithdrawn";

    private Elements() {}
  }

  /** Message names, as in the model. */
  public static final class Messages {
    public static final String STORY_EDITED = "StoryEdited";
    public static final String STORY_WITHDRAWN = "StoryWithdrawn";

    private Messages() {}
  }

  /** Candidate groups named in the model. */
  public static final class Groups {
    public static final String MODERATORS = "moderators";
    public static final String MODERATION_LEADS = "moderation-leads";
    public static final String SAFEGUARDING = "safeguarding";

    private Groups() {}
  }

  /** Process variables: ids, flags and decisions only, never personal data (ADR 0002). */
  public static final class Vars {
    public static final ProcessVariable<Long> STORY_ID = ProcessVariable.of("storyId", Long.class);

    public static final ProcessVariable<Boolean> SAFEGUARDING_FLAG = ProcessVariable.of("safeguardingFlag", Boolean.class);
    public static final ProcessVariable<Boolean> SPAM_FLAG = ProcessVariable.of("spamFlag", Boolean.class);
    public static final ProcessVariable<Boolean> ABUSIVE_FLAG = ProcessVariable.of("abusiveFlag", Boolean.class);
    public static final ProcessVariable<Boolean> DUPLICATE_FLAG = ProcessVariable.of("duplicateFlag", Boolean.class);
    public static final ProcessVariable<Boolean> TOO_LONG_FLAG = ProcessVariable.of("tooLongFlag", Boolean.class);
    /** True when screening raised a concern that no safeguarding review has covered yet. */
    public static final ProcessVariable<Boolean> SAFEGUARDING_REVIEW_NEEDED =
        ProcessVariable.of("safeguardingReviewNeeded", Boolean.class);
    /** A {@link SafeguardingDecision}; null while a review is pending. */
    public static final ProcessVariable<String> SAFEGUARDING_DECISION =
        ProcessVariable.of("safeguardingDecision", String.class);
    /** How many personal identifiers the last scan found. */
    public static final ProcessVariable<Integer> IDENTIFIERS_FOUND = ProcessVariable.of("identifiersFound", Integer.class);
    /** Result of the story-urgency decision: immediate, high or routine. */
    public static final ProcessVariable<String> URGENCY = ProcessVariable.of("urgency", String.class);

    /** A {@link Decision}, set by the moderation form. */
    public static final ProcessVariable<String> DECISION = ProcessVariable.of("decision", String.class);
    /** 0 (not critical) to 5 (severely critical). */
    public static final ProcessVariable<Integer> CRITICALITY = ProcessVariable.of("criticality", Integer.class);
    /** A {@code RejectionReason} code. */
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.of("rejectionReason", String.class);
    /** Tag codes chosen in the moderation form (a JSON list). */
    public static final String TAGS = "tags";
    /** Service ids confirmed in the moderation form (a JSON list). */
    public static final String SERVICES = "services";
    /** The services of a published story (a list of ids): one service-response case each. */
    public static final String PUBLISHED_SERVICE_IDS = "publishedServiceIds";
    /** The staff user who completed the moderation: never the one who confirms anonymisation. */
    public static final ProcessVariable<String> MODERATOR = ProcessVariable.of("moderator", String.class);
    /** An {@link AnonymisationDecision}. */
    public static final ProcessVariable<String> ANONYMISATION_DECISION =
        ProcessVariable.of("anonymisationDecision", String.class);

    /** Shown in a form only; task-local and kept out of history. */
    public static final ProcessVariable<String> DISPLAY_SERVICES = taskOnly("displayServices");
    public static final ProcessVariable<String> DISPLAY_SIGNALS = taskOnly("displaySignals");
    public static final ProcessVariable<String> DISPLAY_FINDINGS = taskOnly("displayFindings");
    public static final ProcessVariable<String> DISPLAY_TITLE = taskOnly("displayTitle");
    public static final ProcessVariable<String> DISPLAY_TEXT = taskOnly("displayText");
    public static final ProcessVariable<String> DISPLAY_SUGGESTED_TEXT = taskOnly("displaySuggestedText");
    /** The story's reference, shown in the safeguarding review form. */
    public static final ProcessVariable<String> DISPLAY_REFERENCE = taskOnly("displayReference");
    /** The address of the story's safeguarding staff page (reference only), linked from the review form. */
    public static final ProcessVariable<String> DISPLAY_SAFEGUARDING_PAGE = taskOnly("displaySafeguardingPage");
    /** The service choices of the moderation form, [{label, value}]. */
    public static final String DISPLAY_SERVICE_OPTIONS = taskOnly("displayServiceOptions").name();
    /** Entered or edited in a form, copied to our tables on completion; task-local, never in history. */
    public static final ProcessVariable<String> PRIVATE_TITLE = taskOnly("privateTitle");
    public static final ProcessVariable<String> PRIVATE_TEXT = taskOnly("privateText");
    public static final ProcessVariable<String> PRIVATE_MESSAGE_TO_AUTHOR = taskOnly("privateMessageToAuthor");

    private static ProcessVariable<String> taskOnly(String name) {
      if (!CarevoiceHistoryLevel.isTaskOnly(name)) {
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
    public static final String REQUEST_CHANGES = "requestChanges";

    private Decision() {}
  }

  /** Values of {@link Vars#SAFEGUARDING_DECISION}. */
  public static final class SafeguardingDecision {
    public static final String NOT_REQUIRED = "notRequired";
    public static final String PUBLISH = "publish";
    public static final String DO_NOT_PUBLISH = "doNotPublish";
    public static final String CONTACT_MADE = "contactMade";

    public static boolean isDecision(String value) {
      return PUBLISH.equals(value) || DO_NOT_PUBLISH.equals(value) || CONTACT_MADE.equals(value);
    }

    private SafeguardingDecision() {}
  }

  /** Values of {@link Vars#ANONYMISATION_DECISION}. */
  public static final class AnonymisationDecision {
    public static final String CONFIRM = "confirm";
    public static final String RETURN_TO_MODERATION = "returnToModeration";

    private AnonymisationDecision() {}
  }

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;

  StoryLifecycle(RuntimeService runtimeService, TaskService taskService, HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
  }

  /**
   * Of these stories, the ones whose case is still running or ended at or after a time, as the
   * engine's history knows them (a case's history is kept until its historyTimeToLive after it ended).
   */
  Set<String> casesOpenAtOrAfter(Collection<String> references, Instant time) {
    Set<String> open = new HashSet<>();
    if (references.isEmpty()) {
      return open;
    }
    for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKeyIn(references.toArray(String[]::new)).list()) {
      if (instance.getEndTime() == null || !instance.getEndTime().toInstant().isBefore(time)) {
        open.add(instance.getBusinessKey());
      }
    }
    return open;
  }

  /** When each case that ended since a time ended, by reference (the latest end of a reference). */
  Map<String, Instant> casesEndedSince(Instant since) {
    Map<String, Instant> ended = new HashMap<>();
    historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).finished()
        .finishedAfter(java.util.Date.from(since)).list()
        .forEach(instance -> ended.merge(instance.getBusinessKey(), instance.getEndTime().toInstant(),
            (a, b) -> a.isAfter(b) ? a : b));
    return ended;
  }

  /** The id of the story's open "Review safeguarding concern" task, if one is open. */
  public Optional<String> openSafeguardingReviewTaskId(String reference) {
    return taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(reference)
        .taskDefinitionKey(Elements.USER_TASK_REVIEW_SAFEGUARDING_CONCERN).active().list().stream()
        .map(org.camunda.bpm.engine.task.Task::getId).findFirst();
  }

  /** Starts the case of a newly submitted story, in the caller's transaction. */
  ProcessInstance start(Story story) {
    VariableMap variables = Variables.createVariables();
    Vars.STORY_ID.put(variables, story.getId());
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, story.getReference(), variables);
  }

  /** The author edited the story: the case goes back through screening. */
  void storyEdited(String reference) {
    runtimeService.createMessageCorrelation(Messages.STORY_EDITED).processInstanceBusinessKey(reference).correlate();
  }

  /**
   * The author withdrew the story. Returns false when the story has no running case (it was
   * published, rejected or closed), in which case the caller withdraws it directly.
   */
  boolean storyWithdrawn(String reference) {
    boolean running = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(reference).count() > 0;
    if (running) {
      runtimeService.createMessageCorrelation(Messages.STORY_WITHDRAWN).processInstanceBusinessKey(reference)
          .correlateAll();
    }
    return running;
  }
}
