package org.carevoice.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * /staff/stories/new: a member of staff enters a story taken by phone or on paper through the steps
 * of "Tell your story", signed in as on the staff pages (a real sign-in, so the user's Camunda
 * groups decide). Who may, each step's checks in staff's words, the channel and who entered it on
 * the story, the optional email address, the private link shown once, and what the moderator sees.
 */
@CarevoiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffStoryEntryTest {

  static final String BASE = TellStoryWalk.STAFF_BASE;
  static final String NOBODY = "entry-test-nobody";

  @Autowired MockMvc mvc;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  @BeforeAll
  void aUserInNoStaffGroup() {
    TestStories.ensureUserInNoGroup(identity, NOBODY);
  }

  // --- who may ------------------------------------------------------------------------------

  @Test
  void nobodySignedIn_isSentToSignIn() throws Exception {
    mvc.perform(get(BASE)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get(BASE + "/service")).andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(post(BASE).with(csrf()).param("channel", "PHONE")).andExpect(redirectedUrlPattern("**/login"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"craig", "graham", "morag", "fiona", "shona"})
  void responderManagerModeratorLeadAndSafeguarding_mayEnterAStory(String user) throws Exception {
    MockHttpSession session = signIn(user);
    mvc.perform(get(BASE).session(session)).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Enter a story taken by phone or on paper"),
            containsString("How was the story given to you?"), containsString("By phone"),
            containsString("On paper, in a form or a letter"), containsString("href=\"/staff\""))));
  }

  @Test
  void aUserInNoStaffGroup_gets403WithAPlainPage_onEveryStep() throws Exception {
    MockHttpSession session = signIn(NOBODY);
    mvc.perform(get(BASE).session(session)).andExpect(status().isForbidden())
        .andExpect(content().string(allOf(containsString("You cannot enter stories for their authors"),
            containsString("Tell your own story"))))
        .andExpect(content().string(not(containsString("How was the story given to you?"))));
    mvc.perform(post(BASE).session(session).with(csrf()).param("channel", "PHONE")).andExpect(status().isForbidden());
    for (String step : TellStoryWalk.STEPS.keySet()) {
      mvc.perform(get(BASE + "/" + step).session(session)).andExpect(status().isForbidden());
      mvc.perform(post(BASE + "/" + step).session(session).with(csrf())).andExpect(status().isForbidden());
    }
    mvc.perform(post(BASE + "/check-answers").session(session).with(csrf()).param("consent", "true"))
        .andExpect(status().isForbidden());
    assertThat(jdbc.queryForObject("select count(*) from story where entered_by = ?", Long.class, NOBODY)).isZero();
  }

  @Test
  void everyStep_needsTheCsrfToken() throws Exception {
    MockHttpSession session = signIn("craig");
    mvc.perform(post(BASE).session(session).param("channel", "PHONE")).andExpect(status().isForbidden());
    TellStoryWalk walk = TellStoryWalk.staff(mvc, session);
    walk.post("", Map.of("channel", "PHONE")).andExpect(redirectedUrl(BASE + "/service"));
    for (String step : TellStoryWalk.STEPS.keySet()) {
      mvc.perform(post(BASE + "/" + step).session(session).param("serviceId", "1")).andExpect(status().isForbidden());
    }
    mvc.perform(post(BASE + "/check-answers").session(session).param("consent", "true"))
        .andExpect(status().isForbidden());
  }

  // --- the steps ----------------------------------------------------------------------------

  @Test
  void howTaken_isRequired_andOnlyPhoneOrPaper() throws Exception {
    TellStoryWalk walk = TellStoryWalk.staff(mvc, signIn("craig"));
    for (Map<String, String> wrong : java.util.List.of(Map.<String, String>of(), Map.of("channel", "WEB"),
        Map.of("channel", "DEMO"), Map.of("channel", "carrier-pigeon"))) {
      walk.post("", wrong).andExpect(status().isBadRequest())
          .andExpect(content().string(allOf(containsString("<title>Error: How was the story given to you?"),
              containsString("There is a problem"), containsString("href=\"#channel\""),
              containsString("id=\"channel-error\""), containsString("Choose how the story was taken: by phone or on paper"))));
    }
    // Later steps wait for the first answer.
    walk.get(BASE + "/service").andExpect(redirectedUrl(BASE));
    walk.get(BASE + "/check-answers").andExpect(redirectedUrl(BASE));
    walk.post("", Map.of("channel", "PAPER")).andExpect(redirectedUrl(BASE + "/service"));
    walk.get(BASE).andExpect(status().isOk()).andExpect(content().string(containsString("checked=\"checked\"")));
  }

  @Test
  void eachStep_refusesBadAnswers_inWordsAboutTheAuthor_andTheEmailIsOptional() throws Exception {
    TellStoryWalk walk = TellStoryWalk.staff(mvc, signIn("morag"));
    Map<String, String> answers = answers(Map.of());
    walk.post("", Map.of("channel", "PHONE"));

    walk.post("service", Map.of()).andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("Error: Which service is the story about? - Enter a story"),
            containsString("Choose the service the story is about"), containsString("Enter a story taken by phone or on paper"))));
    walk.post("service", Map.of("serviceId", "999999")).andExpect(status().isBadRequest());
    walk.answer("service", answers).andExpect(redirectedUrl(BASE + "/who-and-when"));

    walk.post("who-and-when", Map.of("relationship", "ALIEN", "happenedMonth", "13", "happenedYear", "20x5"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("Who is the author in this story?"),
            containsString("Choose who the author is in this story"), containsString("Enter the month it happened"))));
    walk.answer("who-and-when", answers).andExpect(redirectedUrl(BASE + "/what-happened"));

    walk.post("what-happened", Map.of("body", "Too short.", "title", "")).andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("Enter a title for the story"),
            containsString("The story must be between 50 and 20,000 characters"),
            containsString("in the author&#39;s words"))));
    walk.post("what-happened", Map.of("body", "word ".repeat(1_001), "title", "Long")).andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("The story must be 1,000 words or fewer")));
    walk.answer("what-happened", answers).andExpect(redirectedUrl(BASE + "/what-stood-out"));

    walk.post("what-stood-out", Map.of("tags", "good:free-parking-forever")).andExpect(status().isBadRequest());
    walk.answer("what-stood-out", answers).andExpect(redirectedUrl(BASE + "/name-and-email"));

    walk.get(BASE + "/name-and-email").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("The author&#39;s email address (optional)"),
            containsString("autocomplete=\"off\""))));
    walk.post("name-and-email", Map.of("pseudonym", "", "email", "nope")).andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("Enter a name to show with the story"),
            containsString("Enter the email address of the author in the correct format"))));
    walk.post("name-and-email", Map.of("pseudonym", "Caller", "email", "name@localhost")).andExpect(status().isBadRequest());
    // No email address: fine for staff.
    walk.post("name-and-email", Map.of("pseudonym", "Caller from Blantyre", "email", "  "))
        .andExpect(redirectedUrl(BASE + "/check-answers"));

    String check = walk.get(BASE + "/check-answers").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Check the answers before sending the story"),
            containsString("How it was taken"), containsString("By phone"), containsString("Who the author is"),
            containsString("Not given: the author will get no emails"), containsString("Caller from Blantyre"),
            containsString("The author agreed that Carevoice may publish their story"), containsString("Send the story"),
            containsString("href=\"/staff/stories/new?change=true\""),
            containsString("href=\"/staff/stories/new/service?change=true\""))))
        .andReturn().getResponse().getContentAsString();
    // No hidden field for robots on a signed-in page; every message found.
    assertThat(check).doesNotContain("id=\"website\"").doesNotContain("??");

    walk.post("check-answers", Map.of()).andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("href=\"#consent\""),
            containsString("Tick the box to confirm that the author agreed to their story being published"))));
  }

  @Test
  void aChangeFromCheckAnswers_returnsThere_andTheChannelCanBeChanged() throws Exception {
    TellStoryWalk walk = TellStoryWalk.staff(mvc, signIn("graham"));
    walk.post("", Map.of("channel", "PHONE"));
    walk.answerAll(answers(Map.of()));
    walk.get(BASE + "?change=true").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("name=\"change\" value=\"true\""),
            containsString("class=\"nhsuk-back-link\" href=\"/staff/stories/new/check-answers\""))));
    walk.post("", Map.of("channel", "PAPER", "change", "true")).andExpect(redirectedUrl(BASE + "/check-answers"));
    walk.get(BASE + "/check-answers").andExpect(content().string(containsString("On paper, in a form or a letter")));
  }

  // --- sending ------------------------------------------------------------------------------

  @Test
  void paperStoryWithoutEmail_isRecorded_theLinkIsShownOnce_andTheModeratorSeesHowItCame() throws Exception {
    TellStoryWalk walk = TellStoryWalk.staff(mvc, signIn("craig"));
    walk.post("", Map.of("channel", "PAPER"));
    MvcResult sent = walk.tell(answers(Map.of("email", "")));
    String reference = (String) sent.getFlashMap().get("reference");
    String trackingUrl = (String) sent.getFlashMap().get("trackingUrl");
    assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(BASE + "/entered");

    Map<String, Object> row = jdbc.queryForMap(
        "select channel, entered_by, author_email, status from story where reference = ?", reference);
    assertThat(row.get("CHANNEL")).isEqualTo("PAPER");
    assertThat(row.get("ENTERED_BY")).isEqualTo("craig");
    assertThat(row.get("AUTHOR_EMAIL")).isNull();
    assertThat(row.get("STATUS")).isEqualTo("SUBMITTED");
    assertThat(driver.templatesAbout(reference)).isEmpty();

    // Shown once: the reference and link wait in the session for the next page, never in its address.
    walk.get(BASE + "/entered").andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", containsString("no-store")))
        .andExpect(content().string(allOf(containsString("Story entered"), containsString(reference),
            containsString(trackingUrl), containsString("The author gave no email address"),
            containsString("Enter another story"))));
    walk.get(BASE + "/entered").andExpect(redirectedUrl(BASE));
    // The draft is gone: a new story starts from the first question.
    walk.get(BASE + "/check-answers").andExpect(redirectedUrl(BASE));
    mvc.perform(get(trackingUrl.replaceFirst("https?://[^/]+", ""))).andExpect(status().isOk());

    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    Task moderation = driver.task(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY);
    assertThat(tasks.getVariableLocal(moderation.getId(), "cardChannel")).isEqualTo("Written on paper, entered by staff");
    assertThat(driver.formVariables(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY))
        .containsEntry("cardChannel", "Written on paper, entered by staff");
    // Shown read-only: a client may not write it through the task, and a submitted value is dropped.
    assertThatThrownBy(() -> tasks.setVariableLocal(moderation.getId(), "cardChannel", "Told on the website"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("cardChannel");
    driver.submit(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "approve", "criticality", "1", "cardChannel", "Told on the website"));
    assertThat(driver.status(reference)).isEqualTo("PUBLISHED");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("cardChannel").list()).extracting(v -> v.getValue())
        .containsOnly("Written on paper, entered by staff");
    // The author gave no address: nothing is sent to them, the services are alerted.
    assertThat(driver.templatesAbout(reference)).doesNotContain("story-received", "story-published");
  }

  @Test
  void phoneStoryWithEmail_emailsTheAuthor_andTheCardSaysPhone() throws Exception {
    TellStoryWalk walk = TellStoryWalk.staff(mvc, signIn("shona"));
    walk.post("", Map.of("channel", "PHONE"));
    MvcResult sent = walk.tell(answers(Map.of("email", "phone.caller.5521@example.org")));
    String reference = (String) sent.getFlashMap().get("reference");

    assertThat(jdbc.queryForMap("select channel, entered_by, author_email from story where reference = ?", reference))
        .containsEntry("CHANNEL", "PHONE").containsEntry("ENTERED_BY", "shona")
        .containsEntry("AUTHOR_EMAIL", "phone.caller.5521@example.org");
    assertThat(driver.templatesAbout(reference)).containsExactly("story-received");
    mvc.perform(get(BASE + "/entered").session(walk.session()).flashAttrs(sent.getFlashMap()))
        .andExpect(content().string(containsString("We have emailed the link to the author too")));

    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    Task moderation = driver.task(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY);
    assertThat(tasks.getVariableLocal(moderation.getId(), "cardChannel")).isEqualTo("Taken by phone, entered by staff");
  }

  @Test
  void aSafeguardingConcernTakenByPhone_showsTheLeadWhoEnteredIt() throws Exception {
    TellStoryWalk walk = TellStoryWalk.staff(mvc, signIn("graham"));
    walk.post("", Map.of("channel", "PHONE"));
    String body = "My mum is not safe at home. Her carer hits my mum when nobody is there and she is frightened of him.";
    String reference = (String) walk.tell(answers(Map.of("body", body, "email", ""))).getFlashMap().get("reference");
    driver.runSavePoints(driver.instance(reference));

    mvc.perform(get("/staff/safeguarding/" + reference).session(signIn("shona"))).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Entered by (staff user)"),
            containsString("id=\"entered-by\">graham<"),
            containsString("The story was taken by phone by a member of staff"))));
  }

  @Test
  void aStoryFromTheWebsite_hasNoChannelOnItsCard() throws Exception {
    String reference = testStories.submit("Told on the website").reference();
    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    Task moderation = driver.task(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY);
    assertThat(tasks.getVariablesLocal(moderation.getId())).doesNotContainKey("cardChannel")
        .containsKey("cardReference");
    assertThat(jdbc.queryForObject("select entered_by from story where reference = ?", String.class, reference)).isNull();
  }

  @Test
  void theStaffDraft_andThePublicDraft_inOneBrowser_doNotMix() throws Exception {
    MockHttpSession session = signIn("morag");
    TellStoryWalk staff = TellStoryWalk.staff(mvc, session);
    staff.post("", Map.of("channel", "PHONE"));
    staff.answer("service", answers(Map.of("serviceId", testStories.serviceId("wishaw-maternity").toString())));

    // The same browser tells a story of its own: it starts afresh.
    mvc.perform(get(TellStoryWalk.BASE + "/who-and-when").session(session))
        .andExpect(redirectedUrl(TellStoryWalk.BASE + "/service"));
    mvc.perform(post(TellStoryWalk.BASE + "/service").session(session).with(csrf())
        .param("serviceId", testStories.serviceId("hairmyres-ward-15").toString()))
        .andExpect(redirectedUrl(TellStoryWalk.BASE + "/who-and-when"));

    // The staff draft kept its own service, and the public one has no channel question.
    staff.get(BASE + "/service").andExpect(content().string(checked(testStories.serviceId("wishaw-maternity"))));
    mvc.perform(get(TellStoryWalk.BASE + "/service").session(session))
        .andExpect(content().string(checked(testStories.serviceId("hairmyres-ward-15"))));
    mvc.perform(get(TellStoryWalk.BASE + "/how-taken").session(session)).andExpect(status().isNotFound());
  }

  /** The service's radio button is the one checked. */
  private static org.hamcrest.Matcher<String> checked(Long serviceId) {
    return org.hamcrest.Matchers.matchesPattern("(?s).*value=\"" + serviceId + "\"\\s+id=\"[^\"]+\"\\s+checked=\"checked\".*");
  }

  private MockHttpSession signIn(String user) throws Exception {
    MvcResult result = mvc.perform(formLogin("/login").user(user).password("demo"))
        .andExpect(status().is3xxRedirection()).andReturn();
    assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
    return (MockHttpSession) result.getRequest().getSession(false);
  }

  private Map<String, String> answers(Map<String, String> replaced) {
    Map<String, String> fields = new LinkedHashMap<>(
        TellStoryWalk.validAnswers(testStories.serviceId("hairmyres-emergency-department")));
    fields.put("pseudonym", "Caller from Blantyre");
    fields.putAll(replaced);
    return fields;
  }
}
