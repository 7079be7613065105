package org.carevoice.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.StoryService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A moderator's work on a running application over real HTTP: the engine REST API with HTTP
 * Basic (as an engine-rest client would) and the webapps' engine API with a Tasklist sign-in (as
 * Tasklist does). Stories are told through the same service as the public site; the save points
 * run explicitly (the job executor is off in tests).
 */
final class TasksOverHttp {

  static final String BODY = "I was seen in the emergency department late at night. The nurse who triaged me "
      + "explained everything and the wait was shorter than I expected. Thank you to the whole team.";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final ApplicationContext app;
  private final HttpClient http = HttpClient.newHttpClient();

  TasksOverHttp(int port, ApplicationContext app) {
    this.baseUrl = "http://localhost:" + port;
    this.app = app;
  }

  /** Tells a story and runs its save points: it then waits at "Moderate story". */
  String storyAtModeration(String title) {
    return storyAtModeration(title, BODY);
  }

  String storyAtModeration(String title, String body) {
    return storyAtModeration(title, body, Channel.WEB);
  }

  /** A story that came this way (PHONE and PAPER as staff enter them), waiting at "Moderate story". */
  String storyAtModeration(String title, String body, Channel channel) {
    OrganisationService organisation = app.getBean(OrganisationService.class);
    Long service = organisation.findBySlug("hairmyres-emergency-department").orElseThrow().getId();
    String reference = app.getBean(StoryService.class).submit(new NewStory(title, body, "Tester from Larkhall",
        "limits.author@example.org", Relationship.PATIENT, LocalDate.now().withDayOfMonth(1), List.of(service),
        channel)).reference();
    runSavePoints(reference);
    return reference;
  }

  /** The open task of the story's case with this definition key, or null. */
  Task openTask(String reference, String taskKey) {
    return app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(taskKey).singleResult();
  }

  void runSavePoints(String reference) {
    ProcessInstance instance = app.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processDefinitionKey(StoryLifecycle.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
    ManagementService management = app.getBean(ManagementService.class);
    for (int round = 0; round < 20 && instance != null; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  Map<String, Object> story(String reference) {
    return app.getBean(JdbcTemplate.class).queryForMap(
        "select title, body, moderator_message, status from story where reference = ?", reference);
  }

  /** The length the database allows in a column (PostgreSQL and H2 alike). */
  int columnLength(String table, String column) {
    return app.getBean(JdbcTemplate.class).queryForObject("select character_maximum_length from information_schema.columns"
        + " where lower(table_name) = ? and lower(column_name) = ?", Integer.class, table, column);
  }

  /** POST /engine-rest/task/{id}/claim as user:demo. */
  HttpResponse<String> claim(String taskId, String user) throws Exception {
    return post("/engine-rest/task/" + taskId + "/claim", basic(user), JSON.writeValueAsString(Map.of("userId", user)));
  }

  /** POST /engine-rest/task/{id}/claim, then /submit-form with these String variables, as user:demo. */
  HttpResponse<String> claimAndSubmitOverEngineRest(String taskId, String user, Map<String, String> values)
      throws Exception {
    HttpResponse<String> claim = claim(taskId, user);
    if (claim.statusCode() != 204) {
      throw new IllegalStateException("Claim refused: " + claim.statusCode() + " " + claim.body());
    }
    return post("/engine-rest/task/" + taskId + "/submit-form", basic(user), variables(values));
  }

  /** Signs in to Tasklist and submits the form through the webapps' engine API, as Tasklist does. */
  HttpResponse<String> claimAndSubmitInTasklist(String taskId, String user, Map<String, String> values)
      throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    // The first page sets the CSRF token that every later request must echo in a header.
    browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IllegalStateException("Tasklist sign-in refused: " + login.statusCode() + " " + login.body());
    }
    String api = baseUrl + "/camunda/api/engine/engine/default/task/" + taskId;
    // The sign-in starts a new session: Tasklist's next read fetches that session's CSRF token.
    browser.send(HttpRequest.newBuilder(URI.create(api)).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> claim = browser.send(json(api + "/claim", csrfToken(cookies),
        JSON.writeValueAsString(Map.of("userId", user))), HttpResponse.BodyHandlers.ofString());
    if (claim.statusCode() != 204) {
      throw new IllegalStateException("Claim refused: " + claim.statusCode() + " " + claim.body());
    }
    return browser.send(json(api + "/submit-form", csrfToken(cookies), variables(values)),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest json(String url, String csrf, String body) {
    return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static String csrfToken(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("No XSRF-TOKEN cookie"));
  }

  /**
   * A Tasklist filter's task list as engine-rest gives it to Tasklist (HAL, with the filter's card
   * variables embedded), read as this user with HTTP Basic.
   */
  HttpResponse<String> filterList(String filterName, String user) throws Exception {
    String filterId = app.getBean(org.camunda.bpm.engine.FilterService.class).createFilterQuery().filterName(filterName)
        .singleResult().getId();
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/filter/" + filterId + "/list?maxResults=500"))
        .header("Authorization", basic(user)).header("Accept", "application/hal+json")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String authorization, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static String variables(Map<String, String> values) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
    return JSON.writeValueAsString(Map.of("variables", variables));
  }
}
