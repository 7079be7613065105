package org.carevoice.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.response.ServiceResponse;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.StoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The staff pages in headless Chromium, signed in through the sign-in page as each role: axe-core
 * finds no violation at desktop width and at 375 px, and every staff page this feature serves is
 * reached by following links from the staff home (breadth-first, same origin, GET only).
 *
 * <p>Shares the Spring context of {@link AccessibilityBrowserTest} (same configuration). Its cases
 * are driven here with the engine's services: the job executor is off in tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPagesBrowserTest extends OneBrowserPerClass {

  StaffPagesBrowserTest() {
    super("staff-");
  }


  /**
   * Every staff page this feature serves, as an address pattern ({ref}: a story's reference). A
   * page added without a link from the staff home (or the pages it links) fails the crawl test.
   */
  static final Set<String> STAFF_PAGES = Set.of(
      "/staff",
      "/staff/stories/{ref}",
      "/staff/stories/{ref}/changes",
      "/staff/stories/{ref}/respond",
      "/staff/stories/{ref}/celebrate",
      "/staff/subscriptions",
      "/staff/safeguarding/{ref}",
      "/staff/stories/new",
      "/staff/reports",
      "/staff/reports.csv",
      "/staff/reports/overdue",
      "/staff/reports/overdue.csv",
      "/staff/data-protection",
      "/staff/data-protection/access-log");


  static final List<String> ROLES = List.of("morag", "fiona", "craig", "graham", "shona", "patricia", "dana", "admin");

  @LocalServerPort int port;
  @Autowired StoryService stories;
  @Autowired OrganisationService organisation;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;

  /** Published, about Hairmyres ED, answered by craig's team and open to answer again. */
  String answered;
  /** Published about Hairmyres ED, waiting for the team's response. */
  String unanswered;
  /** Flagged at screening: waiting for the safeguarding lead. */
  String concern;
  /** Told with the address the data-protection test searches for. */
  String dataProtectionStory;

  @BeforeAll
  void setUp() throws Exception {
    Long ed = organisation.findBySlug("hairmyres-emergency-department").orElseThrow().getId();
    answered = submit(ed, "Answered, for the staff pages test", "Anne from Hamilton");
    unanswered = submit(ed, "Waiting for the team, for the staff pages test", "Bill from Wishaw");
    concern = stories.submit(new NewStory("Worried about my dad at home", "My dad is not safe at home. His carer "
        + "hits him when nobody is there. Please help, the staff were kind but nobody listened to us.",
        "Anne from Hamilton", "anne.staffpages@example.org", Relationship.RELATIVE, YearMonth.now().atDay(1),
        List.of(ed), Channel.WEB)).reference();
    dataProtectionStory = stories.submit(new NewStory("For the data-protection pages test", "The ward was calm and the "
        + "staff explained each step of the treatment to my mother and to me, which we both appreciated a lot.",
        "Staff Pages Author", "staff.pages.author@example.org", Relationship.RELATIVE, YearMonth.now().atDay(1),
        List.of(ed), Channel.WEB)).reference();
    runJobs();
    complete(StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, answered, "morag",
        Map.of("decision", "approve", "criticality", "2"));
    complete(StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, unanswered, "morag",
        Map.of("decision", "approve", "criticality", "2"));
    complete(ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY, answered, "craig", Map.of(
        "privateResponse", "Thank you for telling us. We now give updates every hour in the waiting room.",
        "privateResponderName", "Craig Wilson", "privateResponderRole", "Charge Nurse", "change", "none"));
    complete(ServiceResponse.Elements.USER_TASK_MODERATE_RESPONSE, answered, "morag", Map.of("responseDecision", "approve"));
  }

  // ---------------------------------------------------------------------------------------------
  // axe-core

  @ParameterizedTest(name = "staff home of {0}")
  @ValueSource(strings = {"morag", "fiona", "craig", "graham", "shona", "patricia", "dana", "admin"})
  void staffHome_hasNoViolations_forEachRole_atBothWidths(String user) {
    signIn(user);
    assertThat(driver.getCurrentUrl()).as("sign-in lands on the staff home").endsWith("/staff");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staff home");
    assertThat(driver.findElement(By.id("nav-sign-out")).getText()).isEqualTo("Sign out");
    Axe.assertNoViolations(driver, "staff home of " + user + " at desktop width");
    driver.manage().window().setSize(MOBILE);
    open("/staff", "Staff home");
    Axe.assertNoViolations(driver, "staff home of " + user + " at mobile width");
  }

  Stream<Arguments> staffPages() {
    return Stream.of(
        Arguments.of("craig", "/staff/stories/" + answered, "Answered, for the staff pages test"),
        Arguments.of("graham", "/staff/stories/" + unanswered, "Waiting for the team"),
        Arguments.of("craig", "/staff/stories/" + answered + "/changes", "Report a change planned or made"),
        Arguments.of("fiona", "/staff/stories/" + answered + "/changes", "Report a change planned or made"),
        Arguments.of("craig", "/staff/stories/" + unanswered + "/respond", "Waiting for the team"),
        Arguments.of("craig", "/staff/stories/" + answered + "/celebrate", "Answered, for the staff pages test"),
        Arguments.of("craig", "/staff/subscriptions", "Your story alerts"),
        Arguments.of("shona", "/staff/safeguarding/" + concern, "Possible safeguarding concern"),
        Arguments.of("dana", "/staff/data-protection", "Data protection"),
        Arguments.of("dana", "/staff/data-protection/access-log", "Access log"),
        Arguments.of("morag", "/staff/stories/" + answered, "You cannot open the staff view"));
  }

  @ParameterizedTest(name = "{1} as {0}")
  @MethodSource("staffPages")
  void staffPage_hasNoViolations_atBothWidths(String user, String path, String heading) {
    signIn(user);
    open(path, heading);
    Axe.assertNoViolations(driver, path + " as " + user + " at desktop width");
    driver.manage().window().setSize(MOBILE);
    open(path, heading);
    Axe.assertNoViolations(driver, path + " as " + user + " at mobile width");
  }

  @Test
  void changePage_withErrors_focusesTheSummary_andHasNoViolations() {
    signIn("craig");
    open("/staff/stories/" + answered + "/changes", "Report a change planned or made");
    driver.findElement(By.cssSelector("main form button[type='submit']")).click();
    wait.until(d -> d.getTitle().startsWith("Error: "));
    wait.until(d -> d.switchTo().activeElement().getAttribute("class").contains("nhsuk-error-summary"));
    assertThat(driver.findElement(By.className("nhsuk-error-summary")).getText())
        .contains("Choose the response the update is about").contains("Choose whether the change is planned or made")
        .contains("Describe the change");
    Axe.assertNoViolations(driver, "change page with errors at desktop width");
    driver.manage().window().setSize(MOBILE);
    Axe.assertNoViolations(driver, "change page with errors at mobile width");
  }

  @Test
  void dataProtectionPages_searchErrorResultsAndErasureConfirmation_haveNoViolations() {
    signIn("dana");
    open("/staff/data-protection", "Data protection");
    driver.findElement(By.cssSelector("main form button[type='submit']")).click();
    wait.until(d -> d.getTitle().startsWith("Error: "));
    wait.until(d -> d.switchTo().activeElement().getAttribute("class").contains("nhsuk-error-summary"));
    Axe.assertNoViolations(driver, "data protection search with an error");
    driver.findElement(By.id("email")).sendKeys("staff.pages.author@example.org");
    driver.findElement(By.cssSelector("main form button[type='submit']")).click();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("What we hold about this address"));
    waitForPage();
    assertThat(driver.findElement(By.id("stories")).getText()).contains(dataProtectionStory);
    Axe.assertNoViolations(driver, "data protection results at desktop width");
    driver.manage().window().setSize(MOBILE);
    Axe.assertNoViolations(driver, "data protection results at mobile width");
    driver.findElement(By.cssSelector("main form button.nhsuk-button--warning")).click();
    wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("Are you sure"));
    waitForPage();
    Axe.assertNoViolations(driver, "erasure confirmation at mobile width");
  }

  @Test
  void signInPages_haveNoViolations_andSigningOutSignsOutOfTheWebappsToo() {
    open("/login", "Staff sign in");
    Axe.assertNoViolations(driver, "sign-in page");
    signIn("graham");
    // One sign-in: the webapps know graham without asking.
    assertThat(webappUser()).isEqualTo("graham");
    driver.findElement(By.id("nav-sign-out")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/login?signedOut"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("You have signed out");
    Axe.assertNoViolations(driver, "signed-out page");
    driver.manage().window().setSize(MOBILE);
    Axe.assertNoViolations(driver, "signed-out page at mobile width");
    assertThat(webappUser()).isNull();
    driver.get(url("/staff"));
    wait.until(d -> d.getCurrentUrl().endsWith("/login"));
  }

  // ---------------------------------------------------------------------------------------------
  // Every staff page is reached by links from the staff home

  @Test
  void everyStaffPage_isReachedByLinksFromTheStaffHome() throws Exception {
    Set<String> reached = new TreeSet<>();
    Map<String, String> failures = new LinkedHashMap<>();
    for (String user : ROLES) {
      crawl(user, reached, failures);
    }
    assertThat(failures).as("every link followed answers 200").isEmpty();
    assertThat(reached).as("staff pages reached from the staff home").containsAll(STAFF_PAGES);
    assertThat(reached).as("no staff page outside the list").isSubsetOf(STAFF_PAGES);
  }

  /** Breadth-first from /staff as this user: GET, same origin; pages under /staff are followed further. */
  private void crawl(String user, Set<String> reached, Map<String, String> failures) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    httpSignIn(http, user);
    Deque<String> queue = new ArrayDeque<>(List.of("/staff"));
    Set<String> seen = new LinkedHashSet<>(queue);
    Map<String, Integer> perPattern = new HashMap<>();
    while (!queue.isEmpty()) {
      String path = queue.removeFirst();
      String pattern = pattern(path);
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (page.statusCode() != 200) {
        failures.put(user + " " + path, "HTTP " + page.statusCode());
        continue;
      }
      if (!path.startsWith("/staff")) {
        continue;
      }
      reached.add(pattern);
      Matcher links = Pattern.compile("<a [^>]*href=\"([^\"#]*)[^\"]*\"").matcher(page.body());
      while (links.find()) {
        String link = links.group(1).replace("&amp;", "&");
        if (link.isEmpty() || link.startsWith("http") || link.startsWith("mailto:") || link.startsWith("/camunda/")
            || link.startsWith("/v3/") || link.startsWith("/nhsuk/") || link.startsWith("/assets/")) {
          continue;
        }
        String linkPattern = pattern(link);
        // A few addresses of each kind are enough: the stories listed are alike.
        if (seen.add(link) && perPattern.merge(linkPattern, 1, Integer::sum) <= 3) {
          queue.addLast(link);
        }
      }
    }
  }

  private static String pattern(String path) {
    String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return withoutQuery.replaceAll("CV-\\d{4}-\\d{6}", "{ref}");
  }


  // ---------------------------------------------------------------------------------------------
  // Helpers

  private void signIn(String user) {
    open("/login", "Staff sign in");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(user.equals("admin") ? "admin" : "demo");
    driver.findElement(By.cssSelector("main form button[type='submit']")).click();
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
    waitForPage();
  }

  private void httpSignIn(HttpClient http, String user) throws Exception {
    String login = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
    String form = "username=" + user + "&password=" + (user.equals("admin") ? "admin" : "demo") + "&_csrf="
        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.headers().firstValue("Location")).as("%s lands on the staff home", user)
        .hasValueSatisfying(location -> assertThat(location).endsWith("/staff"));
  }

  /** Who the Camunda webapps' own API says is signed in, in this browser; null when nobody. */
  private String webappUser() {
    Object user = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin'})
          .then(r => r.ok ? r.json().then(j => done(j.userId)) : done(null)).catch(() => done(null));
        """);
    return (String) user;
  }

  private void open(String path, String heading) {
    driver.get(url(path));
    waitForPage();
    if (heading != null) {
      assertThat(driver.findElement(By.tagName("h1")).getText()).contains(heading);
    }
  }

  private void waitForPage() {
    wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
        "return document.readyState === 'complete' && document.body.classList.contains('js-enabled')")));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private String submit(Long service, String title, String pseudonym) {
    return stories.submit(new NewStory(title, "I came to the emergency department with chest pain. The triage nurse "
        + "was kind and quick, but nobody told us how long the wait would be.", pseudonym,
        pseudonym.toLowerCase().replace(' ', '.') + "@example.org", Relationship.PATIENT, YearMonth.now().atDay(1),
        List.of(service), Channel.WEB)).reference();
  }

  /** Runs every due save point, as the job executor would. */
  private void runJobs() {
    for (int round = 0; round < 30; round++) {
      List<Job> jobs = management.createJobQuery().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** Claims and completes the story's open task of this kind as the user, as Tasklist would. */
  private void complete(String taskKey, String reference, String user, Map<String, Object> values) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey + " of " + reference).isNotNull();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId())
        .toList());
    try {
      tasks.claim(task.getId(), user);
      forms.submitTaskForm(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
    runJobs();
  }
}
