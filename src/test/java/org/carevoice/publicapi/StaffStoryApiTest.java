package org.carevoice.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.CarevoiceTest;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** POST /api/v1/stories: staff enter stories taken by phone or on paper. */
@CarevoiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffStoryApiTest {

  static final String NOBODY = "api-test-nobody";
  static final String NOBODY_PASSWORD = "not-staff-7731";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper objectMapper;
  @Autowired IdentityService identity;
  @Autowired CaseDriver driver;
  @Autowired TestStories testStories;
  @Autowired JdbcTemplate jdbc;

  final String marker = "zs" + new Random().ints(8, 'a', 'z' + 1)
      .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

  @BeforeAll
  void aUserInNoStaffGroup() {
    if (identity.createUserQuery().userId(NOBODY).count() == 0) {
      User user = identity.newUser(NOBODY);
      user.setFirstName("Technical");
      user.setLastName("Account");
      user.setPassword(NOBODY_PASSWORD);
      identity.saveUser(user);
    }
  }

  // --- who may ------------------------------------------------------------------------------

  @Test
  void withoutOrWithWrongCredentials_is401() throws Exception {
    mvc.perform(submit(story())).andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
        .andExpect(jsonPath("$.detail", containsString("Sign in with a Carevoice staff user")));
    // A user who does not exist: a wrong password for a real one would lock it for a while (Camunda's
    // login delay) and fail the next test that signs in as that user.
    mvc.perform(submit(story()).with(httpBasic("api-test-no-such-user", "wrong"))).andExpect(status().isUnauthorized());
  }

  @Test
  void aUserInNoStaffGroup_is403() throws Exception {
    mvc.perform(submit(story()).with(httpBasic(NOBODY, NOBODY_PASSWORD)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail", startsWith("Only staff may enter stories")));
  }

  // --- accepted -----------------------------------------------------------------------------

  @Test
  void phoneStoryWithEmail_isAcceptedWithItsChannelTagsAndServices() throws Exception {
    Map<String, Object> story = story();
    story.put("channel", "PHONE");
    story.put("email", "phone.author.4417@example.org");
    story.put("tags", List.of("good:kind-staff", "felt:reassured"));
    story.put("services", List.of("hairmyres-emergency-department", "wishaw-maternity"));
    String json = mvc.perform(submit(story).with(httpBasic("craig", "demo")))
        .andExpect(status().isCreated())
        .andExpect(header().string("Cache-Control", containsString("no-store")))
        .andExpect(jsonPath("$.reference", matchesPattern("CV-\\d{4}-\\d{6}")))
        .andExpect(jsonPath("$.channel").value("PHONE"))
        .andExpect(jsonPath("$.privateUrl", matchesPattern("https?://.+/my-story/[A-Za-z0-9_-]{43}")))
        .andReturn().getResponse().getContentAsString();
    String reference = JsonPath.read(json, "$.reference");

    Map<String, Object> row = jdbc.queryForMap("select channel, status, author_email from story where reference = ?",
        reference);
    assertThat(row.get("CHANNEL")).isEqualTo("PHONE");
    assertThat(row.get("STATUS")).isEqualTo("SUBMITTED");
    assertThat(row.get("AUTHOR_EMAIL")).isEqualTo("phone.author.4417@example.org");
    assertThat(testStories.tagsOf(reference)).containsExactlyInAnyOrder("good:kind-staff", "felt:reassured");
    assertThat(jdbc.queryForObject("select count(*) from story_service ss join story s on s.id = ss.story_id"
        + " where s.reference = ?", Long.class, reference)).isEqualTo(2);
    assertThat(driver.templatesAbout(reference)).containsExactly("story-received");
    assertThat(driver.instance(reference)).isNotNull();

    mvc.perform(get("/api/v1/stories/" + reference)).andExpect(status().isNotFound());
    String privatePath = ((String) JsonPath.read(json, "$.privateUrl")).replaceFirst("https?://[^/]+", "");
    mvc.perform(get(privatePath)).andExpect(status().isOk());
  }

  @Test
  void paperStoryWithoutEmail_goesThroughModerationWithoutEmailsAndIsPublished() throws Exception {
    Map<String, Object> story = story();
    story.put("channel", "paper");
    String json = mvc.perform(submit(story).with(httpBasic("morag", "demo")))
        .andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("PAPER"))
        .andReturn().getResponse().getContentAsString();
    String reference = JsonPath.read(json, "$.reference");
    assertThat(jdbc.queryForObject("select author_email from story where reference = ?", String.class, reference)).isNull();
    assertThat(jdbc.queryForObject("select channel from story where reference = ?", String.class, reference))
        .isEqualTo("PAPER");

    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    driver.submit(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "iain",
        Map.of("decision", "approve", "criticality", "1"));
    assertThat(driver.status(reference)).isEqualTo("PUBLISHED");
    // The service's staff are alerted; the author, who gave no address, is sent nothing.
    assertThat(driver.templatesAbout(reference)).doesNotContain("story-received", "story-published")
        .allMatch(template -> template.equals("story-alert"));
    mvc.perform(get("/api/v1/stories?q=" + marker + "&take=100")).andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].reference").value(hasItem(reference)));
    mvc.perform(get("/api/v1/stories/" + reference)).andExpect(status().isOk())
        .andExpect(jsonPath("$.pseudonym").value("Told by phone"))
        .andExpect(jsonPath("$.tags[0]").value("improve:waiting-time"));
  }

  @Test
  void storyWithoutEmail_keepsItsPrivateLinkWhenChangesAreRequested() throws Exception {
    String json = mvc.perform(submit(story()).with(httpBasic("fiona", "demo")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String reference = JsonPath.read(json, "$.reference");
    String privatePath = ((String) JsonPath.read(json, "$.privateUrl")).replaceFirst("https?://[^/]+", "");
    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    Map<String, Object> values = new HashMap<>();
    values.put("decision", "requestChanges");
    values.put("criticality", "1");
    values.put("privateMessageToAuthor", "Please say which day it was.");
    driver.submit(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag", values);
    assertThat(driver.status(reference)).isEqualTo("AWAITING_EDIT");
    assertThat(driver.templatesAbout(reference)).isEmpty();
    mvc.perform(get(privatePath)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Please say which day it was.")));
  }

  // --- refused ------------------------------------------------------------------------------

  @Test
  void missingFields_areAllNamed() throws Exception {
    mvc.perform(submitJson("{}").with(httpBasic("morag", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.detail", startsWith("The story was not accepted. title is required.")))
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("title", "text",
            "pseudonym", "relationship", "happenedIn", "services", "channel", "consent")));
  }

  @Test
  void invalidValues_areRefusedLikeTheWebForm() throws Exception {
    YearMonth next = YearMonth.now().plusMonths(1);
    expectFieldError("title", "x".repeat(151), "title must be 150 characters or fewer.");
    expectFieldError("text", "Too short.", "text must be between 50 and 20,000 characters.");
    expectFieldError("text", "word ".repeat(1_001), "text must be 1,000 words or fewer.");
    expectFieldError("pseudonym", "p".repeat(81), "pseudonym must be 80 characters or fewer.");
    expectFieldError("email", "not-an-email", "email must be an email address, like name@example.com, or left out.");
    expectFieldError("relationship", "DOG", "relationship must be one of PATIENT, SERVICE_USER, CARER,"
        + " PARENT_OR_GUARDIAN, RELATIVE, FRIEND, STAFF_MEMBER.");
    expectFieldError("happenedIn", next.toString(), "happenedIn must not be in the future.");
    expectFieldError("happenedIn", "2026-13", "happenedIn must be a month written as yyyy-MM, for example 2026-03.");
    expectFieldError("happenedIn", "March 2026", "happenedIn must be a month written as yyyy-MM, for example 2026-03.");
    expectFieldError("happenedIn", "1989-12", "happenedIn must be in 1990 or later.");
    expectFieldError("services", List.of(), "services must name at least one service by its slug");
    expectFieldError("services", List.of("hairmyres-emergency-department", "no-such-ward"),
        "services: there is no service with the slug no-such-ward.");
    expectFieldError("tags", List.of("good:kind-staff", "good:free-parking"),
        "tags: there is no tag good:free-parking");
    expectFieldError("channel", "WEB", "channel must be PHONE or PAPER.");
    expectFieldError("consent", false, "consent must be true");
  }

  @Test
  void malformedOrMistypedJson_is400WithADetail() throws Exception {
    expectJsonRefused("{\"title\": ", "The request body is not valid JSON (line 1, column");
    expectJsonRefused("not json at all", "The request body is not valid JSON");
    expectJsonRefused("{\"title\": \"A\"} trailing", "The request body is not valid JSON");
    expectJsonRefused("[]", "The request body must be one JSON object");
    expectJsonRefused("null", "The request body must be one JSON object");
    expectJsonRefused("42", "The request body must be one JSON object");
    expectJsonRefused("{\"services\": \"hairmyres-emergency-department\"}",
        "services must be a list of strings");
    expectJsonRefused("{\"title\": {\"nested\": true}}", "title must be a string.");
    expectJsonRefused("{\"consent\": \"yes\"}", "consent must be true or false.");
    expectJsonRefused("{\"tags\": [{\"code\": 1}]}", "tags must be a list of strings");
    expectJsonRefused("{\"emial\": \"a@b.org\"}", "There is no field \"emial\". The fields are: channel, consent,");
    mvc.perform(submitJson("").with(httpBasic("morag", "demo")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", startsWith("The request body is empty.")));
  }

  @Test
  void oversizedOrNonJsonBody_isRefusedWithADetail() throws Exception {
    Map<String, Object> huge = story();
    huge.put("text", "a".repeat(300 * 1024));
    mvc.perform(submit(huge).with(httpBasic("morag", "demo")))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.detail").value("The request body is larger than 256 KiB."));
    mvc.perform(post("/api/v1/stories").contentType(MediaType.TEXT_PLAIN).content("title=x")
            .with(httpBasic("morag", "demo")))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.detail", startsWith("Send the story as JSON")));
    mvc.perform(post("/api/v1/stories").with(httpBasic("morag", "demo")))
        .andExpect(status().isUnsupportedMediaType());
  }

  // --- helpers ------------------------------------------------------------------------------

  private Map<String, Object> story() {
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("title", "Seen quickly at night " + marker);
    story.put("text", TestStories.BODY + " Told to the ward clerk by phone, " + marker + ".");
    story.put("pseudonym", "Told by phone");
    story.put("relationship", "PATIENT");
    story.put("happenedIn", YearMonth.now().minusMonths(1).toString());
    story.put("services", List.of("hairmyres-emergency-department"));
    story.put("tags", List.of("improve:waiting-time"));
    story.put("channel", "PAPER");
    story.put("consent", true);
    return story;
  }

  private MockHttpServletRequestBuilder submit(Map<String, Object> story) throws Exception {
    return submitJson(objectMapper.writeValueAsString(story));
  }

  private static MockHttpServletRequestBuilder submitJson(String json) {
    return post("/api/v1/stories").contentType(MediaType.APPLICATION_JSON).content(json);
  }

  private void expectFieldError(String field, Object value, String message) throws Exception {
    Map<String, Object> story = story();
    story.put(field, value);
    ResultActions result = mvc.perform(submit(story).with(httpBasic("morag", "demo")));
    result.andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].field").value(field))
        .andExpect(jsonPath("$.errors[0].message", startsWith(message)))
        .andExpect(jsonPath("$.detail", containsString(message)));
  }

  private void expectJsonRefused(String json, String detail) throws Exception {
    mvc.perform(submitJson(json).with(httpBasic("morag", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", startsWith(detail)));
  }
}
