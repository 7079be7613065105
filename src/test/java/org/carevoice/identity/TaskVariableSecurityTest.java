package org.carevoice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carevoice.story.StoryLifecycle.Elements.USER_TASK_CONFIRM_ANONYMISATION;
import static org.carevoice.story.StoryLifecycle.Elements.USER_TASK_MODERATE_STORY;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
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
import org.camunda.bpm.engine.task.Task;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.StoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Through a task, staff write only the fields of the task's form ({@link TaskVariableGuard}), over
 * engine-rest and the Tasklist API alike: a moderator who sends another story's {@code storyId},
 * or a {@code moderator} to get past the second moderator's check, gets a 400 naming the variable,
 * and neither story nor task changes. Before the guard, the first of these wrote the moderator's
 * edits into the other story.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class TaskVariableSecurityTest {

  static final String BODY = "I was seen in the emergency department late at night. The nurse who triaged me "
      + "explained everything and the wait was shorter than I expected. Thank you to the whole team.";
  static final String WITH_IDENTIFIERS = "Dr Fraser looked after my dad all week. You can call me on 07700 900123 "
      + "if you want to know more about how kind the ward staff were to us.";

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired StoryService stories;
  @Autowired OrganisationService organisation;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anotherStorysId_isRefusedOnComplete_andBothStoriesAndTheTaskAreUnchanged(CapturedOutput log) throws Exception {
    String mine = storyAtModeration("Night in the emergency department", BODY);
    String other = storyAtModeration("Another story entirely", BODY);
    Task task = moderationTask(mine);
    assertThat(send("POST", "/engine-rest/task/" + task.getId() + "/claim", "morag", "{\"userId\":\"morag\"}")
        .statusCode()).isEqualTo(204);

    Map<String, Object> variables = approvedWithEdits("Rewritten by the moderator");
    variables.put("storyId", Map.of("value", storyId(other), "type", "Long"));
    for (String path : List.of("/complete", "/submit-form")) {
      HttpResponse<String> response = send("POST", "/engine-rest/task/" + task.getId() + path, "morag",
          JSON.writeValueAsString(Map.of("variables", variables)));
      assertRefused(response, "This task's form has no field 'storyId'", log);
    }
    Webapp tasklist = Webapp.signIn(port, "morag:demo");
    assertRefused(tasklist.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
        JSON.writeValueAsString(Map.of("variables", variables))), "This task's form has no field 'storyId'", log);

    assertThat(story(mine)).containsEntry("TITLE", "Night in the emergency department").containsEntry("STATUS", "SUBMITTED");
    assertThat(story(other)).containsEntry("TITLE", "Another story entirely").containsEntry("STATUS", "SUBMITTED");
    assertThat(moderationTask(mine)).as("the task is still open").isNotNull();
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "storyId")).isEqualTo(storyId(mine));
  }

  @Test
  void storyId_cannotBeSetThroughTheTasksVariables_byAModeratorOrAnAdministrator(CapturedOutput log) throws Exception {
    String mine = storyAtModeration("Variables of the task", BODY);
    String other = storyAtModeration("The story they aim at", BODY);
    Task task = moderationTask(mine);
    String value = "{\"value\":" + storyId(other) + ",\"type\":\"Long\"}";
    String modification = "{\"modifications\":{\"storyId\":" + value + "}}";
    for (String user : List.of("morag", "admin")) {
      String api = "/engine-rest/task/" + task.getId();
      assertRefused(send("PUT", api + "/variables/storyId", user, value), "'storyId'", log);
      assertRefused(send("PUT", api + "/localVariables/storyId", user, value), "'storyId'", log);
      assertRefused(send("POST", api + "/variables", user, modification), "'storyId'", log);
      assertRefused(send("POST", api + "/localVariables", user, modification), "'storyId'", log);
      assertRefused(send("DELETE", api + "/variables/storyId", user, null), "'storyId'", log);
      assertRefused(send("POST", api + "/variables", user, "{\"deletions\":[\"storyId\"]}"), "'storyId'", log);
    }
    Webapp tasklist = Webapp.signIn(port, "morag:demo");
    String webapp = "/camunda/api/engine/engine/default/task/" + task.getId();
    assertRefused(tasklist.put(webapp + "/variables/storyId", value), "'storyId'", log);
    assertRefused(tasklist.put(webapp + "/localVariables/storyId", value), "'storyId'", log);
    assertRefused(tasklist.post(webapp + "/variables", modification), "'storyId'", log);

    assertThat(runtime.getVariable(task.getProcessInstanceId(), "storyId")).isEqualTo(storyId(mine));
    assertThat(tasks.getVariablesLocal(task.getId())).doesNotContainKey("storyId");
  }

  @Test
  void moderatorNamedAsSomeoneElse_doesNotLetTheModeratorConfirmTheirOwnAnonymisation(CapturedOutput log)
      throws Exception {
    String reference = storyAtModeration("Four eyes", WITH_IDENTIFIERS);
    Task moderation = moderationTask(reference);
    send("POST", "/engine-rest/task/" + moderation.getId() + "/claim", "morag", "{\"userId\":\"morag\"}");
    Map<String, Object> disguised = new LinkedHashMap<>(Map.of(
        "decision", Map.of("value", "approve"), "criticality", Map.of("value", "0"),
        "moderator", Map.of("value", "iain")));
    assertRefused(send("POST", "/engine-rest/task/" + moderation.getId() + "/complete", "morag",
        JSON.writeValueAsString(Map.of("variables", disguised))), "This task's form has no field 'moderator'", log);

    disguised.remove("moderator");
    HttpResponse<String> moderated = send("POST", "/engine-rest/task/" + moderation.getId() + "/submit-form", "morag",
        JSON.writeValueAsString(Map.of("variables", disguised)));
    assertThat(moderated.statusCode()).as(moderated.body()).isEqualTo(204);
    runSavePoints(reference);
    Task confirm = openTask(reference, USER_TASK_CONFIRM_ANONYMISATION);
    assertThat(confirm).as("identifiers remain: a second moderator must look").isNotNull();

    String api = "/engine-rest/task/" + confirm.getId();
    assertRefused(send("PUT", api + "/variables/moderator", "morag", "{\"value\":\"iain\"}"),
        "This task's form has no field 'moderator'", log);
    assertThat(runtime.getVariable(confirm.getProcessInstanceId(), "moderator")).isEqualTo("morag");
    HttpResponse<String> claim = send("POST", api + "/claim", "morag", "{\"userId\":\"morag\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
    assertThat(claim.body()).contains("you moderated this story");
    assertRefused(send("POST", api + "/submit-form", "morag",
        "{\"variables\":{\"anonymisationDecision\":{\"value\":\"confirm\"},\"moderator\":{\"value\":\"iain\"}}}"),
        "'moderator'", log);
    assertThat(openTask(reference, USER_TASK_CONFIRM_ANONYMISATION)).as("still waiting for a second moderator")
        .isNotNull();
  }

  @Test
  void readOnlyFields_areNotWrittenBackOnCompletion_andCannotBeSetOnTheirOwn(CapturedOutput log) throws Exception {
    String reference = storyAtModeration("Shown, not edited", BODY);
    Task task = moderationTask(reference);
    assertRefused(send("PUT", "/engine-rest/task/" + task.getId() + "/localVariables/displayServices", "morag",
        "{\"value\":\"Something else\"}"), "shows 'displayServices' read-only", log);

    send("POST", "/engine-rest/task/" + task.getId() + "/claim", "morag", "{\"userId\":\"morag\"}");
    Map<String, Object> variables = approvedWithEdits("Shown, not edited");
    variables.put("displayServices", Map.of("value", "Written over the case"));
    // /complete writes to the process scope: without the guard, the field would land there.
    HttpResponse<String> completed = send("POST", "/engine-rest/task/" + task.getId() + "/complete", "morag",
        JSON.writeValueAsString(Map.of("variables", variables)));

    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    assertThat(moderationTask(reference)).as("moderated").isNull();
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "displayServices")).isNull();
  }

  @Test
  void aStoryIdThatIsNotANumber_isARefusalNotAServerError(CapturedOutput log) throws Exception {
    String reference = storyAtModeration("Broken case", BODY);
    Task task = moderationTask(reference);
    // As an administrator could in Cockpit: the process-instance variable commands are not guarded.
    runtime.setVariable(task.getProcessInstanceId(), "storyId", "not-a-number");
    send("POST", "/engine-rest/task/" + task.getId() + "/claim", "morag", "{\"userId\":\"morag\"}");

    HttpResponse<String> response = send("POST", "/engine-rest/task/" + task.getId() + "/submit-form", "morag",
        JSON.writeValueAsString(Map.of("variables", approvedWithEdits("Broken case"))));

    assertRefused(response, "holds a value for 'storyId' that is not valid", log);
    assertThat(response.body()).doesNotContain("not-a-number");
    assertThat(story(reference)).containsEntry("STATUS", "SUBMITTED");
    assertThat(moderationTask(reference)).isNotNull();
  }

  @Test
  void theFormsOwnFields_stillCompleteTheTaskInTasklist() throws Exception {
    String reference = storyAtModeration("Completed as Tasklist does", BODY);
    Task task = moderationTask(reference);
    Webapp tasklist = Webapp.signIn(port, "iain:demo");
    String api = "/camunda/api/engine/engine/default/task/" + task.getId();
    assertThat(tasklist.post(api + "/claim", "{\"userId\":\"iain\"}").statusCode()).isEqualTo(204);
    Map<String, Object> variables = approvedWithEdits("Edited in Tasklist");

    HttpResponse<String> response = tasklist.post(api + "/submit-form",
        JSON.writeValueAsString(Map.of("variables", variables)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(story(reference)).containsEntry("TITLE", "Edited in Tasklist");
    assertThat(moderationTask(reference)).as("moderated").isNull();
  }

  @Test
  void formFields_areTheKeysOfInputFields_readOnlyKept_apart() throws Exception {
    TaskVariableGuard.FormFields fields = TaskVariableGuard.FormFields.parse(JSON.readTree("""
        {"components": [
          {"type": "text", "text": "Hello"},
          {"type": "textfield", "key": "title"},
          {"type": "textarea", "key": "shown", "disabled": true},
          {"type": "textfield", "key": "copied", "readonly": true},
          {"type": "textfield", "key": "sometimes", "readonly": "=decision = null"},
          {"type": "button", "key": "submit", "action": "submit"},
          {"type": "group", "path": "address", "components": [{"type": "textfield", "key": "street"}]},
          {"type": "group", "components": [{"type": "number", "key": "score.value"}]}
        ]}"""));
    assertThat(fields.inputs()).containsExactlyInAnyOrder("title", "sometimes", "address", "score");
    assertThat(fields.readOnly()).containsExactlyInAnyOrder("shown", "copied");
    assertThat(TaskVariableGuard.quoted(List.of("storyId", "<img src=x>")))
        .isEqualTo("'storyId', '?img?src?x?'");
  }

  @Test
  void theEngineStillHasTheFieldsTheGuardReads() {
    for (TaskVariableGuard.CommandFields field : TaskVariableGuard.CommandFields.values()) {
      assertThat(field.present()).as(field + " in this Camunda version").isTrue();
    }
  }

  /** A 400 with a message the moderator can act on; nothing logged as an error, no stack trace. */
  private static void assertRefused(HttpResponse<String> response, String message, CapturedOutput log) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(message).doesNotContain("Exception:").doesNotContain("\tat ")
        .doesNotContain("ENGINE-03051");
    assertThat(log.getOut()).doesNotContain(" ERROR ").doesNotContain("NumberFormatException")
        .doesNotContain("ENGINE-03051");
  }

  private static Map<String, Object> approvedWithEdits(String title) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("decision", Map.of("value", "approve"));
    variables.put("criticality", Map.of("value", "1"));
    variables.put("privateTitle", Map.of("value", title));
    variables.put("privateText", Map.of("value", BODY));
    return variables;
  }

  private String storyAtModeration(String title, String body) {
    Long service = organisation.findBySlug("hairmyres-emergency-department").orElseThrow().getId();
    String reference = stories.submit(new NewStory(title, body, "Tester from Larkhall", "vars.author@example.org",
        Relationship.PATIENT, LocalDate.now().withDayOfMonth(1), List.of(service), Channel.WEB)).reference();
    runSavePoints(reference);
    return reference;
  }

  private void runSavePoints(String reference) {
    String instance = runtime.createProcessInstanceQuery().processDefinitionKey(StoryLifecycle.PROCESS_KEY)
        .processInstanceBusinessKey(reference).singleResult().getId();
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instance).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private Task moderationTask(String reference) {
    return openTask(reference, USER_TASK_MODERATE_STORY);
  }

  private Task openTask(String reference, String key) {
    return tasks.createTaskQuery().processDefinitionKey(StoryLifecycle.PROCESS_KEY)
        .processInstanceBusinessKey(reference).taskDefinitionKey(key).singleResult();
  }

  private Long storyId(String reference) {
    return jdbc.queryForObject("select id from story where reference = ?", Long.class, reference);
  }

  private Map<String, Object> story(String reference) {
    return jdbc.queryForMap("select title, body, status from story where reference = ?", reference);
  }

  private HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
    String password = user.equals("admin") ? "admin" : "demo";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
