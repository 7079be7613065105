package org.carevoice.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.CarevoiceTest;
import org.carevoice.organisation.OrganisationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The public pages: validation with clear messages, and nothing public before publication. */
@CarevoiceTest
class StoryPagesTest {

  @Autowired MockMvc mvc;
  @Autowired OrganisationService organisation;
  @Autowired CaseDriver driver;
  @Autowired TestStories testStories;

  @Test
  void homePage_ownsTheRootAndLinksToTheForm() throws Exception {
    mvc.perform(get("/")).andExpect(status().isOk())
        .andExpect(content().string(containsString("Tell your story")))
        .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
  }

  @Test
  void stepWithoutCsrfToken_isForbidden() throws Exception {
    mvc.perform(post("/tell-your-story/service").param("serviceId", serviceId().toString()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/tell-your-story/check-answers").param("consent", "true")).andExpect(status().isForbidden());
  }

  @Test
  void story_isNeverPublicBeforePublication() throws Exception {
    String title = "Never public before publication <script>alert(1)</script>";
    MvcResult result = new TellStoryWalk(mvc).tell(answers(Map.of("title", title)));
    assertThat((Map<String, Object>) result.getFlashMap()).containsKeys("reference", "trackingUrl");
    String reference = (String) result.getFlashMap().get("reference");
    String trackingUrl = (String) result.getFlashMap().get("trackingUrl");
    assertThat(reference).matches("CV-\\d{4}-\\d{6}");

    mvc.perform(get("/tell-your-story/thank-you").flashAttrs(result.getFlashMap()))
        .andExpect(status().isOk()).andExpect(content().string(containsString(reference)));
    mvc.perform(get("/stories/" + reference)).andExpect(status().isNotFound());
    mvc.perform(get("/stories")).andExpect(content().string(not(containsString("Never public before"))));
    String trackingPath = trackingUrl.substring(trackingUrl.indexOf("/my-story/"));
    mvc.perform(get(trackingPath)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Waiting for a moderator")));

    approve(reference);

    mvc.perform(get("/stories/" + reference)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Never public before publication &lt;script&gt;")))
        .andExpect(content().string(not(containsString("<script>alert(1)"))));
    mvc.perform(get("/stories")).andExpect(content().string(containsString(reference)));
    mvc.perform(get(trackingPath)).andExpect(content().string(containsString("Published")));
  }

  @Test
  void privatePage_letsTheAuthorEditWhenAsked_withValidation() throws Exception {
    SubmittedStory submitted = testStories.submit("Asked to edit");
    ProcessInstance instance = driver.instance(submitted.reference());
    driver.runSavePoints(instance);
    String before = "/my-story/" + submitted.trackingToken();
    mvc.perform(post(before + "/edit").with(csrf()).param("title", "x").param("body", TestStories.BODY))
        .andExpect(status().isConflict()).andExpect(content().string(containsString("no longer waiting for changes")));

    driver.submit(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "requestChanges", "criticality", "1", "privateMessageToAuthor", "Say which ward, please."));
    String page = "/my-story/" + driver.tokenFromEmail(submitted.reference(), "story-changes-requested");
    mvc.perform(get(before)).andExpect(status().isNotFound());
    mvc.perform(get(page)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Say which ward, please.")))
        .andExpect(content().string(containsString("Send my changed story")));

    mvc.perform(post(page + "/edit").with(csrf()).param("title", "").param("body", "too short"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Enter a title for your story")))
        .andExpect(content().string(containsString("between 50 and 20,000 characters")));
    mvc.perform(post(page + "/edit").with(csrf()).param("title", "Edited title").param("body", TestStories.BODY + " Ward 7."))
        .andExpect(redirectedUrl(page)).andExpect(flash().attribute("edited", true));

    driver.runSavePoints(instance);
    assertThat(driver.task(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY)).isNotNull();
    mvc.perform(get(page)).andExpect(content().string(containsString("Waiting for a moderator")));
  }

  @Test
  void privatePage_withdrawsAfterConfirmation() throws Exception {
    SubmittedStory submitted = testStories.submit("To be withdrawn");
    driver.runSavePoints(driver.instance(submitted.reference()));
    String page = "/my-story/" + submitted.trackingToken();

    mvc.perform(get(page + "/withdraw")).andExpect(status().isOk())
        .andExpect(content().string(containsString("Are you sure you want to withdraw your story?")));
    mvc.perform(post(page + "/withdraw")).andExpect(status().isForbidden());
    mvc.perform(post(page + "/withdraw").with(csrf())).andExpect(redirectedUrl(page));

    mvc.perform(get(page)).andExpect(status().isOk())
        .andExpect(content().string(containsString("We have removed it from Carevoice")))
        .andExpect(content().string(not(containsString(TestStories.BODY.substring(0, 30)))));
    assertThat(driver.status(submitted.reference())).isEqualTo("WITHDRAWN");
  }

  @Test
  void filledHoneypot_isAcceptedButFlaggedAsSpam() throws Exception {
    MvcResult result = new TellStoryWalk(mvc).answerAll(answers(Map.of())).send(Map.of("website", "http://spam.example"))
        .andExpect(redirectedUrl("/tell-your-story/thank-you")).andReturn();
    String reference = (String) result.getFlashMap().get("reference");
    driver.runSavePoints(driver.instance(reference));
    assertThat(driver.formVariables(driver.instance(reference), StoryLifecycle.Elements.USER_TASK_MODERATE_STORY)
        .get("displaySignals").toString()).contains("hidden form field filled in");
  }

  @Test
  void badPagesAndLinks_getFriendlyErrors() throws Exception {
    mvc.perform(get("/stories").param("page", "abc")).andExpect(status().isBadRequest());
    mvc.perform(get("/stories").param("page", "0")).andExpect(status().isBadRequest());
    mvc.perform(get("/stories").param("page", "9999")).andExpect(status().isNotFound());
    mvc.perform(get("/stories/CV-1900-000001")).andExpect(status().isNotFound());
    mvc.perform(get("/my-story/not-a-token")).andExpect(status().isNotFound());
    mvc.perform(get("/my-story/" + "A".repeat(43))).andExpect(status().isNotFound());
    mvc.perform(get("/tell-your-story/thank-you")).andExpect(redirectedUrl("/tell-your-story"));
  }

  @Test
  void storyList_isPaginatedNewestFirst() throws Exception {
    mvc.perform(get("/stories")).andExpect(status().isOk())
        .andExpect(content().string(containsString("page 1 of")))
        .andExpect(content().string(containsString("rel=\"next\"")));
    mvc.perform(get("/stories").param("page", "2")).andExpect(status().isOk())
        .andExpect(content().string(containsString("rel=\"prev\"")));
  }

  private void approve(String reference) {
    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    driver.submit(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "approve", "criticality", "2"));
  }

  private Long serviceId() {
    return organisation.allServices().get(0).getId();
  }

  /** Valid answers to every step, with some replaced. */
  private Map<String, String> answers(Map<String, String> replaced) {
    Map<String, String> fields = new LinkedHashMap<>(TellStoryWalk.validAnswers(serviceId()));
    fields.putAll(replaced);
    return fields;
  }
}
