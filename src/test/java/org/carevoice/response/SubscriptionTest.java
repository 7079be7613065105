package org.carevoice.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.CarevoiceTest;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Subscriptions: instant alerts (one email per person), daily digests that batch, and the staff page. */
@CarevoiceTest
class SubscriptionTest {

  @Autowired SubscriptionService subscriptions;
  @Autowired OrganisationService organisation;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  @AfterEach
  void clean() {
    jdbc.update("delete from subscription");
    jdbc.update("update digest_item set sent_at = current_timestamp where sent_at is null");
  }

  @Test
  void instantSubscriber_getsOneAlertPerStory_evenWhenAlsoInTheTeam() {
    Long hairmyres = organisation.allSites().stream().filter(s -> s.getSlug().equals("hairmyres")).findFirst()
        .orElseThrow().getId();
    subscriptions.subscribe("aileen", Subscription.Scope.SITE, hairmyres, 0, Subscription.Delivery.INSTANT);
    Long ed = testStories.serviceId("hairmyres-emergency-department");
    subscriptions.subscribe("craig", Subscription.Scope.SERVICE, ed, 0, Subscription.Delivery.INSTANT);
    long aileen = alerts("aileen");
    long craig = alerts("craig");

    publish("Followed by a colleague", "2");

    assertThat(alerts("aileen") - aileen).isEqualTo(1);
    assertThat(alerts("craig") - craig).as("in the team and subscribed: one email").isEqualTo(1);
  }

  @Test
  void digestSubscriber_getsOneEmailWithTheDaysStoriesAboveTheirThreshold() {
    Long nhs = organisation.allOrganisations().stream().filter(o -> o.getSlug().equals("nhs-lanarkshire")).findFirst()
        .orElseThrow().getId();
    subscriptions.sendDigests();
    subscriptions.subscribe("graham", Subscription.Scope.ORGANISATION, nhs, 3, Subscription.Delivery.DIGEST);
    long before = digests();

    String critical = publish("Digest: moderately critical", "3");
    String mild = publish("Digest: mildly critical", "1");
    String strong = publish("Digest: strongly critical", "4");
    assertThat(digests()).as("nothing until the digest runs").isEqualTo(before);

    assertThat(subscriptions.sendDigests()).isEqualTo(1);
    String text = jdbc.queryForObject("select text_body from outbox_message where template = 'daily-digest'"
        + " and recipient = 'graham@demo.carevoice.local' order by id desc limit 1", String.class);
    assertThat(text).contains(critical).contains(strong).doesNotContain(mild);
    assertThat(digests() - before).isEqualTo(1);
    assertThat(subscriptions.sendDigests()).as("each story once").isZero();
  }

  @Test
  void staffPage_addsAndRemovesSubscriptions() throws Exception {
    mvc.perform(get("/staff/subscriptions").with(user("fiona"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("You do not follow any service yet")));
    Long ed = testStories.serviceId("hairmyres-emergency-department");
    mvc.perform(post("/staff/subscriptions").with(user("fiona")).with(csrf()).param("scope", "SERVICE:" + ed)
        .param("minCriticality", "2").param("delivery", "DIGEST")).andExpect(redirectedUrl("/staff/subscriptions"));
    mvc.perform(get("/staff/subscriptions").with(user("fiona")))
        .andExpect(content().string(containsString("Emergency Department, University Hospital Hairmyres")))
        .andExpect(content().string(containsString("A daily digest")));
    mvc.perform(post("/staff/subscriptions").with(user("fiona")).with(csrf()).param("scope", "SERVICE:999999"))
        .andExpect(status().isBadRequest());
    Long id = jdbc.queryForObject("select id from subscription where user_id = 'fiona'", Long.class);
    mvc.perform(post("/staff/subscriptions/" + id + "/delete").with(user("iain")).with(csrf()));
    assertThat(jdbc.queryForObject("select count(*) from subscription where user_id = 'fiona'", Integer.class))
        .as("only the owner can remove it").isEqualTo(1);
    mvc.perform(post("/staff/subscriptions/" + id + "/delete").with(user("fiona")).with(csrf()));
    assertThat(jdbc.queryForObject("select count(*) from subscription where user_id = 'fiona'", Integer.class)).isZero();
  }

  private String publish(String title, String criticality) {
    SubmittedStory submitted = testStories.submit(title);
    ProcessInstance story = driver.instance(submitted.reference());
    driver.runSavePoints(story);
    driver.submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "approve", "criticality", criticality));
    return submitted.reference();
  }

  private long alerts(String user) {
    return jdbc.queryForObject("select count(*) from outbox_message where template = 'story-alert' and recipient = ?",
        Long.class, user + "@demo.carevoice.local");
  }

  private long digests() {
    return jdbc.queryForObject("select count(*) from outbox_message where template = 'daily-digest'", Long.class);
  }
}
