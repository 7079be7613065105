package org.carevoice.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.carevoice.response.ServiceResponse.Elements.*;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carevoice.CarevoiceTest;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * processes/service-response.bpmn, one test per path: a published story reaches each of its
 * services, is answered, moderated or fast-tracked, published, and escalates while unanswered.
 */
@CarevoiceTest
class ServiceResponseProcessTest {

  static final String BODY = "The nurses in the emergency department were kind but the wait was very long and "
      + "nobody told us what was happening. We sat in the corridor for most of the night and my dad was cold. "
      + "The care at home team were excellent once we got home.";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired ResponseService responses;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void storyAboutTwoServices_reachesBothTeams_eachWithItsOwnTaskAndAlert() {
    long craigAlerts = alerts("craig");
    long aileenAlerts = alerts("aileen");
    ProcessInstance story = published("Two services", "2", "hairmyres-emergency-department",
        "care-at-home-south-lanarkshire");

    List<ProcessInstance> cases = driver.serviceCases(story);
    assertThat(cases).hasSize(2);
    assertThat(cases).allSatisfy(c -> assertThat(c).isWaitingAt(USER_TASK_RESPOND_TO_STORY));
    assertThat(cases.stream().map(c -> group(driver.task(c, USER_TASK_RESPOND_TO_STORY).getId())).toList())
        .containsExactlyInAnyOrder("responders-hairmyres-ed", "responders-care-at-home");
    assertThat(alerts("craig") - craigAlerts).isEqualTo(1);
    assertThat(alerts("aileen") - aileenAlerts).isEqualTo(1);
    String alert = jdbc.queryForObject("select text_body from outbox_message where recipient = 'craig@demo.carevoice.local'"
        + " and template = 'story-alert' order by id desc limit 1", String.class);
    assertThat(alert).contains("Two services").contains("The nurses in the emergency department")
        .as("an excerpt only").doesNotContain("once we got home");
  }

  @Test
  void stronglyCriticalStory_alsoAlertsTheServiceManager_andIsDueSooner() {
    long grahamAlerts = alerts("graham");
    ProcessInstance story = published("Strongly critical", "4", "hairmyres-emergency-department");
    ProcessInstance service = driver.serviceCases(story).get(0);

    assertThat(alerts("graham") - grahamAlerts).isEqualTo(1);
    Date due = (Date) runtimeService.getVariable(service.getId(), "responseDue");
    assertThat(due.toInstant()).isBefore(Instant.now().plusSeconds(5 * 86_400));
  }

  @Test
  void response_isModeratedPublishedAndTheAuthorEmailed_andTheCaseEnds() throws Exception {
    ProcessInstance story = published("Answered after moderation", "3", "hairmyres-emergency-department");
    ProcessInstance service = driver.serviceCases(story).get(0);

    driver.submit(service, USER_TASK_RESPOND_TO_STORY, "craig", respond("none", null));
    assertThat(service).isWaitingAt(USER_TASK_MODERATE_RESPONSE);
    driver.submit(service, USER_TASK_MODERATE_RESPONSE, "morag", Map.of("responseDecision", "approve"));

    assertThat(service).hasPassed(SERVICE_TASK_PUBLISH_RESPONSE, END_RESPONSE_PUBLISHED, END_SERVICE_RESPONDED).isEnded();
    assertThat(story).hasPassed(StoryLifecycle.Elements.END_STORY_PUBLISHED).isEnded();
    Long storyId = (Long) historicVariable(story, "storyId");
    assertThat(responses.publishedFor(storyId)).singleElement().satisfies(r -> {
      assertThat(r.getBody()).startsWith("Thank you for telling us");
      assertThat(r.getResponderRole()).isEqualTo("Charge Nurse, Emergency Department");
    });
    assertThat(driver.templatesAbout(story.getBusinessKey())).contains("response-published");
    mvc.perform(get("/stories/" + story.getBusinessKey())).andExpect(status().isOk())
        .andExpect(content().string(containsString("Charge Nurse, Emergency Department")))
        .andExpect(content().string(containsString("(responded the same day)")));
  }

  @Test
  void goodRecordOnAMildStory_isFastTracked() {
    givePublishedResponses("craig", 10);
    ProcessInstance story = published("Fast track", "1", "hairmyres-emergency-department");
    ProcessInstance service = driver.serviceCases(story).get(0);

    driver.submit(service, USER_TASK_RESPOND_TO_STORY, "craig", respond("none", null));

    assertThat(service).hasNotPassed(USER_TASK_MODERATE_RESPONSE).hasPassed(END_RESPONSE_PUBLISHED).isEnded();
  }

  @Test
  void claimedChange_isAlwaysModerated_evenWithAGoodRecord() throws Exception {
    givePublishedResponses("craig", 10);
    ProcessInstance story = published("Change claimed", "1", "hairmyres-emergency-department");
    ProcessInstance service = driver.serviceCases(story).get(0);

    driver.submit(service, USER_TASK_RESPOND_TO_STORY, "craig", respond("planned", "Hourly updates in the waiting room."));

    assertThat(service).isWaitingAt(USER_TASK_MODERATE_RESPONSE);
    driver.submit(service, USER_TASK_MODERATE_RESPONSE, "iain", Map.of("responseDecision", "approve"));
    mvc.perform(get("/stories/" + story.getBusinessKey()))
        .andExpect(content().string(containsString(">Change planned</strong>")))
        .andExpect(content().string(containsString(">Hourly updates in the waiting room.</span>")));
  }

  @Test
  void returnedResponse_goesBackToTheTeamWithTheNote() {
    ProcessInstance story = published("Returned", "3", "hairmyres-emergency-department");
    ProcessInstance service = driver.serviceCases(story).get(0);
    driver.submit(service, USER_TASK_RESPOND_TO_STORY, "craig", respond("none", null));
    driver.submit(service, USER_TASK_MODERATE_RESPONSE, "morag",
        Map.of("responseDecision", "return", "privateNote", "Please do not name the nurse."));

    assertThat(service).isWaitingAt(USER_TASK_RESPOND_TO_STORY);
    assertThat(driver.formVariables(service, USER_TASK_RESPOND_TO_STORY)).containsEntry("displayNote",
        "Please do not name the nurse.").containsEntry("privateResponderName", "Craig Wilson");
  }

  @Test
  void textsLongerThanTheirColumns_areRefusedNamingTheLimit_andNothingIsSaved() {
    ProcessInstance story = published("Too long", "3", "hairmyres-emergency-department");
    ProcessInstance service = driver.serviceCases(story).get(0);

    assertThatThrownBy(() -> driver.submit(service, USER_TASK_RESPOND_TO_STORY, "craig",
        respond("made", "d".repeat(Response.CHANGE_DESCRIPTION_MAX + 1))))
        .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
        .hasMessage("Description of the change is too long: at most 2,000 characters, and it has 2,001"
            + " (form field privateChangeDescription).");
    assertThat(service).isWaitingAt(USER_TASK_RESPOND_TO_STORY);
    assertThat(jdbc.queryForObject("select count(*) from response where story_id = (select id from story"
        + " where reference = ?)", Long.class, story.getBusinessKey())).isZero();

    driver.submit(service, USER_TASK_RESPOND_TO_STORY, "craig", respond("made", "d".repeat(Response.CHANGE_DESCRIPTION_MAX)));
    assertThatThrownBy(() -> driver.submit(service, USER_TASK_MODERATE_RESPONSE, "morag", Map.of(
        "responseDecision", "return", "privateNote", "n".repeat(Response.MODERATOR_NOTE_MAX + 1))))
        .hasMessageContaining("Note for the responders is too long: at most 2,000 characters");
    assertThat(service).isWaitingAt(USER_TASK_MODERATE_RESPONSE);

    driver.submit(service, USER_TASK_MODERATE_RESPONSE, "morag", Map.of(
        "responseDecision", "return", "privateNote", "n".repeat(Response.MODERATOR_NOTE_MAX)));
    assertThat(driver.formVariables(service, USER_TASK_RESPOND_TO_STORY).get("displayNote").toString())
        .hasSize(Response.MODERATOR_NOTE_MAX);
  }

  @Test
  void incompleteResponse_isRefused() {
    ProcessInstance story = published("Incomplete", "2", "hairmyres-emergency-department");
    ProcessInstance service = driver.serviceCases(story).get(0);

    assertThatThrownBy(() -> driver.submit(service, USER_TASK_RESPOND_TO_STORY, "craig", Map.of("change", "none")))
        .hasMessageContaining("Write the response");
    assertThatThrownBy(() -> driver.submit(service, USER_TASK_RESPOND_TO_STORY, "craig", respond("made", "")))
        .hasMessageContaining("Describe the change");
  }

  @Test
  void unanswered_remindsThenEscalatesToTheManagerThenIsOverdue() {
    long craigReminders = count("response-reminder", "craig");
    long grahamEscalations = count("response-escalated", "graham");
    ProcessInstance story = published("Unanswered", "2", "hairmyres-emergency-department");
    ProcessInstance service = driver.serviceCases(story).get(0);

    driver.fireTimer(service, START_RESPONSE_DUE);
    assertThat(service).hasPassed(SERVICE_TASK_REMIND_RESPONDERS).isWaitingAt(USER_TASK_RESPOND_TO_STORY);
    assertThat(count("response-reminder", "craig") - craigReminders).isEqualTo(1);

    driver.fireTimer(service, START_ESCALATION_DUE);
    assertThat(service).isWaitingAt(USER_TASK_RESPOND_TO_STORY, USER_TASK_UNANSWERED_STORY);
    assertThat(group(driver.task(service, USER_TASK_UNANSWERED_STORY).getId())).isEqualTo("managers-hairmyres");
    assertThat(count("response-escalated", "graham") - grahamEscalations).isEqualTo(1);
    assertThat(runtimeService.getVariable(service.getId(), "responseEscalated")).isEqualTo(true);

    driver.fireTimer(service, START_OVERDUE);
    assertThat(runtimeService.getVariable(service.getId(), "responseOverdue")).isEqualTo(true);
  }

  @Test
  void publishedResponse_stopsEscalation_andClosesTheManagersTask() {
    givePublishedResponses("craig", 10);
    ProcessInstance story = published("Answered late", "1", "hairmyres-emergency-department");
    ProcessInstance service = driver.serviceCases(story).get(0);
    driver.fireTimer(service, START_ESCALATION_DUE);
    assertThat(service).isWaitingAt(USER_TASK_UNANSWERED_STORY);

    driver.submit(service, USER_TASK_RESPOND_TO_STORY, "craig", respond("none", null));

    assertThat(service).isEnded();
    assertThat(taskService.createTaskQuery().processInstanceId(service.getId()).count()).isZero();
  }

  // --- helpers ------------------------------------------------------------------------------

  private ProcessInstance published(String title, String criticality, String... serviceSlugs) {
    SubmittedStory submitted = testStories.submit(title, BODY, TestStories.PSEUDONYM, TestStories.EMAIL);
    ProcessInstance story = driver.instance(submitted.reference());
    driver.runSavePoints(story);
    driver.approve(story, criticality, java.util.Arrays.stream(serviceSlugs).map(testStories::serviceId).toList());
    return story;
  }

  private static Map<String, Object> respond(String change, String description) {
    Map<String, Object> values = new HashMap<>();
    values.put("privateResponse", "Thank you for telling us about your visit. We are sorry about the wait and are "
        + "looking at how we keep people informed.");
    values.put("privateResponderName", "Craig Wilson");
    values.put("privateResponderRole", "Charge Nurse, Emergency Department");
    values.put("change", change);
    if (description != null) {
      values.put("privateChangeDescription", description);
    }
    return values;
  }

  /** A responder with a good record: enough published responses and none returned lately. */
  private void givePublishedResponses(String user, int count) {
    jdbc.update("update response set moderator_note = null where responder_user = ?", user);
    Long story = jdbc.queryForObject("select min(id) from story where status = 'PUBLISHED'", Long.class);
    Long service = testStories.serviceId("hairmyres-emergency-department");
    Integer existing = jdbc.queryForObject("select count(*) from response where responder_user = ? and status = 'PUBLISHED'",
        Integer.class, user);
    for (int i = existing; i < count; i++) {
      jdbc.update("insert into response (id, story_id, service_id, body, responder_name, responder_role, created_at,"
              + " published_at, status, responder_user) values (next value for response_seq, ?, ?, 'Earlier response', 'Craig',"
              + " 'Charge Nurse', ?, ?, 'PUBLISHED', ?)", story, service, java.sql.Timestamp.from(Instant.now()),
          java.sql.Timestamp.from(Instant.now()), user);
    }
  }

  private String group(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  private long alerts(String user) {
    return count("story-alert", user);
  }

  private long count(String template, String user) {
    return jdbc.queryForObject("select count(*) from outbox_message where template = ? and recipient = ?", Long.class,
        template, user + "@demo.carevoice.local");
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }
}
