package org.carevoice.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Accessibility of the public site in headless Chromium: axe-core (WCAG 2.2 AA and everything
 * below it) finds no violation on any public page, at desktop and at mobile width, and a member of
 * the public can reach and use the site with the keyboard alone.
 *
 * <p>Keyboard tests move only with key presses (Tab, Shift+Tab, Enter, Space, arrows, typing into
 * the focused element); scripts run only to read the page (where focus is, whether it shows).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest {

  private static final Dimension DESKTOP = new Dimension(1400, 2200);
  private static final Dimension MOBILE = new Dimension(375, 812);
  /** A story the demo data publishes with a published response. */
  private static final String STORY_WITH_RESPONSES = "{story with responses}";
  private static final int MAX_TABS = 120;

  @LocalServerPort int port;

  ChromeDriver driver;
  WebDriverWait wait;
  String testName;
  String storyWithResponses;

  @BeforeAll
  void startBrowser() throws Exception {
    driver = Browser.start();
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterAll
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @BeforeEach
  void freshVisitor(TestInfo info) {
    testName = info.getTestMethod().map(m -> m.getName()).orElse("test")
        + info.getDisplayName().replaceAll("[^A-Za-z0-9]+", "-");
    driver.manage().window().setSize(DESKTOP);
    driver.manage().deleteAllCookies();
  }

  @AfterEach
  void keepScreenshot() {
    Browser.screenshot(driver, "a11y-" + testName);
  }

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
        Arguments.of("staff sign in", "/login", "Staff sign in"),
        Arguments.of("staff sign in, failed", "/login?error", "Staff sign in"),
        Arguments.of("story not found (404)", "/stories/CV-0000-000000", "Page not found"),
        Arguments.of("page not found (404)", "/no-such-page", "Page not found"),
        Arguments.of("private link not found (404)", "/my-story/" + "A".repeat(43), "Page not found"),
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
        "service page", "staff sign in, failed", "story not found (404)").contains((String) page.get()[0]));
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
    WebElement summary = wait.until(d -> {
      WebElement active = focused();
      return active.getAttribute("class").contains("nhsuk-error-summary") ? active : null;
    });
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
    WebElement summary = wait.until(d -> {
      WebElement active = focused();
      return active.getAttribute("class").contains("nhsuk-error-summary") ? active : null;
    });
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
    WebElement summary = wait.until(d -> {
      WebElement active = focused();
      return active.getAttribute("class").contains("nhsuk-error-summary") ? active : null;
    });
    assertThat(summary.getText()).contains("The user name or password is wrong.");
    press(Keys.TAB);
    press(Keys.ENTER);
    wait.until(d -> "username".equals(focused().getAttribute("id")));
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
