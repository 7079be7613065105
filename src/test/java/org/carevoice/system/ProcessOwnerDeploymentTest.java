package org.carevoice.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carevoice.escalation.WorkingDays;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.response.ServiceResponse;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.StoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process owner changes a rule without Java (docs/process-owners.md): {@code patricia} deploys
 * an edited response-due.dmn over engine-rest exactly as Camunda Modeler's Deploy button does, and
 * the next story's response is due by the new rule. Other staff cannot deploy, the process owner
 * can deploy nothing but FEEL decision tables, and sees the versions and evaluations but no case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ProcessOwnerDeploymentTest {

  private static final String PATRICIA = "patricia:demo";
  private static final String ED = "hairmyres-emergency-department";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired StoryService stories;
  @Autowired OrganisationService organisation;
  @Autowired WorkingDays workingDays;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> deployedHere = new ArrayList<>();

  @AfterEach
  void removeTheOwnersDeployments() {
    // The engine is shared with other tests: the repository's table becomes the latest again.
    deployedHere.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void processOwnerDeploysAChangedResponseDueTable_andTheNextStoryIsDueByIt() throws Exception {
    assertThat(send(PATRICIA, get("/deployment?maxResults=0")).statusCode()).as("Modeler's connection check")
        .isEqualTo(200);

    HttpResponse<String> deployed = deployAsModeler(PATRICIA, "response-due.dmn",
        ChangedModels.responseDueWithRoutineDays(9));

    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    JsonNode deployment = json.readTree(deployed.body());
    assertThat(deployment.path("deployedDecisionDefinitions").findValuesAsText("key")).containsExactly("response-due");
    JsonNode latest = json.readTree(send(PATRICIA, get("/decision-definition?key=response-due&latestVersion=true")).body());
    assertThat(latest.findValuesAsText("deploymentId")).as("the latest version, as Cockpit shows it")
        .containsExactly(deployment.path("id").asText());

    String reference = submitStory("Waited for hours in the corridor");
    Instant before = workingDays.now();
    moderateAsMorag(reference, "2");
    Instant after = workingDays.now();

    ProcessInstance serviceCase = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ServiceResponse.PROCESS_KEY).processInstanceBusinessKey(reference).singleResult();
    Date due = (Date) runtime.getVariable(serviceCase.getId(), ServiceResponse.Vars.RESPONSE_DUE.name());
    assertThat(due.toInstant()).as("due in 9 working days, not the repository's 5")
        .isBetween(workingDays.plus(before, 9), workingDays.plus(after, 9));

    // What the owner sees of it: the evaluation's inputs and outputs, none of the case itself.
    String evaluations = send(PATRICIA, get("/history/decision-instance?decisionDefinitionKey=response-due"
        + "&processInstanceId=" + serviceCase.getId() + "&includeInputs=true&includeOutputs=true")).body();
    assertThat(evaluations).contains("\"variableName\":\"dueWorkingDays\"").contains("\"value\":9");
    assertThat(send(PATRICIA, get("/process-instance?businessKey=" + reference)).body()).isEqualTo("[]");
    assertThat(send(PATRICIA, get("/history/process-instance?processInstanceBusinessKey=" + reference)).body())
        .isEqualTo("[]");
    assertThat(send(PATRICIA, get("/history/variable-instance?processInstanceId=" + serviceCase.getId())).body())
        .isEqualTo("[]");
    assertThat(send(PATRICIA, get("/task/count")).body()).contains("\"count\":0");
  }

  @Test
  void moderatorsRespondersAndManagers_cannotDeploy() throws Exception {
    long deployments = repository.createDeploymentQuery().count();
    for (String user : List.of("morag:demo", "craig:demo", "graham:demo", "shona:demo")) {
      HttpResponse<String> refused = deployAsModeler(user, "response-due.dmn", ChangedModels.responseDueWithRoutineDays(1));
      assertThat(refused.statusCode()).as(user + ": " + refused.body()).isEqualTo(403);
    }
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void processOwner_cannotDeployAProcessOrAForm_aDecisionThatRunsCode_orOneThatChangesItsOutputs() throws Exception {
    long deployments = repository.createDeploymentQuery().count();

    HttpResponse<String> process = deployAsModeler(PATRICIA, "service-response.bpmn",
        ChangedModels.text("processes/service-response.bpmn"));
    assertThat(process.statusCode()).isEqualTo(400);
    assertThat(process.body()).contains("Only decision tables (.dmn)").contains("service-response.bpmn");

    HttpResponse<String> form = deployAsModeler(PATRICIA, "moderate-story.form", ChangedModels.text("forms/moderate-story.form"));
    assertThat(form.statusCode()).isEqualTo(400);

    String juel = ChangedModels.responseDueWithRoutineDays(9).replace(
        "<inputExpression id=\"inputExpression_criticality\" typeRef=\"integer\">",
        "<inputExpression id=\"inputExpression_criticality\" typeRef=\"integer\" expressionLanguage=\"juel\">");
    HttpResponse<String> code = deployAsModeler(PATRICIA, "response-due.dmn", juel);
    assertThat(code.statusCode()).isEqualTo(400);
    assertThat(code.body()).contains("FEEL only").contains("juel").contains("inputExpression_criticality");

    String renamedOutput = ChangedModels.responseDueWithRoutineDays(9)
        .replace("name=\"dueWorkingDays\"", "name=\"dueDays\"");
    HttpResponse<String> contract = deployAsModeler(PATRICIA, "response-due.dmn", renamedOutput);
    assertThat(contract.statusCode()).isEqualTo(400);
    assertThat(contract.body()).contains("changes what the processes read from decision 'response-due'")
        .contains("dueWorkingDays:integer").contains("dueDays:integer");

    assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
  }

  @Test
  void processOwner_mayWithdrawTheirOwnDeployment_butNoOtherDeployment() throws Exception {
    String repositoryVersion = latestResponseDue().getDeploymentId();
    HttpResponse<String> deployed = deployAsModeler(PATRICIA, "response-due.dmn", ChangedModels.responseDueWithRoutineDays(9));
    String ownId = json.readTree(deployed.body()).path("id").asText();

    assertThat(send(PATRICIA, delete("/deployment/" + repositoryVersion)).statusCode()).isEqualTo(403);
    assertThat(send(PATRICIA, delete("/deployment/" + ownId)).statusCode()).isEqualTo(204);
    deployedHere.remove(ownId);

    assertThat(latestResponseDue().getDeploymentId()).as("the previous version is the latest again")
        .isEqualTo(repositoryVersion);
  }

  private DecisionDefinition latestResponseDue() {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey("response-due").latestVersion()
        .singleResult();
  }

  @Test
  void processOwner_signsInToCockpitAndSeesTheDecisionVersions_butNotToTasklist() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    assertThat(signIn(browser, "tasklist", "patricia", "demo")).as("no tasks to work on").isEqualTo(403);
    assertThat(signIn(browser, "cockpit", "patricia", "demo")).isEqualTo(200);

    HttpResponse<String> decisions = browser.send(HttpRequest.newBuilder(URI.create(
        "http://localhost:" + port + "/camunda/api/engine/engine/default/decision-definition?key=response-due")).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(decisions.statusCode()).isEqualTo(200);
    assertThat(json.readTree(decisions.body()).findValuesAsText("resource")).contains(ChangedModels.RESPONSE_DUE);
  }

  /** The Camunda webapps' sign-in, as the browser does it: their CSRF token from a cookie, sent back in a header. */
  private int signIn(HttpClient browser, String app, String user, String password) throws Exception {
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/" + app + "/default/"))
        .GET().build(), HttpResponse.BodyHandlers.discarding());
    String token = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
    return browser.send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  // What Camunda Modeler sends (CamundaAPI.deployDiagram): multipart, the file under its own name.
  private HttpResponse<String> deployAsModeler(String credentials, String fileName, String content) throws Exception {
    String boundary = "modeler" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "deployment-name", null, fileName.replaceFirst("\\.[a-z]+$", ""));
    part(body, boundary, "deployment-source", null, "Camunda Modeler");
    part(body, boundary, "enable-duplicate-filtering", null, "true");
    part(body, boundary, fileName, fileName, content);
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = send(credentials, HttpRequest.newBuilder(engineRest("/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    if (response.statusCode() == 200) {
      repository.createDeploymentQuery().deploymentName(fileName.replaceFirst("\\.[a-z]+$", ""))
          .deploymentSource("Camunda Modeler").list().stream().map(Deployment::getId)
          .filter(id -> !deployedHere.contains(id)).forEach(deployedHere::add);
    }
    return response;
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, String value) {
    String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/xml") + "\r\n\r\n";
    body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private String submitStory(String title) {
    Long service = organisation.findBySlug(ED).orElseThrow().getId();
    String reference = stories.submit(new NewStory(title, "We waited in the corridor for most of the night and nobody"
        + " told us what was happening. The nurses were kind when they came but they were very busy.",
        "Owner test", "owner.test.4410@example.org", Relationship.PATIENT, LocalDate.now().withDayOfMonth(1),
        List.of(service), Channel.WEB)).reference();
    runSavePoints(reference);
    return reference;
  }

  /** morag claims "Moderate story" and publishes it, over engine-rest as Tasklist does. */
  private void moderateAsMorag(String reference, String criticality) throws Exception {
    Task task = tasks.createTaskQuery().processDefinitionKey(StoryLifecycle.PROCESS_KEY)
        .processInstanceBusinessKey(reference).taskDefinitionKey(StoryLifecycle.Elements.USER_TASK_MODERATE_STORY)
        .singleResult();
    assertThat(send("morag:demo", post("/task/" + task.getId() + "/claim", "{\"userId\":\"morag\"}")).statusCode())
        .isEqualTo(204);
    Long service = organisation.findBySlug(ED).orElseThrow().getId();
    String form = "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"criticality\":{\"value\":\"" + criticality
        + "\"},\"services\":{\"value\":\"[\\\"" + service + "\\\"]\"}}}";
    HttpResponse<String> submitted = send("morag:demo", post("/task/" + task.getId() + "/submit-form", form));
    assertThat(submitted.statusCode()).as(submitted.body()).isIn(200, 204);
    runSavePoints(reference);
  }

  /** The job executor is off in tests: run every due save point of the story's cases, as it would. */
  private void runSavePoints(String reference) {
    for (int round = 0; round < 30; round++) {
      List<Job> jobs = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
          .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).messages().list().stream()).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("Save points keep coming");
  }

  private URI engineRest(String path) {
    return URI.create("http://localhost:" + port + "/engine-rest" + path);
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(engineRest(path)).GET();
  }

  private HttpRequest.Builder delete(String path) {
    return HttpRequest.newBuilder(engineRest(path)).DELETE();
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(engineRest(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpResponse<String> send(String credentials, HttpRequest.Builder request) throws Exception {
    request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
