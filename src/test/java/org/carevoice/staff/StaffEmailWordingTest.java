package org.carevoice.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.CarevoiceTest;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.response.Subscription;
import org.carevoice.response.SubscriptionService;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff emails say truthfully why they come and what they contain: a story alert to someone who
 * only follows the service names it and never says "your service"; no staff email claims to hold
 * no story text while quoting it; no subject holds the story's title.
 */
@CarevoiceTest
class StaffEmailWordingTest {

  static final String TITLE = "Wording-Canary-Title-4417 about the night shift";

  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired SubscriptionService subscriptions;
  @Autowired OrganisationService organisation;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void clean() {
    jdbc.update("delete from subscription");
  }

  @Test
  void storyAlert_toAFollowerOfAnotherService_namesWhatTheyFollow_neverYourService() {
    Long hairmyres = organisation.allSites().stream().filter(s -> s.getSlug().equals("hairmyres")).findFirst()
        .orElseThrow().getId();
    subscriptions.subscribe("aileen", Subscription.Scope.SITE, hairmyres, 0, Subscription.Delivery.INSTANT);
    subscriptions.subscribe("fiona", Subscription.Scope.SERVICE, testStories.serviceId("hairmyres-emergency-department"),
        0, Subscription.Delivery.INSTANT);
    String reference = publish("4");

    Map<String, Object> aileen = alertTo("aileen", reference);
    assertThat(aileen.get("subject")).isEqualTo("A new story about a service you follow: " + reference);
    assertThat((String) aileen.get("text_body"))
        .contains("You follow University Hospital Hairmyres in your story alerts. This story is about Emergency "
            + "Department, University Hospital Hairmyres, which is not one of your own services.")
        .doesNotContainIgnoringCase("your service:").doesNotContain("Your team answers")
        .doesNotContain("/respond").doesNotContain("/staff/stories/" + reference + "\n")
        .contains("/staff/subscriptions").contains("title and the first lines of its published text");
    assertThat((String) alertTo("fiona", reference).get("text_body"))
        .contains("You follow Emergency Department, University Hospital Hairmyres in your story alerts.");

    Map<String, Object> craig = alertTo("craig", reference);
    assertThat(craig.get("subject")).isEqualTo("A new story about your service: " + reference);
    assertThat((String) craig.get("text_body")).contains("Your team answers stories about Emergency Department")
        .contains("/staff/stories/" + reference + "/respond").contains("/staff/stories/" + reference + "\n")
        .contains(TITLE);
    // Criticality 4: the routing adds the service's managers, told that they manage it.
    Map<String, Object> graham = alertTo("graham", reference);
    assertThat(graham.get("subject")).isEqualTo("A new story about a service you manage: " + reference);
    assertThat((String) graham.get("text_body")).contains("You manage Emergency Department");
  }

  @Test
  void noStaffEmail_saysItHoldsNoStoryText_andNoSubjectHoldsTheTitle() {
    String reference = publish("2");
    List<Map<String, Object>> emails = jdbc.queryForList(
        "select template, subject, text_body, html_body from outbox_message where about = ?", reference);
    assertThat(emails).extracting(e -> e.get("template")).contains("story-alert");
    for (Map<String, Object> email : emails) {
      assertThat((String) email.get("subject")).as("subject of %s", email.get("template")).doesNotContain("Wording-Canary");
      assertThat((String) email.get("text_body")).doesNotContain("contains no story text");
      assertThat((String) email.get("html_body")).doesNotContain("contains no story text");
    }
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where text_body like '%contains no story text%'",
        Long.class)).isZero();
  }

  private String publish(String criticality) {
    SubmittedStory submitted = testStories.submit(TITLE);
    ProcessInstance story = driver.instance(submitted.reference());
    driver.runSavePoints(story);
    driver.submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "approve", "criticality", criticality));
    return submitted.reference();
  }

  private Map<String, Object> alertTo(String user, String reference) {
    return jdbc.queryForMap("select subject, text_body from outbox_message where template = 'story-alert'"
        + " and about = ? and recipient = ?", reference, user + "@demo.carevoice.local");
  }
}
