package org.carevoice.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.response.ServiceResponse;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.StoryService;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A service manager in the real Cockpit: graham (Hairmyres) signs in, opens "Service response",
 * sees his service's case, finds it among the overdue ones with one search, opens it and sees
 * where it waits and when its timers fall due; the Care at Home case of the same story is not
 * there for him. The pictures taken on the way illustrate docs/managers.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import({TestStories.class, CaseDriver.class})
class CockpitManagerBrowserTest {

  /**
   * docs/managers.md shows these: written there when run with {@code -Ddocs.screenshots=true}
   * (to refresh the pictures), otherwise under target/ so a build leaves the tracked files alone.
   */
  static final Path IMAGES = Boolean.getBoolean("docs.screenshots") ? Path.of("docs", "images")
      : Path.of("target", "screenshots", "docs");

  @LocalServerPort int port;
  @Autowired TestStories testStories;
  @Autowired StoryService stories;
  @Autowired CaseDriver cases;
  @Autowired RuntimeService runtimeService;

  ChromeDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    driver = Browser.start();
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      Browser.screenshot(driver, "cockpitManager");
      driver.quit();
    }
  }

  @Test
  void manager_followsHisServicesCaseAndItsOverdueMark_notAnotherServicesCase() throws Exception {
    Long ed = testStories.serviceId("hairmyres-emergency-department");
    Long careAtHome = testStories.serviceId("care-at-home-south-lanarkshire");
    String reference = stories.submit(new NewStory("Cockpit walk", "The emergency department and the care at home"
        + " team both looked after my dad this winter.", "Cockpit tester", "cockpit.walk@example.org",
        Relationship.RELATIVE, LocalDate.now().withDayOfMonth(1), List.of(ed, careAtHome), Channel.WEB)).reference();
    ProcessInstance story = cases.instance(reference);
    cases.runSavePoints(story);
    cases.submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "approve", "criticality", "2"));
    ProcessInstance edCase = null;
    ProcessInstance careCase = null;
    for (ProcessInstance serviceCase : cases.serviceCases(story)) {
      Object service = runtimeService.getVariable(serviceCase.getId(), ServiceResponse.Vars.SERVICE_ID.name());
      if (ed.equals(service)) {
        edCase = serviceCase;
      } else if (careAtHome.equals(service)) {
        careCase = serviceCase;
      }
    }
    assertThat(edCase).isNotNull();
    assertThat(careCase).isNotNull();
    cases.fireTimer(edCase, ServiceResponse.Elements.START_ESCALATION_DUE);
    cases.fireTimer(edCase, ServiceResponse.Elements.START_OVERDUE);

    driver.get(url("/camunda/app/cockpit/default/"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys("graham");
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Processes"));
    picture("cockpit-manager-dashboard");

    // Processes: the service-response definition is his to open (before: "No process definition ...").
    driver.get(url("/camunda/app/cockpit/default/#/processes"));
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='Service response']")));
    picture("cockpit-manager-processes");

    driver.get(url("/camunda/app/cockpit/default/#/process-definition/" + edCase.getProcessDefinitionId() + "/runtime"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href*='" + edCase.getId() + "']")));
    assertThat(driver.findElements(By.cssSelector("a[href*='" + careCase.getId() + "']"))).isEmpty();
    assertThat(driver.getPageSource()).contains(reference);
    picture("cockpit-manager-cases");

    // One search: the overdue ones (Cockpit keeps the search in the address, to bookmark).
    String overdue = "[{\"type\":\"variables\",\"operator\":\"eq\",\"value\":\"true\",\"name\":\"responseOverdue\"}]";
    driver.get(url("/camunda/app/cockpit/default/#/process-definition/" + edCase.getProcessDefinitionId()
        + "/runtime?searchQuery=" + URLEncoder.encode(overdue, StandardCharsets.UTF_8).replace("+", "%20")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href*='" + edCase.getId() + "']")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "responseOverdue"));
    assertThat(driver.findElements(By.cssSelector("a[href*='" + careCase.getId() + "']"))).isEmpty();
    picture("cockpit-manager-overdue");

    // The case: where it waits (his "Unanswered story", the response being moderated) and its timers.
    driver.get(url("/camunda/app/cockpit/default/#/process-instance/" + edCase.getId() + "/runtime"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Unanswered story"));
    picture("cockpit-manager-case");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='Jobs']"))).click();
    // One row per timer still waiting, with its due date (escalation and overdue have fired).
    wait.until(ExpectedConditions.or(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("td.dueDate")),
        ExpectedConditions.presenceOfElementLocated(By.xpath("//table//td[contains(normalize-space(.),'Response due')]"))));
    picture("cockpit-manager-case-timers");
    assertThat(driver.getPageSource()).doesNotContain("displayText").doesNotContain("privateResponse");
  }

  private void picture(String name) throws Exception {
    Files.createDirectories(IMAGES);
    Files.write(IMAGES.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
