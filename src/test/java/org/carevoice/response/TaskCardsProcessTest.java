package org.carevoice.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carevoice.CarevoiceTest;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11, item 3 and 7: every user task identifies its work on its Tasklist card (the reference in
 * its name, service, urgency), has a priority that sorts by urgency and a due date; a returned
 * response reaches its author by email and on the staff respond page. One test per path, timers
 * fired explicitly.
 */
@CarevoiceTest
class TaskCardsProcessTest {

  static final String ROUTINE = "The nurse who triaged me explained everything and the wait was shorter than I "
      + "expected. Thank you to the whole team in the emergency department.";
  static final String ABUSIVE = "The doctor on the night shift was a total prick to my dad and nobody in the "
      + "emergency department cared how long we waited in the corridor.";
  static final String SAFEGUARDING = "My mum is not safe at home. Her carer hits my mum when nobody is there and "
      + "the ward sent her back anyway. The staff were kind but nobody listened to us.";
  static final String IDENTIFIERS = "Dr Fraser looked after my dad all week. You can call me on 07700 900123 "
      + "if you want to know more about how kind the ward staff were to us.";
  static final String ED = "Emergency Department, University Hospital Hairmyres";
  static final String TITLE = "Jean MacLeod on ward 5";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void routineStory_moderationCardShowsReferenceServiceAndUrgency_dueInAWorkingDay_withoutTheTitle() {
    ProcessInstance story = atModeration(ROUTINE);
    Task task = driver.task(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY);

    assertCard(task, story.getBusinessKey(), "Moderate story", ED, "routine", 50);
    assertDueWithin(task, Duration.ofHours(23), Duration.ofDays(4));
    assertThat(task.getName()).doesNotContain(TITLE);
    assertThat(taskService.getVariablesLocal(task.getId()).entrySet()).filteredOn(e -> e.getKey().startsWith("card"))
        .allSatisfy(e -> assertThat(String.valueOf(e.getValue())).doesNotContain("Jean").doesNotContain("MacLeod"));
  }

  @Test
  void abusiveStory_isHighPriority() {
    ProcessInstance story = atModeration(ABUSIVE);

    assertCard(driver.task(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY), story.getBusinessKey(),
        "Moderate story", ED, "high", 70);
  }

  @Test
  void safeguardingConcern_reviewAndModerationComeFirst_reviewDueWithinHours() {
    ProcessInstance story = atModeration(SAFEGUARDING);

    Task review = driver.task(story, StoryLifecycle.Elements.USER_TASK_REVIEW_SAFEGUARDING_CONCERN);
    assertCard(review, story.getBusinessKey(), "Review safeguarding concern", ED, "safeguarding", 90);
    assertDueWithin(review, Duration.ofHours(3), Duration.ofHours(5));
    assertCard(driver.task(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY), story.getBusinessKey(),
        "Moderate story", ED, "safeguarding", 90);
  }

  @Test
  void identifiersRemain_confirmationCardIsDueInAWorkingDay() {
    ProcessInstance story = atModeration(IDENTIFIERS);
    driver.submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag", approve("2"));

    assertThat(story).isWaitingAt(StoryLifecycle.Elements.USER_TASK_CONFIRM_ANONYMISATION);
    Task task = driver.task(story, StoryLifecycle.Elements.USER_TASK_CONFIRM_ANONYMISATION);
    assertCard(task, story.getBusinessKey(), "Confirm anonymisation", ED, "routine", 50);
    assertDueWithin(task, Duration.ofHours(23), Duration.ofDays(4));
  }

  @Test
  void respondCard_isDueWhenTheResponseDueDecisionSays_stronglyCriticalFirst() {
    ProcessInstance mild = driver.serviceCases(published("2")).get(0);
    ProcessInstance strong = driver.serviceCases(published("4")).get(0);

    Task mildTask = driver.task(mild, ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY);
    assertCard(mildTask, mild.getBusinessKey(), "Respond to story", ED, "routine", 50);
    assertThat(mildTask.getDueDate()).isEqualTo(runtimeService.getVariable(mild.getId(), "responseDue"));
    Task strongTask = driver.task(strong, ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY);
    assertCard(strongTask, strong.getBusinessKey(), "Respond to story", ED, "high", 70);
    assertThat(strongTask.getDueDate()).isEqualTo(runtimeService.getVariable(strong.getId(), "responseDue"))
        .isBefore(mildTask.getDueDate());
  }

  @Test
  void returnedResponse_responderIsEmailedTheNote_andThePageShowsTheNoteAndTheDraft() throws Exception {
    ProcessInstance service = driver.serviceCases(published("3")).get(0);
    String reference = service.getBusinessKey();
    driver.submit(service, ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY, "craig", respond());
    Task moderation = driver.task(service, ServiceResponse.Elements.USER_TASK_MODERATE_RESPONSE);
    assertCard(moderation, reference, "Moderate response", ED, "routine", 50);
    assertDueWithin(moderation, Duration.ofHours(23), Duration.ofDays(4));

    driver.submit(service, ServiceResponse.Elements.USER_TASK_MODERATE_RESPONSE, "morag",
        Map.of("responseDecision", "return", "privateNote", "Please do not name the nurse on duty."));

    assertThat(service).isWaitingAt(ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY);
    Map<String, Object> email = jdbc.queryForMap("select subject, text_body, html_body from outbox_message"
        + " where template = 'response-returned' and about = ? and recipient = 'craig@demo.carevoice.local'", reference);
    assertThat(email.get("subject").toString()).contains(reference).doesNotContain("nurse");
    assertThat(email.get("text_body").toString()).contains("Please do not name the nurse on duty.")
        .contains("/staff/stories/" + reference + "/respond");
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where template = 'response-returned'"
        + " and about = ? and recipient <> 'craig@demo.carevoice.local'", Long.class, reference))
        .as("only the responder who wrote it").isZero();
    assertThat(driver.task(service, ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY).getDueDate())
        .isEqualTo(runtimeService.getVariable(service.getId(), "responseDue"));

    mvc.perform(get("/staff/stories/" + reference + "/respond").with(user("craig"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("A moderator returned your response")))
        .andExpect(content().string(containsString("Please do not name the nurse on duty.")))
        .andExpect(content().string(containsString("Thank you for telling us about your visit.")))
        .andExpect(content().string(containsString("value=\"Craig Wilson\"")))
        .andExpect(content().string(containsString("value=\"Charge Nurse, Emergency Department\"")));
  }

  @Test
  void firstResponse_pageHasNoNoteAndAnEmptyForm() throws Exception {
    ProcessInstance service = driver.serviceCases(published("3")).get(0);

    mvc.perform(get("/staff/stories/" + service.getBusinessKey() + "/respond").with(user("craig")))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("A moderator returned your response"))))
        .andExpect(content().string(not(containsString("value=\"Craig Wilson\""))));
  }

  @Test
  void unansweredStory_managersCardIsDueWhenTheResponseWas_followUpWhenItTurnsOverdue() {
    ProcessInstance service = driver.serviceCases(published("2")).get(0);
    driver.fireTimer(service, ServiceResponse.Elements.START_ESCALATION_DUE);

    Task task = driver.task(service, ServiceResponse.Elements.USER_TASK_UNANSWERED_STORY);
    assertCard(task, service.getBusinessKey(), "Unanswered story", ED, "high", 70);
    assertThat(task.getDueDate()).as("Tasklist shows how late: due ... ago")
        .isEqualTo(runtimeService.getVariable(service.getId(), "responseDue"));
    assertThat(task.getFollowUpDate()).isEqualTo(runtimeService.getVariable(service.getId(), "overdueAt"));
  }

  // --- helpers ------------------------------------------------------------------------------

  private void assertCard(Task task, String reference, String modelName, String services, String urgency, int priority) {
    assertThat(task).as("an open task").isNotNull();
    assertThat(task.getName()).isEqualTo(modelName + " · " + reference);
    assertThat(task.getPriority()).isEqualTo(priority);
    assertThat(task.getDueDate()).as("every user task has a due date").isNotNull();
    Map<String, Object> card = taskService.getVariablesLocal(task.getId());
    assertThat(card).containsEntry("cardReference", reference).containsEntry("cardUrgency", urgency);
    assertThat(card.get("cardServices").toString()).contains(services);
  }

  private static void assertDueWithin(Task task, Duration atLeast, Duration atMost) {
    Instant now = Instant.now();
    assertThat(task.getDueDate().toInstant()).isAfter(now.plus(atLeast).minusSeconds(60))
        .isBefore(now.plus(atMost).plusSeconds(60));
  }

  private ProcessInstance atModeration(String body) {
    return atModeration(TITLE, body);
  }

  private ProcessInstance atModeration(String title, String body) {
    ProcessInstance story = driver.instance(
        testStories.submit(title, body, TestStories.PSEUDONYM, TestStories.EMAIL).reference());
    driver.runSavePoints(story);
    return story;
  }

  private ProcessInstance published(String criticality) {
    ProcessInstance story = atModeration("A long night in the emergency department", ROUTINE);
    driver.submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag", approve(criticality));
    assertThat(story).isWaitingAt(StoryLifecycle.Elements.CALL_ACTIVITY_AWAIT_SERVICE_RESPONSES);
    return story;
  }

  private static Map<String, Object> approve(String criticality) {
    return Map.of("decision", "approve", "criticality", criticality);
  }

  private static Map<String, Object> respond() {
    Map<String, Object> values = new HashMap<>();
    values.put("privateResponse", "Thank you for telling us about your visit. We are looking at how we keep people informed.");
    values.put("privateResponderName", "Craig Wilson");
    values.put("privateResponderRole", "Charge Nurse, Emergency Department");
    values.put("change", "none");
    return values;
  }
}
