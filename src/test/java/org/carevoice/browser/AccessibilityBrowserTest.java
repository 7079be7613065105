package org.carevoice.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.StoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Accessibility of the public site in headless Chromium: axe-core (WCAG 2.2 AA and everything
 * below it) finds no violation on any public page, at desktop and at mobile width, and a member of
 * the public can reach and use the site with the keyboard alone.
 *
 * <p>Keyboard tests move only with key presses (Tab, Shift+Tab, Enter, Space, arrows, typing into
 * the focused element); scripts run only to read the page (where focus is, whether it shows). The
 * one exception: the author's private link is an absolute link to the public address
 * (carevoice.public-base-url, or this server when unset), so the test opens its path here.
 *
 * <p>axe-core comes from the build (src/main/frontend/node_modules, see {@link Axe}); this class
 * shares the Spring context of {@link TasklistModerationBrowserTest} (same configuration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest extends OneBrowserPerClass {

  AccessibilityBrowserTest() {
    super("a11y-");
  }

  /** A story the demo data publishes with a published response. */
  private static final String STORY_WITH_RESPONSES = "{story with responses}";
  private static final int MAX_TABS = 120;

  @LocalServerPort int port;
  @Autowired StoryService stories;
  @Autowired OrganisationService organisation;
  @Autowired ManagementService managementService;

  String storyWithResponses;

  // ---------------------------------------------------------------------------------------------
  // axe-core on every public page

  static Stream<Arguments> publicPages() {
    return Stream.of(
        Arguments.of("home", "/", "Tell us about your care"),
        Arguments.of("story list", "/stories", "Stories about care in Lanarkshire"),
        Arguments.of("story list, page 2", "/stories?page=2", "Stories about care in Lanarkshire"),
        Arguments.of("search results", "/stories?q=kind", "Stories about care in Lanarkshire"),
        Arguments.of("search without results", "/stories?q=zzzxqwv", "Stories about care in Lanarkshire"),
        Arguments.of("filtered list", "/stories?responded=yes&sort=oldest", "Stories about care in Lanarkshire"),
        Arguments.of("list with a bad filter (400)", "/stories?from=bad&to=worse", "Stories about care in Lanarkshire"),
        Arguments.of("story with responses", STORY_WITH_RESPONSES, null),
        Arguments.of("services", "/services", "Services"),
        Arguments.of("service page", "/services/hairmyres-emergency-department", "Emergency"),
        Arguments.of("service page with changes", "/services/monklands-ward-21", "Ward 21"),
        Arguments.of("service recognition", "/services/hairmyres-emergency-department/recognition",
            "Staff recognition"),
        Arguments.of("tell your story, start", "/tell-your-story", "Tell your story"),
        Arguments.of("service step, searched on the server", "/tell-your-story/service?q=wishaw",
            "Which service is your story about?"),
        Arguments.of("service step, no service found", "/tell-your-story/service?q=nowhere+at+all",
            "Which service is your story about?"),
        Arguments.of("staff sign in", "/login", "Staff sign in"),
        Arguments.of("staff sign in, failed", "/login?error", "Staff sign in"),
        Arguments.of("story not found (404)", "/stories/CV-0000-000000", "Page not found"),
        Arguments.of("page not found (404)", "/no-such-page", "Page not found"),
        Arguments.of("private link not found (404)", "/my-story/" + "A".repeat(43), "This private link does not work"),
        Arguments.of("list with a bad page number (400)", "/stories?page=abc", "Stories about care in Lanarkshire"),
        Arguments.of("bad request (400)", "/services/hairmyres-emergency-department?page=x",
            "Sorry, we could not understand that request"),
        Arguments.of("error page without a status", "/error", "Sorry, there is a problem with the service"));
  }

  @ParameterizedTest(name = "{0} at desktop width")
  @MethodSource("publicPages")
  void publicPage_hasNoViolations_atDesktopWidth(String name, String path, String heading) {
    open(path, heading);
    Axe.assertNoViolations(driver, name + " at desktop width");
  }

  static Stream<Arguments> mobilePages() {
    return publicPages().filter(page -> List.of("home", "story list", "search results", "story with responses",
        "service page", "tell your story, start", "service step, searched on the server", "staff sign in, failed",
        "story not found (404)").contains((String) page.get()[0]));
  }

  @ParameterizedTest(name = "{0} at mobile width")
  @MethodSource("mobilePages")
  void publicPage_hasNoViolations_atMobileWidth(String name, String path, String heading) {
    driver.manage().window().setSize(MOBILE);
    open(path, heading);
    assertThat(((Number) driver.executeScript("return window.innerWidth")).intValue()).isLessThanOrEqualTo(400);
    Axe.assertNoViolations(driver, name + " at mobile width");
  }

  static Stream<Arguments> pagesWithErrors() {
    return Stream.of(
        Arguments.of("/stories?responded=maybe"),
        Arguments.of("/stories?page=abc"),
        Arguments.of("/stories?from=bad&to=2026-13-45"),
        Arguments.of("/stories?from=2026-02-01&to=2026-01-01"),
        Arguments.of("/stories?service=nope&site=nope&organisation=nope&tag=nope&sort=nope&q=" + "word+".repeat(60)),
        Arguments.of("/login?error"));
  }

  /**
   * NHS.UK's error pattern, beyond what axe checks: the page title says "Error:", the summary takes
   * focus, each of its links leads to a field on the page, and each message describes its field.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pagesWithErrors")
  void errorSummary_takesFocus_andItsLinksAndMessagesBelongToFields(String path) {
    open(path, null);
    assertThat(driver.getTitle()).startsWith("Error: ");
    WebElement summary = errorSummaryHasFocus();
    assertThat(summary.getText()).startsWith("There is a problem");
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) driver.executeScript("""
        const problems = [];
        document.querySelectorAll('.nhsuk-error-summary a').forEach(a => {
          const target = document.getElementById(a.getAttribute('href').replace(/^#/, ''));
          if (!target || !target.matches('input, select, textarea')) {
            problems.push('summary link ' + a.getAttribute('href') + ' leads to no field');
          }
        });
        document.querySelectorAll('.nhsuk-error-message').forEach(m => {
          const describes = m.id && [...document.querySelectorAll('[aria-describedby]')]
              .some(e => e.getAttribute('aria-describedby').split(/\\s+/).includes(m.id));
          if (!describes) {
            problems.push('message "' + m.textContent.trim().replace(/\\s+/g, ' ') + '" describes no field');
          }
        });
        return problems;
        """);
    assertThat(problems).as("error pattern on %s", path).isEmpty();
    Axe.assertNoViolations(driver, "errors at " + path);
  }

  /** The harness must see a violation when there is one, or a pass proves nothing. */
  /** The safeguarding lead's page (behind sign-in), at both widths. */
  @Test
  void safeguardingPage_hasNoViolations() {
    Long service = organisation.allServices().stream()
        .filter(s -> s.getSlug().equals("hairmyres-emergency-department")).findFirst().orElseThrow().getId();
    String reference = stories.submit(new NewStory("Worried about my mum", "My mum is not safe at home. Her carer "
        + "hits my mum when nobody is there. Please help, the staff were kind but nobody listened to us.",
        "Anne from Hamilton", "anne.a11y@example.org", Relationship.RELATIVE, YearMonth.now().atDay(1),
        List.of(service), Channel.WEB)).reference();
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = managementService.createJobQuery().messages().list();
      if (jobs.isEmpty()) {
        break;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    open("/login", "Staff sign in");
    driver.findElement(By.id("username")).sendKeys("shona");
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("main form button[type='submit']")).click();
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
    open("/staff/safeguarding/" + reference, "Possible safeguarding concern");
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("anne.a11y@example.org");
    Axe.assertNoViolations(driver, "safeguarding page at desktop width");
    driver.manage().window().setSize(MOBILE);
    open("/staff/safeguarding/" + reference, "Possible safeguarding concern");
    Axe.assertNoViolations(driver, "safeguarding page at mobile width");
  }

  @Test
  void axeReportsViolations_whenThePageHasThem() {
    open("/", "Tell us about your care");
    driver.executeScript("""
        const img = document.createElement('img');
        img.src = '/assets/images/favicon.svg';
        document.getElementById('maincontent').appendChild(img);
        const input = document.createElement('input');
        document.getElementById('maincontent').appendChild(input);
        """);
    String violations = Axe.violations(driver);
    assertThat(violations).contains("image-alt").contains("label").contains("<img src=\"/assets/images/favicon.svg\">");
  }

  // ---------------------------------------------------------------------------------------------
  // Keyboard only

  @Test
  void skipLink_isTheFirstStop_andMovesFocusToTheMainContent() {
    open("/stories", "Stories about care in Lanarkshire");
    WebElement skip = press(Keys.TAB);
    assertThat(skip.getText()).isEqualTo("Skip to main content");
    assertFocusVisible();
    press(Keys.ENTER);
    assertThat(focused().getAttribute("id")).isEqualTo("maincontent");
    // The next stop is the first control of the page, not the header.
    WebElement first = press(Keys.TAB);
    assertThat(first.getAttribute("id")).isEqualTo("filter-q");
    assertFocusVisible();
  }

  @Test
  void searchFromTheHeader_andOpenAStory_withTheKeyboard() {
    open("/", "Tell us about your care");
    tabTo("the header search field", e -> "search-field".equals(e.getAttribute("id")));
    assertFocusVisible();
    type("kind");
    press(Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().contains("q=kind"));
    assertThat(heading2("results-heading")).contains("stor");
    WebElement story = tabTo("the first story", e -> "a".equals(e.getTagName())
        && e.getAttribute("class").contains("nhsuk-card__link"));
    assertFocusVisible();
    String title = story.getText();
    press(Keys.ENTER);
    wait.until(d -> d.findElement(By.tagName("h1")).getText().equals(title));
  }

  @Test
  void filtersWithTheKeyboard_errorSummaryTakesFocus_andItsLinkReachesTheField() {
    open("/stories", "Stories about care in Lanarkshire");
    tabTo("the date filter", e -> "filter-from".equals(e.getAttribute("id")));
    // Chromium's date field takes its parts (day, month, year or month, day, year) in order and
    // refuses an impossible date: the keyboard sets a range the wrong way round instead.
    type("01012026");
    tabTo("the to-date filter", e -> "filter-to".equals(e.getAttribute("id")));
    type("01012025");
    tabTo("the responses filter", e -> "filter-responded-any".equals(e.getAttribute("id")));
    // Arrow keys move between radios and choose.
    press(Keys.ARROW_DOWN);
    assertThat(focused().getAttribute("id")).isEqualTo("filter-responded-yes");
    assertThat(focused().isSelected()).isTrue();
    assertFocusVisible();
    tabTo("Show stories", e -> "Show stories".equals(e.getText()));
    assertFocusVisible();
    press(Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().contains("responded=yes"));
    WebElement summary = errorSummaryHasFocus();
    assertThat(summary.getText()).contains("There is a problem");
    WebElement link = press(Keys.TAB);
    assertThat(link.getAttribute("href")).endsWith("#filter-to");
    press(Keys.ENTER);
    wait.until(d -> "filter-to".equals(focused().getAttribute("id")));
    Axe.assertNoViolations(driver, "story list with a wrong date range");
  }

  @Test
  void staffSignIn_withTheKeyboard_showsTheErrorSummaryWithFocus() {
    open("/", "Tell us about your care");
    tabTo("Staff sign in", e -> "Staff sign in".equals(e.getText()));
    press(Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/login"));
    tabTo("the user name", e -> "username".equals(e.getAttribute("id")));
    assertFocusVisible();
    type("nobody");
    press(Keys.TAB);
    assertThat(focused().getAttribute("id")).isEqualTo("password");
    type("wrong");
    press(Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/login?error"));
    WebElement summary = errorSummaryHasFocus();
    assertThat(summary.getText()).contains("The user name or password is wrong.");
    press(Keys.TAB);
    press(Keys.ENTER);
    wait.until(d -> "username".equals(focused().getAttribute("id")));
  }

  // ---------------------------------------------------------------------------------------------
  // "Tell your story", keyboard only, with axe on every step (and every error state)

  @ParameterizedTest(name = "at {0} width")
  @ValueSource(strings = {"desktop", "mobile"})
  void keyboardOnly_tellAStoryFromTheHomePage_toThePrivatePage_withNoViolationOnAnyStep(String width) {
    boolean mobile = width.equals("mobile");
    driver.manage().window().setSize(mobile ? MOBILE : DESKTOP);
    String at = " at " + width + " width";
    YearMonth happened = YearMonth.now().minusMonths(1);
    String title = "Keyboard walk " + width + ": calm and kind at night";

    // Home: the skip link, then the first thing in the main content is the call to action.
    open("/", "Tell us about your care");
    Axe.assertNoViolations(driver, "home" + at);
    skipToMainContent();
    WebElement start = press(Keys.TAB);
    assertThat(start.getText()).isEqualTo("Tell your story");
    assertFocusVisible();
    press(Keys.ENTER);

    // Start page: the "Start now" link is a button, so Space follows it too.
    waitForPage("/tell-your-story", "Tell your story");
    Axe.assertNoViolations(driver, "start page" + at);
    skipToMainContent();
    tabTo("Start now", e -> "Start now".equals(e.getText()));
    assertFocusVisible();
    press(Keys.SPACE);

    // Service: continuing without a choice shows the error summary, which takes focus; its link
    // leads to the first radio. Then search (filtered in the page), and choose with Space.
    waitForPage("/tell-your-story/service", "Which service is your story about?");
    Axe.assertNoViolations(driver, "service step" + at);
    tabTo("Continue", e -> "Continue".equals(e.getText()));
    press(Keys.ENTER);
    errorSummaryHasFocus();
    Axe.assertNoViolations(driver, "service step with an error" + at);
    followFirstErrorLink("serviceId");
    shiftTab(); // the search button
    shiftTab();
    assertThat(focused().getAttribute("id")).isEqualTo("service-search");
    assertFocusVisible();
    type("hairmyres emergency");
    wait.until(d -> d.findElement(By.id("service-search-status")).getText().startsWith("1 service matches"));
    Axe.assertNoViolations(driver, "service step, searched" + at);
    press(Keys.ENTER); // searches in the page: no reload, focus stays
    assertThat(focused().getAttribute("id")).isEqualTo("service-search");
    press(Keys.TAB); // the search button
    WebElement service = press(Keys.TAB);
    assertThat(labelOf(service)).isEqualTo("Emergency Department");
    assertFocusVisible();
    press(Keys.SPACE);
    assertThat(focused().isSelected()).isTrue();
    press(Keys.TAB);
    assertThat(focused().getText()).isEqualTo("Continue");
    assertFocusVisible();
    press(Keys.ENTER);

    // Who and when: errors for the radios and the date; arrows choose a radio; Enter in a field sends.
    waitForPage("/tell-your-story/who-and-when", "Who are you in this story?");
    Axe.assertNoViolations(driver, "who and when step" + at);
    tabTo("Continue", e -> "Continue".equals(e.getText()));
    press(Keys.ENTER);
    errorSummaryHasFocus();
    Axe.assertNoViolations(driver, "who and when step with errors" + at);
    followFirstErrorLink("relationship");
    press(Keys.ARROW_DOWN);
    assertThat(focused().getAttribute("id")).isEqualTo("relationship-SERVICE_USER");
    press(Keys.ARROW_UP);
    assertThat(focused().getAttribute("id")).isEqualTo("relationship");
    assertThat(focused().isSelected()).isTrue();
    assertFocusVisible();
    press(Keys.TAB);
    assertThat(focused().getAttribute("id")).isEqualTo("happenedMonth");
    assertFocusVisible();
    type(String.valueOf(happened.getMonthValue()));
    press(Keys.TAB);
    assertThat(focused().getAttribute("id")).isEqualTo("happenedYear");
    type(String.valueOf(happened.getYear()));
    press(Keys.ENTER);

    // What happened: a story too short is refused; the error link leads back to the text.
    waitForPage("/tell-your-story/what-happened", "What happened?");
    Axe.assertNoViolations(driver, "what happened step" + at);
    tabTo("the story text", e -> "body".equals(e.getAttribute("id")));
    assertFocusVisible();
    type("Too short.");
    press(Keys.TAB);
    assertThat(focused().getAttribute("id")).isEqualTo("title");
    type(title);
    press(Keys.ENTER);
    errorSummaryHasFocus();
    Axe.assertNoViolations(driver, "what happened step with an error" + at);
    followFirstErrorLink("body");
    type(" The nurses on the night shift were calm and kind, and explained every step to my mum.");
    press(Keys.TAB);
    assertThat(focused().getAttribute("id")).isEqualTo("title");
    press(Keys.TAB);
    assertThat(focused().getText()).isEqualTo("Continue");
    press(Keys.ENTER);

    // What stood out: checkboxes take Space.
    waitForPage("/tell-your-story/what-stood-out", "What stood out for you?");
    Axe.assertNoViolations(driver, "what stood out step" + at);
    WebElement firstTag = tabTo("the first tag", e -> "tags".equals(e.getAttribute("id")));
    assertFocusVisible();
    press(Keys.SPACE);
    assertThat(firstTag.isSelected()).isTrue();
    String tagLabel = labelOf(firstTag);
    tabTo("Continue", e -> "Continue".equals(e.getText()));
    press(Keys.ENTER);

    // Name and email: a wrong email address is refused.
    waitForPage("/tell-your-story/name-and-email", "Your name and email address");
    Axe.assertNoViolations(driver, "name and email step" + at);
    tabTo("the name to show", e -> "pseudonym".equals(e.getAttribute("id")));
    assertFocusVisible();
    type("Keyboard tester");
    press(Keys.TAB);
    assertThat(focused().getAttribute("id")).isEqualTo("email");
    type("keyboard.tester.example.org");
    press(Keys.ENTER);
    errorSummaryHasFocus();
    Axe.assertNoViolations(driver, "name and email step with an error" + at);
    followFirstErrorLink("email");
    focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), "keyboard.tester@example.org");
    press(Keys.ENTER);

    // Check your answers: change the title through its "Change" link and come back.
    waitForPage("/tell-your-story/check-answers", "Check your answers before sending your story");
    Axe.assertNoViolations(driver, "check your answers" + at);
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("Emergency Department")
        .contains(title).contains(tagLabel).contains("keyboard.tester@example.org");
    WebElement change = tabTo("Change title", e -> "a".equals(e.getTagName())
        && e.getAttribute("textContent").replaceAll("\\s+", " ").trim().equals("Change Title"));
    assertFocusVisible();
    press(Keys.ENTER);
    waitForPage("/tell-your-story/what-happened?change=true", "What happened?");
    tabTo("the title", e -> "title".equals(e.getAttribute("id")));
    String changedTitle = title + ", changed";
    focused().sendKeys(Keys.END, ", changed");
    press(Keys.ENTER);
    waitForPage("/tell-your-story/check-answers", "Check your answers before sending your story");
    assertThat(driver.findElement(By.id("answer-title")).getText()).isEqualTo(changedTitle);

    // Sending without consent: the error link leads to the box, Space ticks it, Tab reaches Send.
    tabTo("Send my story", e -> "Send my story".equals(e.getText()));
    assertFocusVisible();
    press(Keys.ENTER);
    errorSummaryHasFocus();
    Axe.assertNoViolations(driver, "check your answers with an error" + at);
    followFirstErrorLink("consent");
    press(Keys.SPACE);
    assertThat(focused().isSelected()).isTrue();
    press(Keys.TAB); // past the honeypot, which is out of the tab order
    assertThat(focused().getText()).isEqualTo("Send my story");
    press(Keys.ENTER);

    // Confirmation, then the private page and the withdrawal page (without withdrawing).
    waitForPage("/tell-your-story/thank-you", "Thank you for your story");
    Axe.assertNoViolations(driver, "confirmation" + at);
    String reference = driver.findElement(By.id("story-reference")).getText();
    assertThat(reference).matches("CV-\\d{4}-\\d{6}");
    WebElement privateLink = tabTo("the private link", e -> "private-link".equals(e.getAttribute("id")));
    String href = privateLink.getAttribute("href");
    assertThat(href).matches(".*/my-story/[A-Za-z0-9_-]{43}");
    assertFocusVisible();
    // The link is absolute, on the public address (carevoice.public-base-url, or this server when
    // unset): the one step the keyboard cannot take here is opening it on this server.
    driver.get(url(href.substring(href.indexOf("/my-story/"))));
    waitForPage("/my-story/", "Your story");
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains(reference);
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(changedTitle);
    Axe.assertNoViolations(driver, "private page" + at);
    tabTo("Withdraw my story", e -> "Withdraw my story".equals(e.getText()));
    assertFocusVisible();
    press(Keys.ENTER);
    waitForPage("/withdraw", "Are you sure you want to withdraw your story?");
    Axe.assertNoViolations(driver, "withdrawal page" + at);
    tabTo("No, keep my story", e -> "No, keep my story".equals(e.getText()));
    assertFocusVisible();
    press(Keys.ENTER);
    waitForPage("/my-story/", "Your story");
    assertThat(driver.getCurrentUrl()).doesNotContain("/withdraw");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private void open(String path, String heading) {
    if (STORY_WITH_RESPONSES.equals(path)) {
      path = storyWithResponses();
    }
    driver.get(url(path));
    wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
        "return document.readyState === 'complete' && document.body.classList.contains('js-enabled')")));
    if (heading != null) {
      assertThat(driver.findElement(By.tagName("h1")).getText()).contains(heading);
    }
  }

  /** A published story with a published response, found as a visitor would: filter the list. */
  private String storyWithResponses() {
    if (storyWithResponses == null) {
      driver.get(url("/stories?responded=yes"));
      String href = driver.findElement(By.cssSelector(".nhsuk-card__link")).getAttribute("href");
      storyWithResponses = href.substring(href.indexOf("/stories/"));
    }
    return storyWithResponses;
  }

  /** Waits for the page whose address ends with (or contains) this part and whose h1 has this text. */
  private void waitForPage(String addressPart, String heading) {
    wait.until(d -> d.getCurrentUrl().contains(addressPart) && Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
        "return document.readyState === 'complete' && document.body.classList.contains('js-enabled')")));
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains(heading));
  }

  /** NHS.UK's error summary takes focus when the page opens with errors. */
  private WebElement errorSummaryHasFocus() {
    WebElement summary = wait.until(d -> {
      WebElement active = focused();
      return active.getAttribute("class").contains("nhsuk-error-summary") ? active : null;
    });
    assertFocusVisible();
    return summary;
  }

  /** From the focused error summary: Tab to its first link and follow it to the field. */
  private void followFirstErrorLink(String fieldId) {
    WebElement link = press(Keys.TAB);
    assertThat(link.getAttribute("href")).endsWith("#" + fieldId);
    assertFocusVisible();
    press(Keys.ENTER);
    wait.until(d -> fieldId.equals(focused().getAttribute("id")));
  }

  /** Tab to the skip link (the first stop) and follow it: focus is on the main content. */
  private void skipToMainContent() {
    WebElement skip = press(Keys.TAB);
    assertThat(skip.getText()).isEqualTo("Skip to main content");
    assertFocusVisible();
    press(Keys.ENTER);
    assertThat(focused().getAttribute("id")).isEqualTo("maincontent");
  }

  private String labelOf(WebElement input) {
    return driver.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).getText().trim();
  }

  private String heading2(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** Presses keys on the keyboard (to whatever has focus) and returns what has focus afterwards. */
  private WebElement press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
    return focused();
  }

  /** Shift+Tab: one stop back. */
  private WebElement shiftTab() {
    new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    return focused();
  }

  /** Types into the element that has focus. */
  private void type(String text) {
    focused().sendKeys(text);
  }

  /** Tabs forward until the focused element matches; fails when it is not reachable. */
  private WebElement tabTo(String what, Predicate<WebElement> target) {
    for (int i = 0; i < MAX_TABS; i++) {
      WebElement active = press(Keys.TAB);
      if (target.test(active)) {
        return active;
      }
    }
    throw new AssertionError(what + " is not reachable with the Tab key on " + driver.getCurrentUrl());
  }

  /** The focused element shows it: it matches :focus-visible and has an outline or a focus shadow. */
  private void assertFocusVisible() {
    Object style = driver.executeScript("""
        const e = document.activeElement;
        const s = getComputedStyle(e);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
            && !/rgba\\(0, 0, 0, 0\\)|transparent/.test(s.outlineColor);
        const shadow = s.boxShadow && s.boxShadow !== 'none';
        return {visible: e.matches(':focus-visible') && (outline || shadow),
                what: e.outerHTML.slice(0, 200), outline: s.outline, shadow: s.boxShadow};
        """);
    assertThat(((java.util.Map<?, ?>) style).get("visible")).as("focus is visible: %s", style).isEqualTo(true);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
