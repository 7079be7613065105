package org.carevoice.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * /staff/stories/new in headless Chromium: a member of staff enters a paper story step by step,
 * each step first sent empty or wrong; axe-core finds no violation on any page, its error state or
 * the confirmation with the private link, at desktop width and at 375 px. Shares the Spring context
 * of {@link AccessibilityBrowserTest} (same configuration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffStoryEntryBrowserTest extends OneBrowserPerClass {

  StaffStoryEntryBrowserTest() {
    super("entry-");
  }

  private static final String NOBODY = "entry-browser-nobody";
  private static final String BODY = "I phoned to say how kind the night staff on the ward were to my father. "
      + "They explained every change in his care and made sure we could sit with him.";

  @LocalServerPort int port;
  @Autowired IdentityService identity;


  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1400, 375})
  void everyStep_itsErrors_andTheConfirmation_haveNoViolations(int width) {
    signIn("craig");
    driver.manage().window().setSize(width == 375 ? MOBILE : DESKTOP);
    String at = " at " + width + " px";

    open("/staff/stories/new", "Enter a story taken by phone or on paper");
    if (width == 375) {
      assertThat(((Number) driver.executeScript("return window.innerWidth")).intValue()).isLessThanOrEqualTo(400);
    }
    check("how it was taken" + at);
    continueWithErrors("how it was taken, with errors" + at);
    driver.findElement(By.id("channel-PAPER")).click();
    next("Which service is the story about?");

    check("service" + at);
    continueWithErrors("service, with errors" + at);
    driver.findElement(By.id("serviceId")).click();
    next("Who is the author in this story?");

    check("who and when" + at);
    continueWithErrors("who and when, with errors" + at);
    YearMonth last = YearMonth.now().minusMonths(1);
    driver.findElement(By.id("relationship-RELATIVE")).click();
    type("happenedMonth", String.valueOf(last.getMonthValue()));
    type("happenedYear", String.valueOf(last.getYear()));
    next("What happened?");

    check("what happened" + at);
    continueWithErrors("what happened, with errors" + at);
    type("body", BODY);
    type("title", "Kind night staff");
    next("What stood out for the author?");

    check("what stood out" + at);
    driver.findElement(By.id("tags")).click();
    next("The author's name and email address");

    check("name and email" + at);
    type("email", "not an address");
    continueWithErrors("name and email, with errors" + at);
    type("pseudonym", "Caller from Blantyre");
    type("email", "");
    next("Check the answers before sending the story");

    check("check answers" + at);
    assertThat(main()).contains("On paper, in a form or a letter").contains("Not given: the author will get no emails");
    driver.findElement(By.cssSelector("main form button[type='submit']")).click();
    waitForErrors("check answers, with errors" + at);
    driver.findElement(By.id("consent")).click();
    next("Story entered");

    check("confirmation" + at);
    String reference = driver.findElement(By.id("story-reference")).getText();
    String link = driver.findElement(By.id("private-link")).getText();
    assertThat(reference).matches("CV-\\d{4}-\\d{6}");
    assertThat(link).contains("/my-story/");
    assertThat(driver.getCurrentUrl()).endsWith("/staff/stories/new/entered").doesNotContain(reference);
    assertThat(main()).contains("The author gave no email address");
  }

  @Test
  void aUserInNoStaffGroup_seesAPlainPageWithoutViolations() {
    org.carevoice.story.TestStories.ensureUserInNoGroup(identity, NOBODY);
    signIn(NOBODY);
    open("/staff/stories/new", "You cannot enter stories for their authors");
    check("not allowed at desktop width");
    driver.manage().window().setSize(MOBILE);
    open("/staff/stories/new", "You cannot enter stories for their authors");
    check("not allowed at 375 px");
  }

  private void signIn(String user) {
    open("/login", "Staff sign in");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("main form button[type='submit']")).click();
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
  }

  /** Sends the page as it is; it comes back with the NHS.UK error pattern and no violation. */
  private void continueWithErrors(String page) {
    driver.findElement(By.cssSelector("main form[method='post'] button[type='submit']")).click();
    waitForErrors(page);
  }

  private void waitForErrors(String page) {
    wait.until(d -> d.getTitle().startsWith("Error: "));
    waitForScripts();
    assertThat(driver.findElement(By.cssSelector(".nhsuk-error-summary")).getText()).startsWith("There is a problem");
    check(page);
  }

  private void next(String heading) {
    driver.findElement(By.cssSelector("main form[method='post'] button[type='submit']")).click();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains(heading)
        && !d.getTitle().startsWith("Error: "));
    waitForScripts();
  }

  private void type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private void check(String page) {
    assertThat(main()).doesNotContain("??");
    Axe.assertNoViolations(driver, "staff entry, " + page);
  }

  private String main() {
    return driver.findElement(By.tagName("main")).getText();
  }

  private void open(String path, String heading) {
    driver.get("http://localhost:" + port + path);
    waitForScripts();
    if (heading != null) {
      assertThat(driver.findElement(By.tagName("h1")).getText()).contains(heading);
    }
  }

  private void waitForScripts() {
    wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
        "return document.readyState === 'complete' && document.body.classList.contains('js-enabled')")));
  }
}
