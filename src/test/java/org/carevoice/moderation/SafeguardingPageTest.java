package org.carevoice.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carevoice.CarevoiceTest;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.StoryLifecycle.Elements;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The safeguarding lead acts from the alert: the email links straight to the review task and to
 * the story's safeguarding page; the page shows the story and how to reach the author to the
 * safeguarding group only, and every opening is recorded.
 */
@CarevoiceTest
class SafeguardingPageTest {

  static final String CONCERN = "My mum is not safe at home. Her carer hits my mum when nobody is there and "
      + "the ward sent her back anyway. Please help, the staff were kind but nobody listened to us.";

  @Autowired MockMvc mvc;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired ProcessEngine processEngine;
  @Autowired SafeguardingReviews reviews;
  @Autowired JdbcTemplate jdbc;

  /** A story with a safeguarding concern and a canary name and email, its case at the review task. */
  record Concern(String reference, String name, String email, ProcessInstance instance) {}

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void safeguardingLead_seesTheStoryAndHowToReachTheAuthor_andTheOpeningIsRecorded() throws Exception {
    Concern concern = concern();
    Task review = driver.task(concern.instance(), Elements.USER_TASK_REVIEW_SAFEGUARDING_CONCERN);
    Instant before = Instant.now();

    mvc.perform(get("/staff/safeguarding/" + concern.reference()).with(user("shona")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(concern.reference())))
        .andExpect(content().string(containsString("mailto:" + concern.email())))
        .andExpect(content().string(containsString(concern.name())))
        .andExpect(content().string(containsString("By email: the author gave this address")))
        .andExpect(content().string(containsString("Her carer hits my mum when nobody is there")))
        .andExpect(content().string(containsString("possible safeguarding concern")))
        .andExpect(content().string(containsString("Opening this page is recorded")))
        .andExpect(content().string(containsString("/camunda/app/tasklist/default/#/?task=" + review.getId())));

    List<SafeguardingReviews.AccessRecord> log = reviews.accessLog(concern.reference());
    assertThat(log).singleElement().satisfies(access -> {
      assertThat(access.viewedBy()).isEqualTo("shona");
      assertThat(access.reference()).isEqualTo(concern.reference());
      assertThat(access.viewedAt()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    });

    mvc.perform(get("/staff/safeguarding/" + concern.reference()).with(user("shona"))).andExpect(status().isOk());
    assertThat(reviews.accessLog(concern.reference())).as("every opening, not only the first").hasSize(2);
  }

  @Test
  void everyoneElse_isRefused_andNothingIsRecorded() throws Exception {
    Concern concern = concern();
    String page = "/staff/safeguarding/" + concern.reference();

    for (String other : List.of("morag", "fiona", "craig", "graham", "admin")) {
      mvc.perform(get(page).with(user(other)))
          .andExpect(status().isForbidden())
          .andExpect(content().string(not(containsString(concern.email()))))
          .andExpect(content().string(not(containsString(concern.name()))));
    }
    mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));

    assertThat(reviews.accessLog(concern.reference())).isEmpty();
  }

  @Test
  void storyWithoutAConcern_hasNoSafeguardingPage() throws Exception {
    SubmittedStory plain = testStories.submit("Nothing to worry about");
    driver.runSavePoints(driver.instance(plain.reference()));

    mvc.perform(get("/staff/safeguarding/" + plain.reference()).with(user("shona"))).andExpect(status().isNotFound());
    mvc.perform(get("/staff/safeguarding/CV-2026-999999").with(user("shona"))).andExpect(status().isNotFound());
    assertThat(reviews.accessLog(plain.reference())).isEmpty();
  }

  @Test
  void alertEmail_linksStraightToTheTaskAndThePage_withNoPersonalData() {
    Concern concern = concern();
    Task review = driver.task(concern.instance(), Elements.USER_TASK_REVIEW_SAFEGUARDING_CONCERN);
    BpmnAwareTests.assertThat(concern.instance()).hasPassed(Elements.SERVICE_TASK_ALERT_SAFEGUARDING_LEAD,
        Elements.END_SAFEGUARDING_LEAD_ALERTED);

    List<Map<String, Object>> emails = jdbc.queryForList(
        "select subject, text_body, html_body from outbox_message where about = ? and template = 'safeguarding-alert'",
        concern.reference());
    assertThat(emails).as("one to each member of the safeguarding group").isNotEmpty();
    String taskLink = "/camunda/app/tasklist/default/#/?task=" + review.getId();
    String pageLink = "/staff/safeguarding/" + concern.reference();
    for (Map<String, Object> email : emails) {
      String subject = (String) email.get("subject");
      String text = (String) email.get("text_body");
      String html = (String) email.get("html_body");
      assertThat(subject).contains(concern.reference())
          .doesNotContain(concern.name(), concern.email(), "Worried about my mum", "carer hits");
      assertThat(text).contains(taskLink, pageLink);
      assertThat(html).contains(taskLink, pageLink);
      for (String body : List.of(text, html)) {
        assertThat(body).doesNotContain(concern.name(), concern.email(), "carer hits", "Worried about my mum");
      }
    }
  }

  @Test
  void reviewForm_showsTheReferenceAndLinksToThePage() {
    Concern concern = concern();
    Map<String, Object> form = driver.formVariables(concern.instance(), Elements.USER_TASK_REVIEW_SAFEGUARDING_CONCERN);
    assertThat(form.get("displayReference")).isEqualTo(concern.reference());
    assertThat((String) form.get("displaySafeguardingPage")).endsWith("/staff/safeguarding/" + concern.reference())
        .doesNotContain("@");
  }

  private Concern concern() {
    String canary = UUID.randomUUID().toString().substring(0, 8);
    String name = "Canary Lennox " + canary;
    String email = "canary." + canary + "@example.org";
    SubmittedStory submitted = testStories.submit("Worried about my mum", CONCERN, name, email);
    ProcessInstance instance = driver.instance(submitted.reference());
    driver.runSavePoints(instance);
    BpmnAwareTests.assertThat(instance).isWaitingAt(Elements.USER_TASK_REVIEW_SAFEGUARDING_CONCERN);
    return new Concern(submitted.reference(), name, email, instance);
  }
}
