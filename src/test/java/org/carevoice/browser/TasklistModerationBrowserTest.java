package org.carevoice.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The lifecycle in a real browser: a member of the public tells a story on the public site, a
 * moderator signs in to Camunda Tasklist, claims the task and completes the Camunda Form; the
 * author follows the private link; the story appears on the public list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TasklistModerationBrowserTest {

  private static final Pattern PRIVATE_LINK = Pattern.compile("(/my-story/[A-Za-z0-9_-]{43})");

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  ChromeDriver driver;
  WebDriverWait wait;
  String testName;

  @BeforeEach
  void startBrowser(TestInfo info) throws Exception {
    driver = Browser.start();
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      Browser.screenshot(driver, testName);
      driver.quit();
    }
  }

  @Test
  void moderatorApprovesInTasklist_storyAppearsOnPublicList() {
    String title = "Browser walk: a calm and caring ward";
    String reference = tellStory(title);
    runSavePoints();

    signInToTasklist("morag");
    openAndClaim("Moderate story", reference);
    assertThat(fieldValue("Story")).contains("Everyone on the ward was calm");
    chooseRadio("Publish the story");
    chooseOption("How critical is the story?", "2 - mildly critical");
    complete(reference);

    driver.get(url("/stories"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(title);
    driver.findElement(By.linkText(title)).click();
    assertThat(driver.findElement(By.cssSelector("main .nhsuk-caption-m")).getText()).isEqualTo(reference);
  }

  @Test
  void moderatorAsksForChanges_authorEditsThroughThePrivateLink_thenApproved() {
    String reference = tellStory("Browser walk: please change me");
    runSavePoints();

    signInToTasklist("morag");
    openAndClaim("Moderate story", reference);
    chooseRadio("Ask the author for changes");
    chooseOption("How critical is the story?", "1 - minimally critical");
    typeInto("Message to the author", "Please say which ward this was, without naming the staff.");
    complete(reference);

    driver.get(url(privateLinkFromEmail(reference)));
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("We need you to change your story").contains("Please say which ward this was");
    WebElement body = driver.findElement(By.id("edit-body"));
    body.sendKeys(" It was Ward 15.");
    driver.findElement(By.xpath("//button[normalize-space(.)='Send my changed story']")).click();
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".nhsuk-notification-banner")))
        .getText()).contains("back with the moderators");
    runSavePoints();

    driver.manage().deleteAllCookies();
    signInToTasklist("iain");
    openAndClaim("Moderate story", reference);
    assertThat(fieldValue("Story")).contains("It was Ward 15.");
    chooseRadio("Publish the story");
    chooseOption("How critical is the story?", "1 - minimally critical");
    complete(reference);

    driver.get(url("/stories/" + reference));
    assertThat(driver.findElement(By.cssSelector("main .cv-story-text")).getText()).contains("It was Ward 15.");
  }

  @Test
  void safeguardingLeadAndSecondModerator_useTheirFormsInTasklist() {
    String reference = tellStory("Browser walk: worried about my dad",
        "Dr Fraser was kind to my dad on the ward, but at home he is not safe at home with his carer and "
            + "nobody seems to listen to us about it.");
    runSavePoints();

    signInToTasklist("morag");
    openAndClaim("Moderate story", reference);
    assertThat(fieldValue("Screening signals")).contains("possible safeguarding concern");
    assertThat(fieldValue("Personal identifiers found")).contains("Dr Fraser");
    chooseRadio("Publish the story");
    chooseOption("How critical is the story?", "3 - moderately critical");
    complete(reference);

    driver.manage().deleteAllCookies();
    signInToTasklist("iain");
    openAndClaim("Confirm anonymisation", reference);
    assertThat(fieldValue("Text to publish")).contains("the doctor was kind to my dad");
    chooseRadio("Confirm this text for publication");
    complete(reference);

    driver.manage().deleteAllCookies();
    signInToTasklist("shona");
    openAndClaim("Review safeguarding concern", reference);
    assertThat(fieldValue("Story")).contains("not safe at home");
    chooseRadio("Contact made with the author or services: it may be published");
    complete(reference);

    driver.get(url("/stories/" + reference));
    assertThat(driver.findElement(By.cssSelector("main .cv-story-text")).getText()).contains("the doctor was kind")
        .doesNotContain("Fraser");
  }

  @Test
  void staffFollowTheAlertLink_signInRespond_andTheResponseIsPublishedAndTheAuthorEmailed() {
    String reference = tellStory("Browser walk: the emergency department at night",
        "We came into the emergency department at two in the morning. The staff were kind but we waited "
            + "five hours without an update on what was happening to my dad.");
    runSavePoints();
    signInToTasklist("morag");
    openAndClaim("Moderate story", reference);
    chooseRadio("Publish the story");
    chooseOption("How critical is the story?", "3 - moderately critical");
    complete(reference);

    String alert = jdbc.queryForObject("select text_body from outbox_message where template = 'story-alert'"
        + " and recipient = 'craig@demo.carevoice.local' and text_body like ? order by id desc limit 1", String.class,
        "%" + reference + "%");
    Matcher link = Pattern.compile("(/staff/stories/[A-Z0-9-]+/respond)").matcher(alert);
    assertThat(link.find()).isTrue();
    driver.manage().deleteAllCookies();
    driver.get(url(link.group(1)));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("craig");
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("main form button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("response"))).sendKeys(
        "Thank you for telling us. We are sorry nobody kept you informed; our nurses now give updates every hour.");
    driver.findElement(By.id("responderName")).sendKeys("Craig Wilson");
    driver.findElement(By.id("responderRole")).sendKeys("Charge Nurse, Emergency Department");
    driver.findElement(By.cssSelector("label[for='change-made']")).click();
    driver.findElement(By.id("changeDescription")).sendKeys("Hourly updates in the waiting room.");
    driver.findElement(By.xpath("//button[normalize-space(.)='Send the response']")).click();
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".nhsuk-panel"))).getText())
        .contains("Thank you");
    runSavePoints();

    driver.manage().deleteAllCookies();
    signInToTasklist("morag");
    openAndClaim("Moderate response", reference);
    assertThat(fieldValue("Response")).contains("updates every hour");
    chooseRadio("Publish the response");
    complete(reference);

    driver.get(url("/stories/" + reference));
    assertThat(driver.findElement(By.cssSelector("section[aria-labelledby='responses-heading']")).getText()).contains("Craig Wilson")
        .contains("Charge Nurse, Emergency Department").contains("updates every hour");
    assertThat(jdbc.queryForObject("select count(*) from outbox_message where about = ? and template = 'response-published'",
        Integer.class, reference)).isEqualTo(1);
  }

  @Test
  void tasklistShowsTheListenersRefusal_andStopsATooLongTitleInTheBrowser() {
    String reference = tellStory("Browser walk: refused, then too long");
    runSavePoints();

    signInToTasklist("morag");
    openAndClaim("Moderate story", reference);
    chooseRadio("Ask the author for changes");
    chooseOption("How critical is the story?", "1 - minimally critical");
    clickComplete();
    // Refused on the server (no message for the author): Tasklist shows the listener's words.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Write a message telling the author what to change."));
    assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("ENGINE-").doesNotContain("SQL");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);

    // Stopped in the browser: the form field has the column's limit, and Complete is disabled.
    typeInto("Title", "x".repeat(org.carevoice.story.Story.TITLE_MAX));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Field must have maximum length of " + org.carevoice.story.Story.TITLE_MAX + "."));
    assertThat(driver.findElement(By.xpath("//button[normalize-space(.)='Complete']")).isEnabled()).isFalse();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select title from story where reference = ?", String.class, reference))
        .isEqualTo("Browser walk: refused, then too long");
  }

  private String tellStory(String title) {
    return tellStory(title, "Everyone on the ward was calm and caring during my stay after "
        + "my hip operation. The physiotherapists had me walking the next day.");
  }

  /**
   * Tells the story through every step of the form, as a member of the public does: the service
   * found with the picker's search (filtered as they type), then who and when, what happened,
   * what stood out, name and email, check your answers and send.
   */
  private String tellStory(String title, String text) {
    driver.get(url("/tell-your-story"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("This is not a helpline");
    driver.findElement(By.linkText("Start now")).click();

    boolean emergency = title.contains("emergency department");
    WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("service-search")));
    search.sendKeys(emergency ? "hairmyres emergency" : "ward 15");
    wait.until(ExpectedConditions.textToBe(By.id("service-search-status"), "1 service matches your search."));
    WebElement service = driver.findElements(By.cssSelector("#service-list .nhsuk-radios__item")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElseThrow();
    assertThat(service.getText()).isEqualTo(emergency ? "Emergency Department" : "Ward 15 (Orthopaedics)");
    service.findElement(By.tagName("label")).click();
    continueButton().click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("label[for='relationship']"))).click();
    YearMonth last = YearMonth.now().minusMonths(1);
    driver.findElement(By.id("happenedMonth")).sendKeys(String.valueOf(last.getMonthValue()));
    driver.findElement(By.id("happenedYear")).sendKeys(String.valueOf(last.getYear()));
    continueButton().click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("body"))).sendKeys(text);
    assertThat(driver.findElement(By.cssSelector(".nhsuk-character-count__status")).getText()).contains("words remaining");
    driver.findElement(By.id("title")).sendKeys(title);
    continueButton().click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("label[for='tags']"))).click();
    continueButton().click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pseudonym"))).sendKeys("Browser tester");
    driver.findElement(By.id("email")).sendKeys("browser.tester@example.org");
    continueButton().click();

    WebElement answers = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".nhsuk-summary-list")));
    assertThat(answers.getText()).contains(title).contains("Kind staff").contains("browser.tester@example.org");
    driver.findElement(By.cssSelector("label[for='consent']")).click();
    driver.findElement(By.xpath("//button[normalize-space(.)='Send my story']")).click();
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("story-reference"))).getText();
  }

  private WebElement continueButton() {
    return driver.findElement(By.xpath("//main//button[normalize-space(.)='Continue']"));
  }

  private void signInToTasklist(String user) {
    driver.get(url("/camunda/app/tasklist/default/"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    driver.findElement(By.cssSelector("button[type='submit']")).click();
  }

  /**
   * Opens this story's task as the links in staff emails do ({@code #/?task=<id>}): with tasks
   * sorted by priority, then due date, another test's story may come first in the list.
   */
  private void openAndClaim(String taskName, String reference) {
    String taskId = wait.until(d -> taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskNameLike(taskName + "%").list().stream().findFirst().map(org.camunda.bpm.engine.task.Task::getId)
        .orElse(null));
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), reference));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
  }


  private WebElement field(String label) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//div[contains(@class,'fjs-form-field')][.//label[normalize-space(.)='" + label + "' or normalize-space(.)='"
            + label + "*']]")));
  }

  private String fieldValue(String label) {
    return field(label).findElement(By.cssSelector("textarea, input")).getDomProperty("value");
  }

  private void typeInto(String label, String text) {
    WebElement input = field(label).findElement(By.cssSelector("textarea, input"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
    input.sendKeys(text);
  }

  private void chooseRadio(String label) {
    WebElement option = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)='" + label + "']")));
    // Tasklist's fixed footer can cover the lower part of a long form: click through the script.
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", option);
  }

  /** form-js renders its select as a dropdown of its own, not a native select. */
  private void chooseOption(String label, String option) {
    WebElement input = field(label).findElement(By.cssSelector(".fjs-input-group, input, select"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
    try {
      input.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException e) {
      // The form may still be laying itself out under the pointer: click the field itself.
      driver.executeScript("arguments[0].click();", input);
    }
    WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + option + "']")));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", item);
    new Actions(driver).moveToElement(item).click().perform();
  }

  private void clickComplete() {
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space(.)='Complete']")));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
  }

  /** Completes the claimed task's form and waits until the engine has completed the task. */
  private void complete(String reference) {
    // The story's case and its service cases share the reference as business key. Tasklist's
    // claim request may still be on its way: wait until the task is assigned.
    wait.until(d -> taskService.createTaskQuery().processInstanceBusinessKey(reference).taskAssigned().count() == 1);
    String claimed = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskAssigned().singleResult()
        .getId();
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space(.)='Complete']")));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
    wait.until(d -> taskService.createTaskQuery().taskId(claimed).count() == 0);
    runSavePoints();
  }

  private String privateLinkFromEmail(String reference) {
    List<String> texts = jdbc.queryForList(
        "select text_body from outbox_message where about = ? and template = 'story-changes-requested'", String.class,
        reference);
    Matcher matcher = PRIVATE_LINK.matcher(texts.get(0));
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  /** The job executor is off in tests: run the save points until the case waits for a person. */
  private void runSavePoints() {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = managementService.createJobQuery().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
