package org.carevoice.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.CarevoiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * "Tell your story" step by step: each step's messages, the order of the steps, check your
 * answers with its change links, what is saved, and that the author's text is only ever text.
 */
@CarevoiceTest
class TellStoryFormTest {

  private static final String BASE = TellStoryWalk.BASE;

  @Autowired MockMvc mvc;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;

  @Test
  void startPage_saysItIsNotAHelpline_andStartsTheFirstStep() throws Exception {
    mvc.perform(get(BASE)).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("This is not a helpline"), containsString("call 999"),
            containsString("NHS 24 on 111"), containsString("Samaritans on 116 123"),
            containsString("Breathing Space on 0800 83 85 87"))))
        .andExpect(content().string(containsString("href=\"/tell-your-story/service\"")))
        .andExpect(content().string(containsString("Start now")));
  }

  @Test
  void eachStep_refusesMissingAnswers_withASummaryAndAMessageAtTheField() throws Exception {
    TellStoryWalk walk = new TellStoryWalk(mvc);
    Map<String, String> answers = answers(Map.of());

    walk.post("service", Map.of()).andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("<title>Error: Which service is your story about?"),
            containsString("nhsuk-error-summary"), containsString("There is a problem"),
            containsString("href=\"#serviceId\""), containsString("id=\"serviceId\""),
            containsString("id=\"serviceId-error\""), containsString("Choose the service your story is about"))));
    walk.answer("service", answers).andExpect(redirectedUrl(BASE + "/who-and-when"));

    String page = walk.post("who-and-when", Map.of()).andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("Choose who you are in this story"),
            containsString("Enter the month it happened"), containsString("href=\"#relationship\""),
            containsString("href=\"#happenedMonth\""), containsString("href=\"#happenedYear\""),
            containsString("nhsuk-input--error"))))
        .andReturn().getResponse().getContentAsString();
    // The summary lists the problems in the order of the page.
    assertThat(page.indexOf("href=\"#relationship\"")).isLessThan(page.indexOf("href=\"#happenedMonth\""));
    assertThat(page.indexOf("href=\"#happenedMonth\"")).isLessThan(page.indexOf("href=\"#happenedYear\""));
    walk.answer("who-and-when", answers).andExpect(redirectedUrl(BASE + "/what-happened"));

    walk.post("what-happened", Map.of("body", "Too short.", "title", "")).andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("Enter a title for your story"),
            containsString("between 50 and 20,000 characters"), containsString("data-maxwords=\"1000\""),
            containsString("nhsuk-character-count"), containsString("Too short."))));
    walk.answer("what-happened", answers).andExpect(redirectedUrl(BASE + "/what-stood-out"));

    // Tags are optional: continuing with none is fine.
    walk.post("what-stood-out", Map.of()).andExpect(redirectedUrl(BASE + "/name-and-email"));

    walk.post("name-and-email", Map.of("email", "nope")).andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("Enter a name to show with your story"),
            containsString("Enter an email address in the correct format"))));
    walk.answer("name-and-email", answers).andExpect(redirectedUrl(BASE + "/check-answers"));

    walk.post("check-answers", Map.of()).andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("Tick the box to agree"), containsString("href=\"#consent\""),
            containsString("A valid title"))));
  }

  @Test
  void malformedAndOversizeAnswers_get400WithAMessage_never500() throws Exception {
    TellStoryWalk walk = new TellStoryWalk(mvc);
    walk.post("service", Map.of("serviceId", "not-a-number")).andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Choose the service your story is about")));
    walk.post("service", Map.of("serviceId", "999999")).andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Choose the service your story is about")));
    walk.answer("service", answers(Map.of())).andExpect(status().is3xxRedirection());

    walk.post("who-and-when", Map.of("relationship", "ALIEN", "happenedMonth", "abc", "happenedYear", "20x5"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("Choose who you are in this story"),
            containsString("Enter the month it happened, as a number from 1 to 12"), containsString("value=\"abc\""))));
    walk.post("who-and-when", Map.of("relationship", "CARER", "happenedMonth", "13", "happenedYear", "1800"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("Enter the month it happened"),
            containsString("Enter the year it happened"))));
    walk.answer("who-and-when", answers(Map.of())).andExpect(status().is3xxRedirection());

    String twoMegabytes = "x".repeat(2 * 1024 * 1024);
    walk.post("what-happened", Map.of("body", twoMegabytes, "title", twoMegabytes)).andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("between 50 and 20,000 characters"),
            containsString("The title must be 150 characters or fewer"))));
    walk.answer("what-happened", answers(Map.of())).andExpect(status().is3xxRedirection());

    walk.post("what-stood-out", Map.of("tags", "good:kind-staff,good:free-parking-forever")).andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Choose from the options shown")));
    walk.answer("what-stood-out", answers(Map.of())).andExpect(status().is3xxRedirection());

    walk.post("name-and-email", Map.of("pseudonym", twoMegabytes, "email", twoMegabytes + "@example.org"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(allOf(containsString("The name must be 80 characters or fewer"),
            containsString("Enter an email address in the correct format"))));

    // Far beyond any real form: refused before anything reads it.
    mvc.perform(post(BASE + "/what-happened").with(csrf()).session(walk.session())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("body=" + twoMegabytes))
        .andExpect(status().isBadRequest());
    mvc.perform(get(BASE + "/service").session(walk.session()).param("q", "ward ".repeat(2_000)))
        .andExpect(status().isOk());
    mvc.perform(get(BASE + "/service").session(walk.session()).param("change", "maybe")).andExpect(status().isOk());
  }

  @Test
  void tooManyWordsOrAFutureMonth_isRefused() throws Exception {
    TellStoryWalk walk = new TellStoryWalk(mvc);
    walk.answer("service", answers(Map.of()));
    YearMonth next = YearMonth.now().plusMonths(1);
    walk.answer("who-and-when", answers(Map.of("happenedMonth", String.valueOf(next.getMonthValue()),
            "happenedYear", String.valueOf(next.getYear()))))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("The date it happened must be in the past")));
    walk.answer("who-and-when", answers(Map.of()));
    walk.answer("what-happened", answers(Map.of("body", "word ".repeat(1_001))))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Your story must be 1,000 words or fewer")));
  }

  @Test
  void aLaterStep_beforeTheEarlierOnesAreAnswered_sendsYouToTheFirstUnanswered() throws Exception {
    TellStoryWalk walk = new TellStoryWalk(mvc);
    walk.get(BASE + "/who-and-when").andExpect(redirectedUrl(BASE + "/service"));
    walk.get(BASE + "/check-answers").andExpect(redirectedUrl(BASE + "/service"));
    walk.answer("what-happened", answers(Map.of())).andExpect(redirectedUrl(BASE + "/service"));
    walk.send(Map.of()).andExpect(redirectedUrl(BASE + "/service"));

    walk.answer("service", answers(Map.of()));
    walk.get(BASE + "/name-and-email").andExpect(redirectedUrl(BASE + "/who-and-when"));
    walk.answer("who-and-when", answers(Map.of()));
    walk.answer("what-happened", answers(Map.of()));
    // The optional tags step still has to be seen once.
    walk.get(BASE + "/name-and-email").andExpect(redirectedUrl(BASE + "/what-stood-out"));
    walk.get(BASE + "/what-stood-out").andExpect(status().isOk())
        .andExpect(content().string(containsString("href=\"/tell-your-story/what-happened\"")));
    // Earlier steps stay open, with the answers given.
    walk.get(BASE + "/service").andExpect(status().isOk())
        .andExpect(content().string(containsString("checked=\"checked\"")))
        .andExpect(content().string(containsString("href=\"/tell-your-story\"")));
  }

  @Test
  void checkAnswers_showsEveryAnswer_andAChangeLinkReturnsToIt() throws Exception {
    TellStoryWalk walk = new TellStoryWalk(mvc);
    Long serviceId = testStories.serviceId("hairmyres-emergency-department");
    walk.answerAll(answers(Map.of("serviceId", serviceId.toString())));
    YearMonth last = YearMonth.now().minusMonths(1);
    String month = last.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + last.getYear();

    walk.get(BASE + "/check-answers").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("nhsuk-summary-list"),
            containsString("Emergency Department, University Hospital Hairmyres"), containsString("An unpaid carer"),
            containsString(month), containsString("A valid title"), containsString(TestStories.BODY),
            containsString("Kind staff"), containsString("Reassured"), containsString("Web tester"),
            containsString("web.tester@example.org"), containsString("id=\"website\""),
            containsString("href=\"/tell-your-story/who-and-when?change=true\""))));

    walk.get(BASE + "/who-and-when?change=true").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("name=\"change\" value=\"true\""),
            containsString("class=\"nhsuk-back-link\" href=\"/tell-your-story/check-answers\""))));
    walk.post("who-and-when", Map.of("change", "true", "relationship", "FRIEND", "happenedMonth", "1",
        "happenedYear", String.valueOf(last.getYear()))).andExpect(redirectedUrl(BASE + "/check-answers"));
    walk.post("what-stood-out", Map.of("change", "true")).andExpect(redirectedUrl(BASE + "/check-answers"));
    walk.post("service", Map.of("change", "true", "serviceId", "999999")).andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("name=\"change\" value=\"true\"")));

    walk.get(BASE + "/check-answers").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("A friend"), containsString("January " + last.getYear()),
            containsString("None chosen"), containsString("Emergency Department, University Hospital Hairmyres"))))
        .andExpect(content().string(not(containsString("An unpaid carer"))));
  }

  @Test
  void sending_savesTheStoryWithItsTags_showsTheReferenceOnce_andClearsTheAnswers() throws Exception {
    TellStoryWalk walk = new TellStoryWalk(mvc);
    MvcResult sent = walk.tell(answers(Map.of("tags", "good:listened,improve:parking,felt:grateful")));
    String reference = (String) sent.getFlashMap().get("reference");
    String trackingUrl = (String) sent.getFlashMap().get("trackingUrl");

    assertThat(testStories.tagsOf(reference))
        .containsExactlyInAnyOrder("good:listened", "improve:parking", "felt:grateful");
    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    // The moderator starts from the author's tags.
    assertThat(driver.formVariables(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY)
        .get(StoryLifecycle.Vars.TAGS).toString())
        .contains("good:listened").contains("improve:parking").contains("felt:grateful");
    mvc.perform(get(BASE + "/thank-you").flashAttrs(sent.getFlashMap())).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("nhsuk-panel"), containsString(reference),
            containsString(trackingUrl))));
    mvc.perform(get(BASE + "/thank-you")).andExpect(redirectedUrl(BASE));
    walk.get(BASE + "/check-answers").andExpect(redirectedUrl(BASE + "/service"));
    walk.get(BASE + "/who-and-when").andExpect(redirectedUrl(BASE + "/service"));
  }

  @Test
  void serviceSearch_withoutJavaScript_filtersTheListByWords() throws Exception {
    TellStoryWalk walk = new TellStoryWalk(mvc);
    search(walk, "Hairmyres emergency").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("1 service matches"), containsString("Emergency Department"),
            containsString("Show all services"), containsString("/js/service-picker.mjs"))))
        .andExpect(content().string(not(containsString("Maternity Unit"))))
        .andExpect(content().string(not(containsString("Wishaw"))));
    search(walk, "emergency").andExpect(content().string(containsString("3 services match")));
    search(walk, "nothing like this").andExpect(status().isOk())
        .andExpect(content().string(containsString("No service matches")));
    walk.get(BASE + "/service").andExpect(content().string(allOf(containsString("Maternity Unit"),
        containsString("University Hospital Wishaw (NHS Lanarkshire)"), containsString("data-search="))));
  }

  @Test
  void theAuthorsText_isShownAsText_onCheckAnswersAndOnceItIsPublished() throws Exception {
    String title = "Script <script>alert(1)</script> and ${7*7}";
    String body = TestStories.BODY + " <script>alert(1)</script> [[${7*7}]] __${7*7}__ <b>bold</b>";
    TellStoryWalk walk = new TellStoryWalk(mvc);
    walk.answerAll(answers(Map.of("title", title, "body", body, "pseudonym", "<i>Me</i> ${7*7}")));

    walk.get(BASE + "/check-answers").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Script &lt;script&gt;alert(1)&lt;/script&gt; and ${7*7}"),
            containsString("[[${7*7}]] __${7*7}__ &lt;b&gt;bold&lt;/b&gt;"), containsString("&lt;i&gt;Me&lt;/i&gt; ${7*7}"))))
        .andExpect(content().string(not(containsString("<script>alert(1)"))))
        .andExpect(content().string(not(containsString("<b>bold"))));

    String reference = (String) walk.send(Map.of()).andExpect(redirectedUrl(BASE + "/thank-you")).andReturn()
        .getFlashMap().get("reference");
    ProcessInstance instance = driver.instance(reference);
    driver.runSavePoints(instance);
    driver.submit(instance, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "approve", "criticality", "1"));
    assertThat(driver.status(reference)).isEqualTo("PUBLISHED");

    mvc.perform(get("/stories/" + reference)).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
            containsString("[[${7*7}]] __${7*7}__"), containsString("${7*7}"))))
        .andExpect(content().string(not(containsString("<script>alert(1)"))))
        .andExpect(content().string(not(containsString("<b>bold"))));
  }

  private org.springframework.test.web.servlet.ResultActions search(TellStoryWalk walk, String words) throws Exception {
    return mvc.perform(get(BASE + "/service").session(walk.session()).param("q", words));
  }

  private Map<String, String> answers(Map<String, String> replaced) {
    Map<String, String> fields = new LinkedHashMap<>(
        TellStoryWalk.validAnswers(testStories.serviceId("hairmyres-ward-15")));
    fields.putAll(replaced);
    return fields;
  }
}
