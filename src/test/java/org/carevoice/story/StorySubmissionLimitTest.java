package org.carevoice.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.carevoice.LowRateLimitsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The submission limits of the web forms (the author's and staff's), instead of a CAPTCHA: over a limit the author gets HTTP
 * 429 with Retry-After and a plain message, and loses none of the answers ({@link LowRateLimitsTest}).
 */
@LowRateLimitsTest
class StorySubmissionLimitTest {

  @Autowired MockMvc mvc;
  @Autowired TestStories testStories;

  @Test
  void secondStoryFromOneEmail_isRefusedWith429_andTheAnswersAreKept() throws Exception {
    new TellStoryWalk(mvc).from("10.0.1.1").tell(answers("limited.author@example.org"));

    TellStoryWalk second = new TellStoryWalk(mvc).from("10.0.1.2");
    second.answerAll(answers("Limited.Author@example.org"));
    second.send(Map.of()).andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+")))
        .andExpect(content().string(allOf(containsString("You have sent several stories in a short time"),
            containsString("you can send this story in about"), containsString("Your answers are kept"),
            containsString("A limited title"), containsString("checked=\"checked\""))));
    second.get(TellStoryWalk.BASE + "/check-answers").andExpect(status().isOk())
        .andExpect(content().string(containsString("A limited title")));
  }

  @Test
  void thirdStoryFromOneAddress_isRefusedWith429() throws Exception {
    new TellStoryWalk(mvc).from("10.0.2.1").tell(answers("first.address@example.org"));
    new TellStoryWalk(mvc).from("10.0.2.1").tell(answers("second.address@example.org"));

    TellStoryWalk third = new TellStoryWalk(mvc).from("10.0.2.1");
    third.answerAll(answers("third.address@example.org"));
    String retryAfter = third.send(Map.of()).andExpect(status().isTooManyRequests())
        .andExpect(content().string(containsString("you can send this story in")))
        .andReturn().getResponse().getHeader("Retry-After");
    assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3_600L);

    // From another address the same answers go through.
    third.from("10.0.2.2").send(Map.of()).andExpect(redirectedUrl(TellStoryWalk.BASE + "/thank-you"));
  }

  /**
   * Staff entering a pile of paper forms on a ward computer are counted per staff user, not per
   * address: more stories than one address may send go through, up to the staff user's own limit.
   */
  @Test
  void staffEnteringPaperStories_areCountedPerStaffUser_notPerAddress() throws Exception {
    MockHttpSession iain = signIn("iain");
    for (int i = 0; i < 3; i++) {
      TellStoryWalk walk = TellStoryWalk.staff(mvc, iain).from("10.0.3.1");
      walk.post("", Map.of("channel", "PAPER"));
      walk.tell(answers(""));
    }
    TellStoryWalk fourth = TellStoryWalk.staff(mvc, iain).from("10.0.3.1");
    fourth.post("", Map.of("channel", "PAPER"));
    fourth.answerAll(answers(""));
    fourth.send(Map.of()).andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+")))
        .andExpect(content().string(allOf(containsString("You have entered many stories in a short time"),
            containsString("The answers are kept"))));

    // Another member of staff at the same computer is not held up.
    TellStoryWalk colleague = TellStoryWalk.staff(mvc, signIn("fiona")).from("10.0.3.1");
    colleague.post("", Map.of("channel", "PHONE"));
    colleague.tell(answers(""));
  }

  private MockHttpSession signIn(String user) throws Exception {
    return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("demo"))
        .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
  }

  private Map<String, String> answers(String email) {
    Map<String, String> fields = new LinkedHashMap<>(
        TellStoryWalk.validAnswers(testStories.serviceId("hairmyres-outpatients")));
    fields.put("title", "A limited title");
    fields.put("email", email);
    return fields;
  }
}
