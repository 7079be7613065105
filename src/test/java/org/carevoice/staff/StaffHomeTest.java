package org.carevoice.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.carevoice.CarevoiceTest;
import org.carevoice.response.ServiceResponse;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The staff home, per role: each sees its own waiting work and links, and not another role's.
 * Demo users: morag moderates, fiona leads moderation, craig responds for Hairmyres ED, aileen for
 * Care at Home, graham manages Hairmyres, shona is the safeguarding lead, patricia a process owner.
 */
@CarevoiceTest
class StaffHomeTest {

  static final String MODERATE = "Moderate a story";
  static final String RESPOND = "Respond to a story for your team";
  static final String UNANSWERED_TASK = "Unanswered story of a service you manage";
  static final String SAFEGUARDING = "Review a safeguarding concern";
  static final String REPORTS = "href=\"/staff/reports\"";
  static final String OVERDUE = "href=\"/staff/reports/overdue\"";
  static final String COCKPIT = "href=\"/camunda/app/cockpit/default/\"";
  static final String TASKLIST = "href=\"/camunda/app/tasklist/default/\"";
  static final String ADMIN = "href=\"/camunda/app/admin/default/\"";
  static final String ENTER = "href=\"/staff/stories/new\"";
  static final String ALERTS = "href=\"/staff/subscriptions\"";
  static final String UNANSWERED_LIST = "Unanswered stories about your services";

  @Autowired MockMvc mvc;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anonymous_isSentToSignIn() throws Exception {
    mvc.perform(get("/staff")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
  }

  @Test
  void signingIn_landsOnTheStaffHome_butASavedStaffPageWins() throws Exception {
    mvc.perform(formLogin("/login").user("craig").password("demo")).andExpect(redirectedUrl("/staff"));
    mvc.perform(formLogin("/login").user("craig").password("wrong")).andExpect(redirectedUrl("/login?error"));

    MockHttpSession session = new MockHttpSession();
    mvc.perform(get("/staff/subscriptions").session(session)).andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(post("/login").session(session).with(csrf()).param("username", "craig").param("password", "demo"))
        .andExpect(redirectedUrl("http://localhost/staff/subscriptions?continue"));
  }

  @Test
  void signedIn_theHeaderShowsStaffHomeAndASignOutForm_theWebappsShareTheSignIn_andSignOutEndsBoth() throws Exception {
    String page = page("craig", "/stories");
    assertThat(page).contains("id=\"nav-staff-home\"").contains(">Sign out</button>")
        .containsPattern("<form class=\"cv-sign-out\" action=\"/logout\" method=\"post\"><input type=\"hidden\" name=\"_csrf\"");
    String anonymous = mvc.perform(get("/stories")).andReturn().getResponse().getContentAsString();
    assertThat(anonymous).doesNotContain("Sign out").doesNotContain("nav-staff-home").contains("Staff sign in");

    MockHttpSession session = new MockHttpSession();
    mvc.perform(post("/login").session(session).with(csrf()).param("username", "craig").param("password", "demo"))
        .andExpect(redirectedUrl("/staff"));
    mvc.perform(get("/staff").session(session)).andExpect(status().isOk());
    // One sign-in: Tasklist, Cockpit and Admin (the webapps of this context's engine) share it.
    assertThat(AuthenticationUtil.getAuthsFromSession(session).getAuthentications())
        .extracting(auth -> auth.getProcessEngineName() + ":" + auth.getName()).containsExactly("mockmvc:craig");
    mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
    mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
    assertThat(session.isInvalid()).isTrue();
    assertThat(mvc.perform(get("/login?signedOut")).andReturn().getResponse().getContentAsString())
        .contains("You have signed out");
  }

  @Test
  void moderator_seesModerationTasks_withCountsFromTheEngine_andNoServiceWork() throws Exception {
    SubmittedStory submitted = testStories.submit("Waiting for a moderator on the staff home");
    driver.runSavePoints(driver.instance(submitted.reference()));

    String page = page("morag", "/staff");
    long waiting = taskService.createTaskQuery().processDefinitionKey(StoryLifecycle.PROCESS_KEY)
        .taskDefinitionKey(StoryLifecycle.Elements.USER_TASK_MODERATE_STORY).taskCandidateGroup("moderators")
        .includeAssignedTasks().count();
    assertThat(waiting).isPositive();
    assertThat(count(page, "MODERATE_STORY")).isEqualTo(waiting);
    assertThat(page).contains(MODERATE).contains("Moderate a change update").contains(TASKLIST).contains(ALERTS)
        .contains(ENTER).contains("Stories to moderate")
        .doesNotContain(RESPOND).doesNotContain(UNANSWERED_TASK).doesNotContain(SAFEGUARDING)
        .doesNotContain(REPORTS).doesNotContain(OVERDUE).doesNotContain(COCKPIT).doesNotContain(ADMIN)
        .doesNotContain(UNANSWERED_LIST);
  }

  @Test
  void moderationLead_seesModerationTasks_reportsAndCockpit() throws Exception {
    String page = page("fiona", "/staff");
    assertThat(page).contains(MODERATE).contains(REPORTS).contains(OVERDUE).contains(COCKPIT).contains(TASKLIST)
        .doesNotContain(RESPOND).doesNotContain(UNANSWERED_TASK).doesNotContain(ADMIN).doesNotContain(UNANSWERED_LIST);
  }

  @Test
  void responder_seesTheTeamsStoriesToAnswer_andUnansweredStories_notModerationOrReports() throws Exception {
    // Published, and its Respond task created, long ago: first in the home's oldest-first lists,
    // whatever other tests of this context left unanswered.
    String reference = publishLongAgo("Awaiting the ED team's answer on the staff home", LONG_AGO);

    String page = page("craig", "/staff");
    long waiting = taskService.createTaskQuery().taskDefinitionKey(ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY)
        .taskCandidateGroup("responders-hairmyres-ed").includeAssignedTasks().count();
    assertThat(count(page, "RESPOND")).isEqualTo(waiting);
    assertThat(page).contains(RESPOND).contains("Stories awaiting your team")
        .contains("href=\"/staff/stories/" + reference + "\"")
        .contains("href=\"/staff/stories/" + reference + "/respond\"")
        .contains(UNANSWERED_LIST).contains("Awaiting the ED team&#39;s answer on the staff home")
        .contains("href=\"/services/hairmyres-emergency-department/recognition\"").contains(ALERTS).contains(ENTER)
        .contains(TASKLIST).contains("Responders: Emergency Department, University Hospital Hairmyres")
        .doesNotContain(MODERATE).doesNotContain(UNANSWERED_TASK).doesNotContain(REPORTS).doesNotContain(COCKPIT)
        .doesNotContain(ADMIN).doesNotContain("Stories to moderate");
    // Another service's responder: not this story.
    assertThat(page("aileen", "/staff")).doesNotContain(reference)
        .contains("href=\"/services/care-at-home-south-lanarkshire/recognition\"")
        .doesNotContain("hairmyres-emergency-department/recognition");
  }

  @Test
  void manager_seesTheServicesUnansweredStoriesOldestFirst_reportsAndCockpit_notModeration() throws Exception {
    String first = publishLongAgo("First unanswered for the manager", LONG_AGO.plus(Duration.ofDays(1)));
    String second = publishLongAgo("Second unanswered for the manager", LONG_AGO.plus(Duration.ofDays(2)));

    String page = page("graham", "/staff");
    assertThat(page).contains(UNANSWERED_TASK).contains(UNANSWERED_LIST).contains(REPORTS).contains(OVERDUE)
        .contains(COCKPIT).contains(TASKLIST).contains(ENTER)
        .contains("href=\"/services/hairmyres-ward-15/recognition\"")
        .doesNotContain(MODERATE).doesNotContain(RESPOND).doesNotContain(ADMIN).doesNotContain(SAFEGUARDING);
    int a = page.indexOf("/staff/stories/" + first + "\"");
    int b = page.indexOf("/staff/stories/" + second + "\"");
    assertThat(a).isPositive();
    assertThat(b).as("oldest first").isGreaterThan(a);
    // Each unanswered story shows when its response is due, from its case's timers.
    assertThat(page).contains("Due ");
    // The demo's one unanswered story is about a service graham does not manage.
    String blantyre = jdbc.queryForObject("select s.reference from story s join story_service ss on ss.story_id = s.id"
        + " join care_service c on c.id = ss.service_id where c.slug = 'blantyre-health-centre'", String.class);
    assertThat(page).doesNotContain(blantyre);
  }

  @Test
  void safeguardingLead_seesConcernsToReview_withTheSafeguardingPage() throws Exception {
    SubmittedStory submitted = testStories.submit("Worried about my neighbour", "My neighbour is not safe at home. "
        + "Her carer hits her when nobody is there. Please help, the staff were kind but nobody listened to us.",
        TestStories.PSEUDONYM, TestStories.EMAIL);
    driver.runSavePoints(driver.instance(submitted.reference()));

    String page = page("shona", "/staff");
    assertThat(page).contains(SAFEGUARDING).contains("Safeguarding concerns to review")
        .contains("href=\"/staff/safeguarding/" + submitted.reference() + "\"")
        .doesNotContain(MODERATE).doesNotContain(RESPOND).doesNotContain(REPORTS).doesNotContain(COCKPIT)
        .doesNotContain(UNANSWERED_LIST);
    assertThat(page("morag", "/staff")).doesNotContain("/staff/safeguarding/" + submitted.reference());
  }

  @Test
  void processOwner_seesCockpit_butNoTasklistTasksOrStoryEntry() throws Exception {
    String page = page("patricia", "/staff");
    assertThat(page).contains(COCKPIT).contains(ALERTS)
        .doesNotContain(TASKLIST).doesNotContain("Waiting for you in Tasklist").doesNotContain(ENTER)
        .doesNotContain(REPORTS).doesNotContain(ADMIN);
  }

  @Test
  void administrator_seesAdminCockpitTasklistAndReports_butNoTeamsWork() throws Exception {
    String page = page("admin", "/staff");
    assertThat(page).contains(ADMIN).contains(COCKPIT).contains(TASKLIST).contains(REPORTS).contains(OVERDUE)
        .contains(ENTER).doesNotContain(RESPOND).doesNotContain(UNANSWERED_LIST);
  }

  @Test
  void aUserInNoStaffGroup_isToldSo() throws Exception {
    assertThat(page("nobody-in-particular", "/staff")).contains("Your user is in no Carevoice staff group")
        .doesNotContain(TASKLIST).doesNotContain(ENTER);
  }

  private String publish(String title) {
    SubmittedStory submitted = testStories.submit(title);
    ProcessInstance story = driver.instance(submitted.reference());
    driver.runSavePoints(story);
    driver.submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "approve", "criticality", "1"));
    return submitted.reference();
  }

  /** Long before anything else in the test database. */
  private static final Instant LONG_AGO = Instant.parse("2001-03-05T10:00:00Z");

  /** Published, with its service cases' tasks created, at this time. */
  private String publishLongAgo(String title, Instant at) {
    String reference;
    ClockUtil.setCurrentTime(Date.from(at));
    try {
      reference = publish(title);
    } finally {
      ClockUtil.reset();
    }
    jdbc.update("update story set published_at = ? where reference = ?", Timestamp.from(at), reference);
    return reference;
  }

  private String page(String user, String path) throws Exception {
    MvcResult result = mvc.perform(get(path).with(user(user))).andExpect(status().isOk()).andReturn();
    return result.getResponse().getContentAsString();
  }

  private static long count(String page, String kind) {
    Matcher matcher = Pattern.compile("id=\"task-" + kind + "-waiting\">(\\d+)<").matcher(page);
    assertThat(matcher.find()).as("a count of " + kind).isTrue();
    return Long.parseLong(matcher.group(1));
  }
}
