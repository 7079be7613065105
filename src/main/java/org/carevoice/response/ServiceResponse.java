package org.carevoice.response;

import java.util.Date;
import org.carevoice.system.CarevoiceHistoryLevel;
import org.carevoice.system.ProcessVariable;

/**
 * The constants of processes/service-response.bpmn: one service's part of a published story's
 * case, called by story-lifecycle once per service. The only place its ids appear in Java.
 */
public final class ServiceResponse {

  public static final String PROCESS_KEY = "service-response";
  public static final String ROUTING_DECISION = "route-story";
  public static final String DUE_DECISION = "response-due";

  /** BPMN element ids, as in the model. */
  public static final class Elements {
    public static final String BUSINESS_RULE_TASK_ROUTE_STORY = "businessRuleTask_routeStory";
    public static final String SERVICE_TASK_ALERT_SERVICE_STAFF = "serviceTask_alertServiceStaff";
    public static final String SERVICE_TASK_SCHEDULE_RESPONSE = "serviceTask_scheduleResponse";
    public static final String SUB_PROCESS_AWAIT_RESPONSE = "subProcess_awaitResponse";
    public static final String USER_TASK_RESPOND_TO_STORY = "userTask_respondToStory";
    public static final String USER_TASK_MODERATE_RESPONSE = "userTask_moderateResponse";
    public static final String SERVICE_TASK_PUBLISH_RESPONSE = "serviceTask_publishResponse";
    public static final String END_RESPONSE_PUBLISHED = "endEvent_responsePublished";
    public static final String START_RESPONSE_DUE = "startEvent_responseDue";
    public static final String SERVICE_TASK_REMIND_RESPONDERS = "serviceTask_remindResponders";
    public static final String START_ESCALATION_DUE = "startEvent_escalationDue";
    public static final String SERVICE_TASK_ESCALATE_UNANSWERED_STORY = "serviceTask_escalateUnansweredStory";
    public static final String USER_TASK_UNANSWERED_STORY = "userTask_unansweredStory";
    public static final String START_OVERDUE = "startEvent_overdue";
    public static final String SERVICE_TASK_MARK_RESPONSE_OVERDUE = "serviceTask_markResponseOverdue";
    public static final String END_SERVICE_RESPONDED = "endEvent_serviceResponded";

    private Elements() {}
  }

  /** Process variables: ids, groups, dates and decisions only. */
  public static final class Vars {
    public static final ProcessVariable<Long> STORY_ID = ProcessVariable.of("storyId", Long.class);
    public static final ProcessVariable<Long> SERVICE_ID = ProcessVariable.of("serviceId", Long.class);
    public static final ProcessVariable<Integer> CRITICALITY = ProcessVariable.of("criticality", Integer.class);
    /** Result of route-story: "manager", "safeguarding" (a list). */
    public static final String ALSO_ALERT = "alsoAlert";
    /** Result of response-due: dueWorkingDays, escalateAfterWorkingDays, overdueAfterWorkingDays. */
    public static final String RESPONSE_DUE_RULE = "responseDueRule";
    public static final ProcessVariable<String> RESPONDER_GROUP = ProcessVariable.of("responderGroup", String.class);
    public static final ProcessVariable<String> MANAGER_GROUP = ProcessVariable.of("managerGroup", String.class);
    public static final ProcessVariable<Date> RESPONSE_DUE = ProcessVariable.of("responseDue", Date.class);
    public static final ProcessVariable<Date> ESCALATION_DUE = ProcessVariable.of("escalationDue", Date.class);
    public static final ProcessVariable<Date> OVERDUE_AT = ProcessVariable.of("overdueAt", Date.class);
    public static final ProcessVariable<Boolean> RESPONSE_OVERDUE = ProcessVariable.of("responseOverdue", Boolean.class);
    public static final ProcessVariable<Boolean> RESPONSE_ESCALATED = ProcessVariable.of("responseEscalated", Boolean.class);
    /** The response being written or moderated (our table's id). */
    public static final ProcessVariable<Long> RESPONSE_ID = ProcessVariable.of("responseId", Long.class);
    public static final ProcessVariable<Boolean> RESPONSE_FAST_TRACK = ProcessVariable.of("responseFastTrack", Boolean.class);
    /** "approve" or "return", set by the response moderation form. */
    public static final ProcessVariable<String> RESPONSE_DECISION = ProcessVariable.of("responseDecision", String.class);

    public static final ProcessVariable<String> DISPLAY_TITLE = taskOnly("displayTitle");
    public static final ProcessVariable<String> DISPLAY_TEXT = taskOnly("displayText");
    public static final ProcessVariable<String> DISPLAY_SERVICE = taskOnly("displayService");
    public static final ProcessVariable<String> DISPLAY_NOTE = taskOnly("displayNote");
    public static final ProcessVariable<String> DISPLAY_FINDINGS = taskOnly("displayFindings");
    public static final ProcessVariable<String> PRIVATE_RESPONSE = taskOnly("privateResponse");
    public static final ProcessVariable<String> PRIVATE_RESPONDER_NAME = taskOnly("privateResponderName");
    public static final ProcessVariable<String> PRIVATE_RESPONDER_ROLE = taskOnly("privateResponderRole");
    public static final ProcessVariable<String> PRIVATE_CHANGE_DESCRIPTION = taskOnly("privateChangeDescription");
    public static final ProcessVariable<String> PRIVATE_NOTE = taskOnly("privateNote");
    /** "none", "planned" or "made". */
    public static final ProcessVariable<String> CHANGE = ProcessVariable.of("change", String.class);

    private static ProcessVariable<String> taskOnly(String name) {
      if (!CarevoiceHistoryLevel.isTaskOnly(name)) {
        throw new IllegalArgumentException(name + " would be written to history");
      }
      return ProcessVariable.of(name, String.class);
    }

    private Vars() {}
  }

  private ServiceResponse() {}
}
