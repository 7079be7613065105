package org.carevoice.story;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Goes through "Tell your story" one step at a time with MockMvc, in one session, as a browser
 * does. Answers are form fields by name; {@code tags} holds several codes separated by commas.
 * {@link #staff} walks the same steps at /staff/stories/new, in a signed-in staff session.
 */
public final class TellStoryWalk {

  public static final String BASE = "/tell-your-story";
  public static final String STAFF_BASE = "/staff/stories/new";

  /** The steps' pages and the fields each one posts, in order. */
  public static final Map<String, List<String>> STEPS = steps();

  private final MockMvc mvc;
  private final String base;
  private final MockHttpSession session;
  private String remoteAddress = "127.0.0.1";

  public TellStoryWalk(MockMvc mvc) {
    this(mvc, BASE, new MockHttpSession());
  }

  private TellStoryWalk(MockMvc mvc, String base, MockHttpSession session) {
    this.mvc = mvc;
    this.base = base;
    this.session = session;
  }

  /**
   * The staff form, in a session signed in as a member of staff. Its first question, how the story
   * was taken, is posted with {@code post("", Map.of("channel", "PHONE"))}; the other steps as on the
   * author's form.
   */
  public static TellStoryWalk staff(MockMvc mvc, MockHttpSession signedIn) {
    return new TellStoryWalk(mvc, STAFF_BASE, signedIn);
  }

  /** Answers that pass every step, for the given service. */
  public static Map<String, String> validAnswers(Long serviceId) {
    YearMonth last = YearMonth.now().minusMonths(1);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("serviceId", serviceId.toString());
    fields.put("relationship", "CARER");
    fields.put("happenedMonth", String.valueOf(last.getMonthValue()));
    fields.put("happenedYear", String.valueOf(last.getYear()));
    fields.put("body", TestStories.BODY);
    fields.put("title", "A valid title");
    fields.put("tags", "good:kind-staff,felt:reassured");
    fields.put("pseudonym", "Web tester");
    fields.put("email", "web.tester@example.org");
    return fields;
  }

  /** Requests come from this address (the submission limit per IP). */
  public TellStoryWalk from(String address) {
    this.remoteAddress = address;
    return this;
  }

  public MockHttpSession session() {
    return session;
  }

  public ResultActions get(String path) throws Exception {
    return mvc.perform(withClient(MockMvcRequestBuilders.get(path)));
  }

  /** Posts one step's page ("service", "who-and-when", ...; "" the start page) with these fields, and the CSRF token. */
  public ResultActions post(String step, Map<String, String> fields) throws Exception {
    MockHttpServletRequestBuilder request = withClient(MockMvcRequestBuilders.post(path(step))).with(csrf());
    fields.forEach((name, value) -> {
      if (name.equals("tags")) {
        for (String tag : value.split(",")) {
          if (!tag.isBlank()) {
            request.param(name, tag);
          }
        }
      } else {
        request.param(name, value);
      }
    });
    return mvc.perform(request);
  }

  /** Answers every step up to check your answers, each one expected to move on. */
  public TellStoryWalk answerAll(Map<String, String> answers) throws Exception {
    List<String> pages = List.copyOf(STEPS.keySet());
    for (int i = 0; i < pages.size(); i++) {
      String next = i + 1 < pages.size() ? pages.get(i + 1) : "check-answers";
      answer(pages.get(i), answers).andExpect(status().is3xxRedirection())
          .andExpect(redirectedUrl(base + "/" + next));
    }
    return this;
  }

  /** Posts one step with its own fields taken from the answers. */
  public ResultActions answer(String step, Map<String, String> answers) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : STEPS.get(step)) {
      if (answers.containsKey(name)) {
        fields.put(name, answers.get(name));
      }
    }
    return post(step, fields);
  }

  /** Sends the story from check your answers, consent given, with any extra fields (the honeypot). */
  public ResultActions send(Map<String, String> extra) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("consent", "true");
    fields.putAll(extra);
    return post("check-answers", fields);
  }

  /** The whole form: every step, then send; the result carries the reference and private link as flash. */
  public MvcResult tell(Map<String, String> answers) throws Exception {
    return answerAll(answers).send(Map.of())
        .andExpect(redirectedUrl(base + (base.equals(BASE) ? "/thank-you" : "/entered"))).andReturn();
  }

  /** A page of this walk's form, by its last segment; "" is the start page. */
  public String path(String step) {
    return step.isEmpty() ? base : base + "/" + step;
  }

  private MockHttpServletRequestBuilder withClient(MockHttpServletRequestBuilder request) {
    return request.session(session).with(r -> {
      r.setRemoteAddr(remoteAddress);
      return r;
    });
  }

  private static Map<String, List<String>> steps() {
    Map<String, List<String>> steps = new LinkedHashMap<>();
    steps.put("service", List.of("serviceId"));
    steps.put("who-and-when", List.of("relationship", "happenedMonth", "happenedYear"));
    steps.put("what-happened", List.of("body", "title"));
    steps.put("what-stood-out", List.of("tags"));
    steps.put("name-and-email", List.of("pseudonym", "email"));
    return java.util.Collections.unmodifiableMap(steps);
  }
}
