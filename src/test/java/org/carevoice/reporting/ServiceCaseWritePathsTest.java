package org.carevoice.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.CarevoiceTest;
import org.carevoice.response.ServiceResponse;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the reports read is written as the cases run: a service's case is opened with its dates
 * when the response is scheduled, then records the reminder, the escalation and the first
 * published response; a share is recorded. And an overdue case that runs in the engine is linked to
 * Cockpit for the service's manager.
 */
@CarevoiceTest
class ServiceCaseWritePathsTest {

  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  @Test
  void serviceCase_isOpenedRemindedEscalatedAndAnswered_keepingItsFirstDates() {
    ProcessInstance story = published("Reminded, escalated, answered", "3");
    ProcessInstance service = driver.serviceCases(story).get(0);
    Map<String, Instant> opened = serviceCase(story.getBusinessKey());
    assertThat(opened.get("opened_at")).isEqualTo(jdbc.queryForObject(
        "select published_at from story where reference = ?", Timestamp.class, story.getBusinessKey()).toInstant());
    assertThat(List.of("response_due_at", "escalation_due_at", "overdue_at")).allSatisfy(column ->
        assertThat(opened.get(column)).as(column).isNotNull());
    assertThat(opened.get("response_due_at")).isBefore(opened.get("escalation_due_at"));
    assertThat(opened.get("escalation_due_at")).isBefore(opened.get("overdue_at"));
    assertThat(opened.get("reminded_at")).isNull();
    assertThat(opened.get("first_response_at")).isNull();

    driver.fireTimer(service, ServiceResponse.Elements.START_RESPONSE_DUE);
    assertThat(serviceCase(story.getBusinessKey()).get("reminded_at")).isNotNull();
    driver.fireTimer(service, ServiceResponse.Elements.START_ESCALATION_DUE);
    Instant escalated = serviceCase(story.getBusinessKey()).get("escalated_at");
    assertThat(escalated).isNotNull();

    driver.submit(service, ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY, "craig", respond());
    driver.submit(service, ServiceResponse.Elements.USER_TASK_MODERATE_RESPONSE, "morag",
        Map.of("responseDecision", "approve"));
    Map<String, Instant> answered = serviceCase(story.getBusinessKey());
    assertThat(answered.get("first_response_at")).isEqualTo(jdbc.queryForObject("select r.published_at from response r"
        + " join story s on s.id = r.story_id where s.reference = ?", Timestamp.class, story.getBusinessKey()).toInstant());
    assertThat(answered.get("escalated_at")).isEqualTo(escalated);
    assertThat(answered.get("opened_at")).isEqualTo(opened.get("opened_at"));
    assertThat(answered.get("overdue_at")).isEqualTo(opened.get("overdue_at"));
  }

  @Test
  void sharingAStory_isRecorded_whenItReachedSomeone() throws Exception {
    String reference = published("Shared with the team", "0").getBusinessKey();
    mvc.perform(post("/staff/stories/" + reference + "/share").with(user("craig")).with(csrf())
        .param("group", "responders-hairmyres-ed")).andExpect(status().is3xxRedirection());
    mvc.perform(post("/staff/stories/" + reference + "/share").with(user("craig")).with(csrf())
        .param("colleague", "nobody-of-that-name")).andExpect(status().is3xxRedirection());
    assertThat(jdbc.queryForList("select sh.shared_by, sh.shared_with_group, sh.shared_with_user, sh.recipients"
        + " from story_share sh join story s on s.id = sh.story_id where s.reference = ?", reference))
        .singleElement().satisfies(row -> {
          assertThat(row.get("shared_by")).isEqualTo("craig");
          assertThat(row.get("shared_with_group")).isEqualTo("responders-hairmyres-ed");
          assertThat(row.get("shared_with_user")).isNull();
          assertThat(((Number) row.get("recipients")).intValue()).isEqualTo(1);
        });
  }

  @Test
  void overdueCaseInTheEngine_isLinkedToCockpit_forItsManager() throws Exception {
    ProcessInstance story = published("Overdue in the engine", "2");
    ProcessInstance service = driver.serviceCases(story).get(0);
    jdbc.update("update service_case set overdue_at = ? where story_id = (select id from story where reference = ?)",
        Timestamp.from(Instant.now().minusSeconds(3 * 86_400)), story.getBusinessKey());

    mvc.perform(get("/staff/reports/overdue").param("service", "hairmyres-emergency-department").with(user("graham")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/staff/stories/" + story.getBusinessKey())))
        .andExpect(content().string(containsString("/camunda/app/cockpit/mockmvc/#/process-instance/"
            + service.getId() + "/runtime")));
    mvc.perform(get("/staff/reports/overdue.csv").param("service", "hairmyres-emergency-department")
        .with(user("graham"))).andExpect(status().isOk())
        .andExpect(content().string(containsString(story.getBusinessKey() + ",Emergency Department,"
            + "University Hospital Hairmyres,NHS Lanarkshire,2,")));
    // Another service's manager neither sees it nor may ask for it.
    mvc.perform(get("/staff/reports/overdue").param("service", "hairmyres-emergency-department").with(user("craig")))
        .andExpect(status().isForbidden()).andExpect(content().string(not(containsString(story.getBusinessKey()))));
  }

  private ProcessInstance published(String title, String criticality) {
    SubmittedStory submitted = testStories.submit(title);
    ProcessInstance story = driver.instance(submitted.reference());
    driver.runSavePoints(story);
    driver.approve(story, criticality, List.of(testStories.serviceId("hairmyres-emergency-department")));
    return story;
  }

  /** The service case's dates by column name (null where not set). */
  private Map<String, Instant> serviceCase(String reference) {
    Map<String, Instant> dates = new HashMap<>();
    jdbc.query("select c.opened_at, c.response_due_at, c.escalation_due_at, c.overdue_at, c.reminded_at,"
        + " c.escalated_at, c.first_response_at from service_case c join story s on s.id = c.story_id"
        + " where s.reference = ?", row -> {
          for (int i = 1; i <= 7; i++) {
            Timestamp value = row.getTimestamp(i);
            dates.put(row.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
                value == null ? null : value.toInstant());
          }
        }, reference);
    return dates;
  }

  private static Map<String, Object> respond() {
    Map<String, Object> values = new HashMap<>();
    values.put("privateResponse", "Thank you for telling us about your visit. We are looking at how we keep people"
        + " informed while they wait.");
    values.put("privateResponderName", "Craig Wilson");
    values.put("privateResponderRole", "Charge Nurse, Emergency Department");
    values.put("change", "none");
    return values;
  }
}
