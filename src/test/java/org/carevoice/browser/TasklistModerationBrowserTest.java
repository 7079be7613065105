package org.carevoice.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole slice in a real browser: a member of the public tells a story on the public site, a
 * moderator signs in to Camunda Tasklist, claims the task, completes the Camunda Form with
 * "Publish", and the story appears on the public list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TasklistModerationBrowserTest {

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;

  ChromeDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    driver = Browser.start();
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      Browser.screenshot(driver, getClass().getSimpleName());
      driver.quit();
    }
  }

  @Test
  void moderatorApprovesInTasklist_storyAppearsOnPublicList() {
    String title = "Browser walk: a calm and caring ward";
    String reference = tellStory(title);
    runJobs();

    driver.get(url("/camunda/app/tasklist/default/"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys("morag");
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    driver.findElement(By.cssSelector("button[type='submit']")).click();

    WebElement task = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(normalize-space(.),'Moderate story')]")));
    task.click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")))
        .click();

    WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[contains(@class,'fjs-container')]//label[normalize-space(.)='Publish the story']")));
    assertThat(driver.findElement(By.cssSelector(".fjs-container textarea")).getDomProperty("value"))
        .contains("Everyone on the ward was calm");
    approve.click();
    chooseCriticality("2 - mildly critical");

    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))).click();
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    wait.until(driver -> managementService.createJobQuery().processInstanceId(instanceId).count() > 0);
    runJobs();

    driver.get(url("/stories"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains(title);
    driver.findElement(By.linkText(title)).click();
    assertThat(driver.findElement(By.cssSelector(".reference")).getText()).isEqualTo(reference);
  }

  private String tellStory(String title) {
    driver.get(url("/tell-your-story"));
    new Select(driver.findElement(By.id("serviceId"))).selectByVisibleText("Ward 15 (Orthopaedics)");
    driver.findElement(By.cssSelector("label[for='relationship']")).click();
    YearMonth last = YearMonth.now().minusMonths(1);
    new Select(driver.findElement(By.id("happenedMonth"))).selectByValue(String.valueOf(last.getMonthValue()));
    new Select(driver.findElement(By.id("happenedYear"))).selectByValue(String.valueOf(last.getYear()));
    driver.findElement(By.id("title")).sendKeys(title);
    driver.findElement(By.id("body")).sendKeys("Everyone on the ward was calm and caring during my stay after "
        + "my hip operation. The physiotherapists had me walking the next day.");
    driver.findElement(By.id("pseudonym")).sendKeys("Browser tester");
    driver.findElement(By.id("email")).sendKeys("browser.tester@example.org");
    driver.findElement(By.cssSelector("label[for='consent']")).click();
    driver.findElement(By.cssSelector("form button[type='submit']")).click();
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".panel__reference"))).getText();
  }

  /** form-js renders its select as a searchable dropdown, not a native select. */
  private void chooseCriticality(String label) {
    WebElement field = driver.findElement(By.xpath(
        "//div[contains(@class,'fjs-form-field')][.//label[contains(normalize-space(.),'How critical')]]"));
    WebElement input = field.findElement(By.cssSelector(".fjs-input-group, input, select"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
    input.click();
    WebElement option = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']")));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", option);
    new Actions(driver).moveToElement(option).click().perform();
  }

  private void runJobs() {
    for (Job job : managementService.createJobQuery().active().list()) {
      if (job.getProcessInstanceId() != null) {
        managementService.executeJob(job.getId());
      }
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
