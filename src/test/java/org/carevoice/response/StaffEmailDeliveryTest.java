package org.carevoice.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.CarevoiceTest;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Emails of the response half, received over SMTP: staff alerts (one email per person, no story
 * text beyond the short excerpt), the daily digest (one email batching the stories), and the
 * author's "response published" email.
 */
@CarevoiceTest
class StaffEmailDeliveryTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3125, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  static final String OPENING = "The nurses in the emergency department were kind but the wait was very long. ";
  static final String HIDDEN = "Zebra-Secret-Sentence-8812 that only the full story page shows.";

  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired SubscriptionService subscriptions;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void publishedStory_reachesEachStaffMemberOnce_withAnExcerptOnly() throws Exception {
    Long ed = testStories.serviceId("hairmyres-emergency-department");
    subscriptions.subscribe("craig", Subscription.Scope.SERVICE, ed, 0, Subscription.Delivery.INSTANT);
    subscriptions.subscribe("shona", Subscription.Scope.SERVICE, ed, 0, Subscription.Delivery.INSTANT);
    String body = OPENING.repeat(4) + HIDDEN;
    SubmittedStory submitted = testStories.submit("Delivered to staff", body, TestStories.PSEUDONYM, TestStories.EMAIL);
    ProcessInstance story = driver.instance(submitted.reference());
    driver.runSavePoints(story);
    driver.submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "approve", "criticality", "4"));

    // craig (team and subscriber), graham (manager: criticality 4), shona (subscriber), and the author twice.
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> alertsTo(submitted.reference()).size() >= 3);
    List<MimeMessage> alerts = alertsTo(submitted.reference());
    assertThat(alerts).extracting(StaffEmailDeliveryTest::recipient)
        .containsExactlyInAnyOrder("craig@demo.carevoice.local", "graham@demo.carevoice.local", "shona@demo.carevoice.local");
    assertThat(alerts).filteredOn(alert -> recipient(alert).startsWith("shona@")).extracting(StaffEmailDeliveryTest::subject)
        .as("shona follows the service but is not on its team").containsExactly("A new story about a service you follow: "
            + submitted.reference());
    assertThat(alerts).filteredOn(alert -> recipient(alert).startsWith("craig@")).extracting(StaffEmailDeliveryTest::subject)
        .containsExactly("A new story about your service: " + submitted.reference());
    for (MimeMessage alert : alerts) {
      assertThat(alert.getSubject()).contains(submitted.reference()).doesNotContain("Delivered to staff");
      assertThat(GreenMailUtil.getBody(alert)).contains("The nurses in the emergency department").doesNotContain("Zebra-Secret");
    }
  }

  @Test
  void dailyDigest_andTheAuthorsResponseEmail_arriveOverSmtp() throws Exception {
    Long nhs = jdbc.queryForObject("select id from organisation where slug = 'nhs-lanarkshire'", Long.class);
    subscriptions.sendDigests();
    subscriptions.subscribe("fiona", Subscription.Scope.ORGANISATION, nhs, 0, Subscription.Delivery.DIGEST);
    SubmittedStory first = testStories.submit("Digest one", OPENING.repeat(2) + HIDDEN, TestStories.PSEUDONYM, "digest.author@example.org");
    Long responseId = Answering.answered(driver, jdbc, first);
    SubmittedStory second = testStories.submit("Digest two");
    ProcessInstance story = driver.instance(second.reference());
    driver.runSavePoints(story);
    driver.submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag", Map.of("decision", "approve", "criticality", "1"));

    subscriptions.sendDigests();

    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received("fiona@demo.carevoice.local", "new stories").size() == 1
        && received("digest.author@example.org", "A response to your story").size() == 1);
    String digest = GreenMailUtil.getBody(received("fiona@demo.carevoice.local", "new stories").get(0));
    assertThat(digest).contains(first.reference()).contains(second.reference()).doesNotContain("Zebra-Secret");
    String author = GreenMailUtil.getBody(received("digest.author@example.org", "A response to your story").get(0));
    assertThat(author).contains("/stories/" + first.reference());
    assertThat(responseId).isNotNull();
  }

  private static List<MimeMessage> received(String to, String subjectPart) throws Exception {
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return recipient(message).equals(to) && message.getSubject().contains(subjectPart);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @org.junit.jupiter.api.AfterEach
  void clean() {
    jdbc.update("delete from subscription");
  }

  private static List<MimeMessage> alertsTo(String reference) throws Exception {
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return message.getSubject().startsWith("A new story about ") && message.getSubject().endsWith(": " + reference);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
