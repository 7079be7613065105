package org.carevoice.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.CarevoiceTest;
import org.carevoice.TextInTables;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.StoryService;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Withdrawal, walked the way people use the site: a story is published, answered (the response
 * quotes the author's name and plans a change), replied to, celebrated, reported as changed, and
 * listed in a daily digest that went out; then the author withdraws it on the private page. After
 * that, no row of any table, ours or the engine's, holds the story's title, text, the author's name
 * or email, or what staff wrote quoting them; the digest keeps the other story it listed.
 */
@CarevoiceTest
class WithdrawalErasureTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3125, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final String TITLE = "Canary-Title-7391 on the ward";
  private static final String TEXT = "Canary-Text-2284. " + TestStories.BODY;
  private static final String NAME = "Canary-Name-5117";
  private static final String EMAIL = "canary.author.6630@example.org";
  private static final String RESPONSE = "Dear " + NAME + ", thank you for telling us. Canary-Response-9046.";
  private static final String CHANGE_PLANNED = "Canary-Planned-1730: " + NAME + " will see hourly updates.";
  private static final String CHANGE_MADE = "Canary-Made-4402: the room " + NAME + " asked for is open.";
  private static final String REPLY = "Canary-Reply-3310. Thank you, from " + NAME + ".";
  private static final List<String> CANARIES = List.of("Canary-Title-7391", "Canary-Text-2284", NAME, EMAIL,
      "Canary-Response-9046", "Canary-Planned-1730", "Canary-Made-4402", "Canary-Reply-3310");

  @Autowired StoryService stories;
  @Autowired SubscriptionService subscriptions;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  @AfterEach
  void clean() {
    jdbc.update("delete from subscription where user_id in ('fiona', 'graham')");
  }

  @Test
  void withdrawal_afterTheDigestWentOut_leavesNoTraceAnywhere_andTheDigestKeepsTheOtherStory() throws Exception {
    subscriptions.sendDigests();
    Long nhs = jdbc.queryForObject("select id from organisation where slug = 'nhs-lanarkshire'", Long.class);
    // fiona's digest lists both stories; graham's (criticality 3 and up) only the one to be withdrawn.
    subscriptions.subscribe("fiona", Subscription.Scope.ORGANISATION, nhs, 0, Subscription.Delivery.DIGEST);
    subscriptions.subscribe("graham", Subscription.Scope.ORGANISATION, nhs, 3, Subscription.Delivery.DIGEST);

    SubmittedStory withdrawn = submit(TITLE, TEXT, NAME, EMAIL);
    ProcessInstance story = publish(withdrawn, "3", "hairmyres-emergency-department", "care-at-home-south-lanarkshire");
    SubmittedStory kept = submit("Keep-Title-8820 in the digest", TestStories.BODY, "Another author", null);
    publish(kept, "1", "hairmyres-emergency-department");

    Long responseId = answer(story, "hairmyres-emergency-department");
    mvc.perform(post("/my-story/" + withdrawn.trackingToken() + "/responses/" + responseId + "/reply").with(csrf())
        .param("reply", REPLY)).andExpect(status().is3xxRedirection());
    ProcessInstance reply = runningCase(AuthorReplyLifecycle.PROCESS_KEY, withdrawn.reference()).get(0);
    driver.runSavePoints(reply);
    driver.submit(reply, AuthorReplyLifecycle.Elements.USER_TASK_MODERATE_REPLY, "iain", Map.of("replyDecision", "approve"));
    mvc.perform(post("/staff/stories/" + withdrawn.reference() + "/changes").with(user("craig")).with(csrf())
        .param("response", responseId.toString()).param("kind", "made").param("description", CHANGE_MADE))
        .andExpect(status().is3xxRedirection());
    driver.runSavePoints(runningCase(ResponseChangeLifecycle.PROCESS_KEY, withdrawn.reference()).get(0));
    mvc.perform(post("/staff/stories/" + withdrawn.reference() + "/recognise").with(user("craig")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(post("/staff/stories/" + withdrawn.reference() + "/share").with(user("craig")).with(csrf())
        .param("group", "responders-care-at-home")).andExpect(status().is3xxRedirection());

    assertThat(subscriptions.sendDigests()).isEqualTo(2);
    Long fionas = digestTo("fiona");
    Long grahams = digestTo("graham");
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(statusOf(fionas)));
    assertThat(textOf(fionas)).contains(withdrawn.reference(), "Canary-Title-7391", kept.reference(), "Keep-Title-8820");
    mvc.perform(get("/services/hairmyres-emergency-department")).andExpect(content().string(containsString("Canary-Planned-1730")));
    // The sweep below does see every place the story had reached.
    assertThat(tablesHoldingCanaries()).contains("STORY", "RESPONSE", "AUTHOR_REPLY", "DIGEST_ITEM", "OUTBOX_MESSAGE",
        "ACT_RU_VARIABLE");

    mvc.perform(post("/my-story/" + withdrawn.trackingToken() + "/withdraw").with(csrf()))
        .andExpect(status().is3xxRedirection());
    driver.runSavePoints(story);

    assertThat(findCanaries()).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(withdrawn.reference()).count())
        .as("no case of the story still runs").isZero();
    assertThat(statusOf(fionas)).as("the digest that went out is kept, rewritten").isEqualTo("SENT");
    assertThat(textOf(fionas)).contains(kept.reference(), "Keep-Title-8820").doesNotContain(withdrawn.reference());
    assertThat(jdbc.queryForObject("select subject from outbox_message where id = ?", String.class, fionas))
        .isEqualTo("1 new story on Carevoice");
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where id = ?", Integer.class, grahams))
        .as("a digest of nothing but the withdrawn story is erased").isZero();
    assertThat(jdbc.queryForList("select story_reference from digest_item where user_id = 'fiona' and outbox_message_id = ?",
        String.class, fionas)).containsExactly(kept.reference());
    assertThat(jdbc.queryForObject("select count(*) from digest_item where story_reference = ?", Integer.class,
        withdrawn.reference())).isZero();
    mvc.perform(get("/services/hairmyres-emergency-department"))
        .andExpect(content().string(not(containsString("Canary-Planned-1730"))));
    mvc.perform(get("/stories/" + withdrawn.reference())).andExpect(status().isNotFound());
    // What stays for the record: the reference, that it was withdrawn, which services answered and when.
    assertThat(jdbc.queryForMap("select status, submitted_at, published_at, ended_at from story where reference = ?",
        withdrawn.reference())).containsEntry("STATUS", "WITHDRAWN").doesNotContainValue(null);
    assertThat(jdbc.queryForMap("select status, body, created_at, published_at from response where id = ?", responseId))
        .containsEntry("STATUS", "WITHDRAWN").containsEntry("BODY", "").doesNotContainValue(null);
  }

  @Test
  void digestSentBeforeItsItemsWereLinked_hasTheStorysLineRedacted() throws Exception {
    subscriptions.sendDigests();
    Long nhs = jdbc.queryForObject("select id from organisation where slug = 'nhs-lanarkshire'", Long.class);
    subscriptions.subscribe("fiona", Subscription.Scope.ORGANISATION, nhs, 0, Subscription.Delivery.DIGEST);
    String title = "Mum's care & Canary-Legacy-6071";
    SubmittedStory withdrawn = submit(title, TestStories.BODY, TestStories.PSEUDONYM, TestStories.EMAIL);
    publish(withdrawn, "2", "hairmyres-emergency-department");
    SubmittedStory kept = submit("Keep-Legacy-4419 in the digest", TestStories.BODY, "Another author", null);
    publish(kept, "2", "hairmyres-emergency-department");
    subscriptions.sendDigests();
    Long digest = digestTo("fiona");
    // As a digest sent before V9 stands: its items do not know their email.
    jdbc.update("update digest_item set outbox_message_id = null where outbox_message_id = ?", digest);
    assertThat(jdbc.queryForObject("select html_body from outbox_message where id = ?", String.class, digest))
        .contains("Mum&#39;s care &amp; Canary-Legacy-6071");

    stories.withdraw(withdrawn.trackingToken());

    Map<String, Object> email = jdbc.queryForMap("select text_body, html_body from outbox_message where id = ?", digest);
    assertThat(email.values()).allSatisfy(body -> assertThat((String) body).doesNotContain("Canary-Legacy-6071")
        .doesNotContain(withdrawn.reference() + ": ").contains("[withdrawn]",
            kept.reference() + ": Keep-Legacy-4419 in the digest"));
  }

  // --- steps --------------------------------------------------------------------------------

  private SubmittedStory submit(String title, String text, String name, String email) {
    List<Long> ed = List.of(testStories.serviceId("hairmyres-emergency-department"));
    return stories.submit(new NewStory(title, text, name, email, Relationship.PATIENT, LocalDate.now().withDayOfMonth(1),
        ed, Channel.WEB));
  }

  /** Moderates the story as approved, about the given services. */
  private ProcessInstance publish(SubmittedStory submitted, String criticality, String... serviceSlugs) {
    ProcessInstance story = driver.instance(submitted.reference());
    driver.runSavePoints(story);
    driver.approve(story, criticality, java.util.Arrays.stream(serviceSlugs).map(testStories::serviceId).toList());
    return story;
  }

  /** One service answers, quoting the author and planning a change; a moderator approves. The other stays open. */
  private Long answer(ProcessInstance story, String serviceSlug) {
    Long serviceId = testStories.serviceId(serviceSlug);
    ProcessInstance service = driver.serviceCases(story).stream()
        .filter(c -> serviceId.equals(runtime.getVariable(c.getId(), ServiceResponse.Vars.SERVICE_ID.name())))
        .findFirst().orElseThrow();
    Map<String, Object> response = new HashMap<>();
    response.put("privateResponse", RESPONSE);
    response.put("privateResponderName", "Craig Wilson");
    response.put("privateResponderRole", "Charge Nurse");
    response.put("change", "planned");
    response.put("privateChangeDescription", CHANGE_PLANNED);
    driver.submit(service, ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY, "craig", response);
    driver.submit(service, ServiceResponse.Elements.USER_TASK_MODERATE_RESPONSE, "morag", Map.of("responseDecision", "approve"));
    return jdbc.queryForObject("select id from response where story_id = (select id from story where reference = ?)"
        + " and status = 'PUBLISHED'", Long.class, story.getBusinessKey());
  }

  private List<ProcessInstance> runningCase(String processKey, String reference) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(reference)
        .list();
  }

  private Long digestTo(String user) {
    return jdbc.queryForObject("select max(id) from outbox_message where template = 'daily-digest' and recipient = ?",
        Long.class, user + "@demo.carevoice.local");
  }

  private String statusOf(Long message) {
    return jdbc.queryForObject("select status from outbox_message where id = ?", String.class, message);
  }

  private String textOf(Long message) {
    return jdbc.queryForObject("select text_body || html_body from outbox_message where id = ?", String.class, message);
  }

  // --- the sweep ----------------------------------------------------------------------------

  private java.util.Set<String> tablesHoldingCanaries() {
    return new TreeSet<>(findCanaries().stream().map(found -> found.substring(0, found.indexOf('.'))).toList());
  }

  /** "TABLE.COLUMN contains CANARY" for every column of every table, ours and the engine's. */
  private List<String> findCanaries() {
    List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
        + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name", String.class);
    assertThat(tables).contains("STORY", "RESPONSE", "OUTBOX_MESSAGE", "ACT_RU_VARIABLE", "ACT_HI_VARINST");
    Map<String, String> queries = new LinkedHashMap<>();
    tables.forEach(table -> queries.put(table, "select * from \"" + table + "\""));
    return TextInTables.find(jdbc, queries, CANARIES);
  }
}
