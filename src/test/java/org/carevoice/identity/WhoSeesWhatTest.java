package org.carevoice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.response.ServiceResponse;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.Channel;
import org.carevoice.story.NewStory;
import org.carevoice.story.Relationship;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.StoryService;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who sees what, per role, over real HTTP: engine-rest (HTTP Basic) and the webapps' own API
 * (signed in to Tasklist and Cockpit, with the CSRF token). A story carries planted canaries —
 * distinctive words in its title and text, a phone number and an email (identifier findings), a
 * name, the author's pseudonym and contact email — and waits at "Moderate story" and "Review
 * safeguarding concern". Every task, variable, history, filter and Cockpit endpoint each role can
 * call is read, for every task, case and filter there is; no canary may appear in any answer to
 * anyone who should not read the story, while each role still finds its own work.
 *
 * <p>Before the grants per definition and variable permissions, graham (Hairmyres manager) read
 * the story text and findings through {@code /task/{id}/variables}: the manager assertions failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import({TestStories.class, CaseDriver.class})
class WhoSeesWhatTest implements BasicAuthRequests {

  static final String TITLE = "Quokka-Title-Canary-2261";
  static final String WORD = "Quokkafell-Canary-3317";
  static final String PHONE = "07700 900777";
  static final String EMAIL = "quokka.canary@example.org";
  static final String NAME = "Wilhelmina Quokkason";
  static final String PSEUDONYM = "Quokka-Pseudonym-Canary";
  static final String AUTHOR_EMAIL = "quokka.author.canary@example.org";
  /** How a finding reads in "Moderate story"'s form: only moderators see the findings. */
  static final String FINDING = "PHONE: " + PHONE;
  static final String BODY = WORD + " My mum is not safe at home. Her carer hits my mum when nobody is there and the"
      + " ward sent her back anyway. The nurse " + NAME + " was kind. Ring me on " + PHONE + " or write to " + EMAIL
      + " if you need to know more.";
  static final List<String> STORY_CANARIES = List.of(TITLE, WORD, PHONE, EMAIL, NAME, PSEUDONYM, AUTHOR_EMAIL);
  static final String DRAFT = "Draft-Response-Canary-8842";

  static final String ENGINE_REST = "/engine-rest";
  static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  static final String COCKPIT = "/camunda/api/cockpit/plugin/base/default";
  static final String TASKS = "/task?maxResults=1000";
  static final String INSTANCES = "/process-instance?maxResults=1000";

  @LocalServerPort int port;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired StoryService stories;
  @Autowired OrganisationService organisation;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repository;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @Autowired CamundaAccessSetup accessSetup;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  @Test
  void storyAtModerationAndSafeguardingReview_onlyModeratorsAndTheSafeguardingLeadReadIt() throws Exception {
    ProcessInstance story = storyWithCanaries();
    String moderate = driver.task(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY).getId();
    String review = driver.task(story, StoryLifecycle.Elements.USER_TASK_REVIEW_SAFEGUARDING_CONCERN).getId();

    // The canaries are there to be found: the administrator's crawl finds every one of them.
    Crawl admin = crawl("admin:admin");
    assertThat(admin.text()).contains(STORY_CANARIES.subList(0, 5)).contains(FINDING);

    for (String outsider : List.of("craig:demo", "aileen:demo", "graham:demo")) {
      Crawl seen = crawl(outsider);
      assertThat(seen.text()).as(outsider + " reads nothing of the story").doesNotContain(STORY_CANARIES)
          .doesNotContain(FINDING);
      assertThat(seen.ok(ENGINE_REST + "/task/" + moderate)).as(outsider).isFalse();
      assertThat(seen.ok(ENGINE_REST + "/task/" + review)).as(outsider).isFalse();
    }
    Crawl anonymous = crawl(null);
    assertThat(anonymous.text()).doesNotContain(STORY_CANARIES).doesNotContain(FINDING);
    assertThat(anonymous.statuses()).as("anonymous: asked to sign in (or refused without a CSRF token)")
        .isSubsetOf(401, 403);

    // The moderator reads the story and its findings in the moderation form, and finds it in her filter.
    Crawl morag = crawl("morag:demo");
    assertThat(morag.body(ENGINE_REST + "/task/" + moderate + "/form-variables")).contains(WORD, TITLE, FINDING);
    assertThat(morag.body(ENGINE_REST + "/filter/" + filterId(CamundaAccessSetup.FILTER_MODERATION) + "/list"))
        .contains(moderate);
    assertThat(morag.text()).as("contact details never reach Camunda").doesNotContain(PSEUDONYM, AUTHOR_EMAIL);

    // The safeguarding lead reads the story in her review, not the moderation task and its findings.
    Crawl shona = crawl("shona:demo");
    assertThat(shona.body(ENGINE_REST + "/task/" + review + "/form-variables")).contains(WORD);
    assertThat(shona.ok(ENGINE_REST + "/task/" + moderate)).isFalse();
    assertThat(shona.ok(ENGINE_REST + "/task/" + moderate + "/form-variables")).isFalse();
    assertThat(shona.text()).doesNotContain(FINDING, PSEUDONYM, AUTHOR_EMAIL);

    // The moderation lead is a moderator: the form as morag; in Cockpit the case. Moderators read
    // the variables of the cases they moderate (Tasklist's cards need them): ids and decisions,
    // never the author's details.
    Crawl fiona = crawl("fiona:demo");
    assertThat(fiona.body(ENGINE_REST + "/task/" + moderate + "/form-variables")).contains(WORD);
    assertThat(fiona.body(COCKPIT + "/process-instance")).contains(story.getId());
    assertThat(fiona.body(ENGINE_REST + "/process-instance/" + story.getId() + "/variables"))
        .contains("storyId").doesNotContain(PSEUDONYM, AUTHOR_EMAIL);
  }

  @Test
  void publishedCases_eachServiceSeesOnlyItsOwn_managersTheirCasesAndOverdueButNoText() throws Exception {
    Long ed = testStories.serviceId("hairmyres-emergency-department");
    Long careAtHome = testStories.serviceId("care-at-home-south-lanarkshire");
    String reference = stories.submit(new NewStory("Two services", "The emergency department and then the care at"
        + " home team looked after my dad this winter, and both were kind.", "Visibility tester", "two.services@example.org",
        Relationship.RELATIVE, LocalDate.now().withDayOfMonth(1), List.of(ed, careAtHome), Channel.WEB)).reference();
    ProcessInstance story = driver.instance(reference);
    driver.runSavePoints(story);
    driver.submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "approve", "criticality", "1"));
    Map<Long, ProcessInstance> cases = driver.serviceCases(story).stream().collect(Collectors.toMap(
        c -> (Long) runtimeService.getVariable(c.getId(), ServiceResponse.Vars.SERVICE_ID.name()), c -> c));
    ProcessInstance edCase = cases.get(ed);
    ProcessInstance careCase = cases.get(careAtHome);
    String careRespond = driver.task(careCase, ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY).getId();

    // Craig answers with a change planned: never fast-tracked, so a moderator reads his draft.
    driver.submit(edCase, ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY, "craig", Map.of(
        "privateResponse", DRAFT + " we are sorry about the wait and are changing how we keep families informed.",
        "privateResponderName", "Craig Wilson", "privateResponderRole", "Charge Nurse", "change", "planned",
        "privateChangeDescription", "A named nurse for families in the department."));
    String moderateResponse = driver.task(edCase, ServiceResponse.Elements.USER_TASK_MODERATE_RESPONSE).getId();
    driver.fireTimer(edCase, ServiceResponse.Elements.START_ESCALATION_DUE);
    driver.fireTimer(edCase, ServiceResponse.Elements.START_OVERDUE);
    String unanswered = driver.task(edCase, ServiceResponse.Elements.USER_TASK_UNANSWERED_STORY).getId();

    Crawl aileen = crawl("aileen:demo");
    assertThat(aileen.body(ENGINE_REST + TASKS)).contains(careRespond).doesNotContain(moderateResponse, unanswered);
    assertThat(aileen.text()).doesNotContain(DRAFT);
    // Her team's own filter, first in her Tasklist, finds the same task by its candidate group.
    String careTeam = filters.createFilterQuery().filterNameLike("Responders: Care at Home%").singleResult().getId();
    assertThat(aileen.body(ENGINE_REST + "/filter/" + careTeam + "/list")).contains(careRespond)
        .doesNotContain(moderateResponse, unanswered);
    assertThat(send(get(ENGINE_REST + "/filter/" + careTeam + "/list"), "craig:demo").statusCode())
        .as("another team's filter").isIn(403, 404);
    Crawl craig = crawl("craig:demo");
    assertThat(craig.body(ENGINE_REST + TASKS)).doesNotContain(careRespond);
    assertThat(craig.ok(ENGINE_REST + "/task/" + careRespond + "/form-variables")).isFalse();

    Crawl graham = crawl("graham:demo");
    // His services' case in Cockpit, with its timers (due, escalation, overdue) and its overdue mark; not the other's.
    assertThat(graham.body(COCKPIT + "/process-instance")).contains(edCase.getId())
        .doesNotContain(careCase.getId(), story.getId());
    assertThat(graham.body(ENGINE_REST + INSTANCES)).contains(edCase.getId())
        .doesNotContain(careCase.getId(), story.getId());
    assertThat(send(get(ENGINE_REST + "/job?processInstanceId=" + edCase.getId()), "graham:demo").body())
        .contains("\"dueDate\"");
    assertThat(send(get(ENGINE_REST + "/history/variable-instance?processInstanceId=" + edCase.getId()), "graham:demo")
        .body()).contains("responseOverdue").contains("responseDue");
    Webapp cockpit = Webapp.signIn(port, "graham:demo", "cockpit");
    String overdue = cockpit.post(COCKPIT + "/process-instance", "{\"processDefinitionId\":\""
        + edCase.getProcessDefinitionId() + "\",\"variables\":[{\"name\":\"responseOverdue\",\"operator\":\"eq\","
        + "\"value\":true}]}").body();
    assertThat(overdue).contains(edCase.getId()).doesNotContain(careCase.getId());
    // His task, with its form; not the response being moderated, nor the case's variables.
    assertThat(graham.body(ENGINE_REST + TASKS)).contains(unanswered).doesNotContain(moderateResponse, careRespond);
    assertThat(graham.ok(ENGINE_REST + "/task/" + unanswered + "/form-variables")).isTrue();
    assertThat(graham.ok(ENGINE_REST + "/process-instance/" + edCase.getId() + "/variables")).isFalse();
    assertThat(graham.text()).doesNotContain(DRAFT);

    // Moderators moderate the response (its draft) but do not see the services' own tasks.
    Crawl morag = crawl("morag:demo");
    assertThat(morag.body(ENGINE_REST + "/task/" + moderateResponse + "/form-variables")).contains(DRAFT);
    assertThat(morag.body(ENGINE_REST + TASKS)).doesNotContain(careRespond, unanswered);
  }

  @Test
  void secondModerator_theFirstIsRefusedWithA403_neverA500_andAnotherModeratorConfirms() throws Exception {
    String reference = testStories.submit("Second moderator", "Dr Fraser looked after my dad all week. You can call"
        + " me on 07700 900123 if you want to know more about how kind the ward staff were.", "Tester", "second@example.org")
        .reference();
    ProcessInstance story = driver.instance(reference);
    driver.runSavePoints(story);
    String moderate = driver.task(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY).getId();
    assertThat(send(post(ENGINE_REST + "/task/" + moderate + "/claim", "{\"userId\":\"morag\"}"), "morag:demo")
        .statusCode()).isEqualTo(204);
    HttpResponse<String> approved = send(post(ENGINE_REST + "/task/" + moderate + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"criticality\":{\"value\":\"0\"}}}"), "morag:demo");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
    driver.runSavePoints(story);
    String confirm = driver.task(story, StoryLifecycle.Elements.USER_TASK_CONFIRM_ANONYMISATION).getId();

    List<HttpResponse<String>> refusals = new ArrayList<>();
    refusals.add(send(post(ENGINE_REST + "/task/" + confirm + "/claim", "{\"userId\":\"morag\"}"), "morag:demo"));
    refusals.add(send(post(ENGINE_REST + "/task/" + confirm + "/complete",
        "{\"variables\":{\"anonymisationDecision\":{\"value\":\"confirm\"}}}"), "morag:demo"));
    refusals.add(send(post(ENGINE_REST + "/task/" + confirm + "/assignee", "{\"userId\":\"morag\"}"), "admin:admin"));
    Webapp tasklist = Webapp.signIn(port, "morag:demo");
    refusals.add(tasklist.post(WEBAPP_ENGINE + "/task/" + confirm + "/claim", "{\"userId\":\"morag\"}"));
    for (HttpResponse<String> refusal : refusals) {
      assertThat(refusal.statusCode()).as(refusal.uri() + ": " + refusal.body()).isEqualTo(403);
      assertThat(refusal.body()).contains("you moderated this story").doesNotContain("ENGINE-03051");
    }
    assertThat(taskService.createTaskQuery().taskId(confirm).singleResult().getAssignee()).isNull();

    // Nor may a moderator take the safeguarding leads' or a service's work, though the definition is theirs.
    HttpResponse<String> notTheirs = send(post(ENGINE_REST + "/task/" + confirm + "/claim", "{\"userId\":\"shona\"}"),
        "shona:demo");
    assertThat(notTheirs.statusCode()).as(notTheirs.body()).isIn(403, 404);

    HttpResponse<String> iain = send(post(ENGINE_REST + "/task/" + confirm + "/claim", "{\"userId\":\"iain\"}"), "iain:demo");
    assertThat(iain.statusCode()).as(iain.body()).isEqualTo(204);
    HttpResponse<String> confirmed = send(post(ENGINE_REST + "/task/" + confirm + "/submit-form",
        "{\"variables\":{\"anonymisationDecision\":{\"value\":\"confirm\"}}}"), "iain:demo");
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(confirm).count()).isZero();
  }

  @Test
  void aModeratorCannotTakeTheSafeguardingReview_thoughTheDefinitionIsTheirs() throws Exception {
    ProcessInstance story = storyWithCanaries();
    String review = driver.task(story, StoryLifecycle.Elements.USER_TASK_REVIEW_SAFEGUARDING_CONCERN).getId();
    HttpResponse<String> claim = send(post(ENGINE_REST + "/task/" + review + "/claim", "{\"userId\":\"morag\"}"),
        "morag:demo");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
    assertThat(claim.body()).contains("This task is for safeguarding");
    assertThat(send(post(ENGINE_REST + "/task/" + review + "/claim", "{\"userId\":\"shona\"}"), "shona:demo")
        .statusCode()).isEqualTo(204);
  }

  @Test
  void anInstallationWithTheOldGrants_isCleanedAtStart() throws Exception {
    ProcessInstance story = storyWithCanaries();
    String moderate = driver.task(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY).getId();
    // As Camunda's default provider and the earlier CamundaAccessSetup left them.
    save(grant("moderators", Resources.TASK, moderate, Permissions.READ, Permissions.UPDATE));
    save(grant("managers-hairmyres", Resources.PROCESS_INSTANCE, "*", Permissions.READ));
    save(grant("managers-hairmyres", Resources.DEPLOYMENT, "*", Permissions.READ));
    save(grant("moderation-leads", Resources.DECISION_DEFINITION, "*", Permissions.READ));
    Authorization lifecycle = authorizations.createAuthorizationQuery().groupIdIn("managers-hairmyres")
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(StoryLifecycle.PROCESS_KEY).singleResult();
    save(lifecycle != null ? lifecycle : grant("managers-hairmyres", Resources.PROCESS_DEFINITION,
        StoryLifecycle.PROCESS_KEY, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK));
    assertThat(send(get(ENGINE_REST + "/task"), "graham:demo").body()).as("the old grant, as it was").contains(moderate);
    // A running service case from before managers were given their cases one by one.
    ProcessInstance served = publishedCase();
    authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).resourceId(served.getId()).list()
        .forEach(old -> authorizations.deleteAuthorization(old.getId()));

    accessSetup.setUp();
    context.getBean("serviceCaseAccessMigration", ApplicationRunner.class).run(null);
    accessSetup.setUp();

    assertThat(count("moderators", Resources.TASK, moderate)).isZero();
    assertThat(count("managers-hairmyres", Resources.PROCESS_INSTANCE, "*")).isZero();
    assertThat(count("managers-hairmyres", Resources.DEPLOYMENT, "*")).isZero();
    assertThat(count("moderation-leads", Resources.DECISION_DEFINITION, "*")).isZero();
    assertThat(count("managers-hairmyres", Resources.PROCESS_DEFINITION, StoryLifecycle.PROCESS_KEY)).isZero();
    assertThat(count("managers-hairmyres", Resources.PROCESS_INSTANCE, served.getId())).isEqualTo(1);
    assertThat(send(get(ENGINE_REST + "/task"), "graham:demo").body()).doesNotContain(moderate);
    assertThat(crawl("graham:demo").text()).doesNotContain(WORD);
    assertThat(crawl("morag:demo").body(ENGINE_REST + "/task/" + moderate + "/form-variables")).contains(WORD);
  }

  private ProcessInstance storyWithCanaries() {
    ProcessInstance story = driver.instance(testStories.submit(TITLE, BODY, PSEUDONYM, AUTHOR_EMAIL).reference());
    driver.runSavePoints(story);
    assertThat(driver.task(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY)).isNotNull();
    assertThat(driver.task(story, StoryLifecycle.Elements.USER_TASK_REVIEW_SAFEGUARDING_CONCERN)).isNotNull();
    return story;
  }

  /** A story about Hairmyres ED, approved: its service case for craig's team, opened to graham. */
  private ProcessInstance publishedCase() {
    ProcessInstance story = driver.instance(testStories.submit("Old case", TestStories.BODY,
        TestStories.PSEUDONYM, TestStories.EMAIL).reference());
    driver.runSavePoints(story);
    driver.submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "approve", "criticality", "1"));
    return driver.serviceCases(story).get(0);
  }

  private Authorization grant(String group, Resources resource, String id, org.camunda.bpm.engine.authorization.Permission... permissions) {
    Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(id);
    for (var permission : permissions) {
      authorization.addPermission(permission);
    }
    return authorization;
  }

  private void save(Authorization authorization) {
    authorizations.saveAuthorization(authorization);
  }

  private long count(String group, Resources resource, String id) {
    return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(id).count();
  }

  private String filterId(String name) {
    return filters.createFilterQuery().filterName(name).singleResult().getId();
  }

  /** Everything one user can read, by path: engine-rest, Tasklist's API, Cockpit's API. */
  private Crawl crawl(String credentials) throws Exception {
    List<String> tasks = taskService.createTaskQuery().list().stream().map(Task::getId).toList();
    List<String> instances = runtimeService.createProcessInstanceQuery().list().stream().map(ProcessInstance::getId)
        .toList();
    List<String> definitions = repository.createProcessDefinitionQuery().list().stream().map(d -> d.getId()).toList();
    List<String> filterIds = filters.createFilterQuery().list().stream().map(Filter::getId).toList();
    List<String> reads = new ArrayList<>(List.of(TASKS, "/task/count", INSTANCES,
        "/variable-instance?maxResults=1000", "/execution?maxResults=1000", "/history/process-instance?maxResults=1000",
        "/history/task?maxResults=1000", "/history/variable-instance?maxResults=1000", "/history/detail?maxResults=1000",
        "/history/activity-instance?maxResults=1000", "/history/user-operation?maxResults=1000",
        "/history/identity-link-log?maxResults=1000", "/incident", "/job?maxResults=1000", "/process-definition", "/filter"));
    for (String task : tasks) {
      for (String part : List.of("", "/variables", "/localVariables", "/form-variables", "/identity-links", "/comment")) {
        reads.add("/task/" + task + part);
      }
    }
    for (String instance : instances) {
      reads.add("/process-instance/" + instance + "/variables");
      reads.add("/process-instance/" + instance + "/activity-instances");
    }
    Crawl crawl = new Crawl();
    for (String read : reads) {
      crawl.add(ENGINE_REST + read, send(get(ENGINE_REST + read), credentials));
    }
    for (String filter : filterIds) {
      crawl.add(ENGINE_REST + "/filter/" + filter + "/list", send(post(ENGINE_REST + "/filter/" + filter + "/list", "{}")
          .header("Accept", "application/hal+json"), credentials));
    }
    if (credentials == null) {
      crawl.add(WEBAPP_ENGINE + "/task", HTTP.send(get(WEBAPP_ENGINE + "/task").build(), HttpResponse.BodyHandlers.ofString()));
      crawl.add(COCKPIT + "/process-instance", HTTP.send(get(COCKPIT + "/process-instance").build(),
          HttpResponse.BodyHandlers.ofString()));
      return crawl;
    }
    Webapp tasklist = Webapp.signIn(port, credentials, "tasklist");
    for (String read : reads) {
      crawl.add(WEBAPP_ENGINE + "(tasklist)" + read, tasklist.get(WEBAPP_ENGINE + read));
    }
    for (String filter : filterIds) {
      crawl.add(WEBAPP_ENGINE + "(tasklist)/filter/" + filter + "/list",
          tasklist.post(WEBAPP_ENGINE + "/filter/" + filter + "/list", "{}"));
    }
    Webapp cockpit = trySignIn(credentials, "cockpit");
    if (cockpit != null) {
      StringBuilder instancesSeen = new StringBuilder();
      for (String definition : definitions) {
        HttpResponse<String> list = cockpit.post(COCKPIT + "/process-instance",
            "{\"processDefinitionId\":\"" + definition + "\"}");
        crawl.add(COCKPIT + "/process-instance?" + definition, list);
        instancesSeen.append(list.body());
        crawl.add(COCKPIT + "/process-definition/" + definition + "/called-process-definitions",
            cockpit.get(COCKPIT + "/process-definition/" + definition + "/called-process-definitions"));
      }
      crawl.put(COCKPIT + "/process-instance", instancesSeen.toString());
      crawl.add(COCKPIT + "/process-definition/statistics", cockpit.get(COCKPIT + "/process-definition/statistics"));
      crawl.add(COCKPIT + "/incident", cockpit.get(COCKPIT + "/incident"));
      for (String instance : instances) {
        crawl.add(COCKPIT + "/process-instance/" + instance + "/called-process-instances",
            cockpit.get(COCKPIT + "/process-instance/" + instance + "/called-process-instances"));
        crawl.add(WEBAPP_ENGINE + "(cockpit)/variable-instance?" + instance,
            cockpit.get(WEBAPP_ENGINE + "/variable-instance?processInstanceIdIn=" + instance));
        crawl.add(WEBAPP_ENGINE + "(cockpit)/history/variable-instance?" + instance,
            cockpit.get(WEBAPP_ENGINE + "/history/variable-instance?processInstanceId=" + instance));
      }
    }
    return crawl;
  }

  private Webapp trySignIn(String credentials, String app) {
    try {
      return Webapp.signIn(port, credentials, app);
    } catch (AssertionError | Exception notAllowed) {
      return null;
    }
  }

  /** What one user was answered, by path. */
  static final class Crawl {
    private final Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
    private final Map<String, String> bodies = new HashMap<>();

    void add(String path, HttpResponse<String> answer) {
      assertThat(answer.statusCode()).as("never a server error: " + path + " " + answer.body()).isLessThan(500);
      answers.put(path, answer);
      bodies.put(path, answer.body());
    }

    void put(String path, String body) {
      bodies.put(path, body);
    }

    boolean ok(String path) {
      HttpResponse<String> answer = answers.get(path);
      assertThat(answer).as("crawled " + path).isNotNull();
      return answer.statusCode() == 200;
    }

    String body(String path) {
      assertThat(bodies.containsKey(path)).as("crawled " + path).isTrue();
      return bodies.get(path);
    }

    String text() {
      return String.join("\n", bodies.values());
    }

    List<Integer> statuses() {
      return answers.values().stream().map(HttpResponse::statusCode).distinct().toList();
    }
  }

  @Override
  public int port() {
    return port;
  }

  @SuppressWarnings("unused")
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
