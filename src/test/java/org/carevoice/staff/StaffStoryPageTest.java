package org.carevoice.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.CarevoiceTest;
import org.carevoice.response.ResponseChangeLifecycle;
import org.carevoice.response.ServiceResponse;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The staff view of a story and its change updates. A story about two services, Hairmyres ED
 * (craig responds, graham manages) and Care at Home (aileen responds), each answered once.
 */
@CarevoiceTest
class StaffStoryPageTest {

  static final String NOT_ALLOWED = "You cannot open the staff view of this story";
  static final String ED = "Emergency Department, University Hospital Hairmyres";
  static final String CARE_AT_HOME = "Care at Home, Community services, South Lanarkshire";

  @Autowired MockMvc mvc;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  @Test
  void unknownOrUnpublishedStory_is404_forEveryone() throws Exception {
    mvc.perform(get("/staff/stories/CV-0000-000000").with(user("admin"))).andExpect(status().isNotFound());
    SubmittedStory waiting = testStories.submit("Not yet moderated, no staff view");
    driver.runSavePoints(driver.instance(waiting.reference()));
    for (String who : List.of("admin", "fiona", "craig")) {
      mvc.perform(get("/staff/stories/" + waiting.reference()).with(user(who))).andExpect(status().isNotFound());
      mvc.perform(get("/staff/stories/" + waiting.reference() + "/changes").with(user(who))).andExpect(status().isNotFound());
    }
    mvc.perform(get("/staff/stories/" + waiting.reference())).andExpect(redirectedUrlPattern("**/login"));
  }

  @Test
  void staffOfItsServices_leadsAndAdmins_openIt_othersGetAPlain403() throws Exception {
    Story story = twoServiceStory("Who may open the staff view", false);
    for (String who : List.of("craig", "aileen", "graham", "fiona", "admin")) {
      String page = open(story.reference, who).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
      assertThat(page).as(who).contains("Who may open the staff view").contains("3, moderately critical")
          .contains(ED).contains(CARE_AT_HOME);
    }
    for (String who : List.of("morag", "iain", "shona", "patricia", "nobody")) {
      String page = open(story.reference, who).andExpect(status().isForbidden()).andReturn().getResponse()
          .getContentAsString();
      assertThat(page).as(who).contains(NOT_ALLOWED).doesNotContain("moderately critical")
          .doesNotContain("Who may open the staff view");
      mvc.perform(get("/staff/stories/" + story.reference + "/changes").with(user(who))).andExpect(status().isForbidden());
    }
    // The public page never shows the criticality.
    assertThat(mvc.perform(get("/stories/" + story.reference)).andReturn().getResponse().getContentAsString())
        .doesNotContain("moderately critical");
  }

  @Test
  void eachServicesCase_showsDueOrAnswered_andCockpitOnlyForThoseWhoMayFollowIt() throws Exception {
    Story story = twoServiceStory("Cases on the staff view", false);
    String graham = page(story.reference, "graham");
    // Neither service has answered yet: both cases run, each with its due date.
    assertThat(graham).contains("Due ").doesNotContain("Answered ");
    // graham manages Hairmyres: the ED case is his to follow in Cockpit, Care at Home's is not.
    assertThat(graham).containsOnlyOnce("Open the case in Cockpit").contains("Not in your Cockpit")
        .contains("/camunda/app/cockpit/default/#/process-instance/" + story.caseOf.get("ed") + "/runtime")
        .doesNotContain(story.caseOf.get("cah"));
    // A moderation lead follows every case; a responder has no Cockpit.
    String fiona = page(story.reference, "fiona");
    assertThat(fiona).contains(story.caseOf.get("ed")).contains(story.caseOf.get("cah"));
    assertThat(page(story.reference, "craig")).doesNotContain("Open the case in Cockpit")
        .contains("href=\"/staff/stories/" + story.reference + "/respond\"");

    answer(story, "ed", "craig");
    assertThat(page(story.reference, "craig")).contains("Answered ").contains("Case ended")
        .contains("Report a change planned or made");
  }

  @Test
  void changeUpdate_offersOnlyTheUsersTeamsResponses_andRefusesAnother() throws Exception {
    Story story = twoServiceStory("Change choices per team", true);
    Long edResponse = story.responseOf.get("ed");
    Long cahResponse = story.responseOf.get("cah");
    String craig = mvc.perform(get("/staff/stories/" + story.reference + "/changes").with(user("craig")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(craig).contains("id=\"response-" + edResponse + "\"").doesNotContain("id=\"response-" + cahResponse + "\"");
    String aileen = mvc.perform(get("/staff/stories/" + story.reference + "/changes").with(user("aileen")))
        .andReturn().getResponse().getContentAsString();
    assertThat(aileen).contains("id=\"response-" + cahResponse + "\"").doesNotContain("id=\"response-" + edResponse + "\"");
    // A lead may open the page but has no team response to choose from.
    assertThat(mvc.perform(get("/staff/stories/" + story.reference + "/changes").with(user("fiona")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
        .contains("Your teams have no published response to this story");

    // craig sends Care at Home's response id: refused, nothing started.
    String refused = report(story.reference, "craig", cahResponse, "made", "Not ours to report.")
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("Error: Report a change").contains("Choose the response the update is about");
    report(story.reference, "craig", null, null, " ").andExpect(status().isBadRequest())
        .andExpect(result -> assertThat(result.getResponse().getContentAsString())
            .contains("Choose the response the update is about").contains("Choose whether the change is planned or made")
            .contains("Describe the change"));
    report(story.reference, "fiona", edResponse, "made", "A lead cannot report for a team.")
        .andExpect(status().isBadRequest());
    assertThat(changeCases(story.reference)).isZero();
  }

  @Test
  void plannedThenMade_eachModeratedBeforeReadersSeeIt() throws Exception {
    Story story = twoServiceStory("Planned then made", true);
    Long response = story.responseOf.get("ed");
    String changes = "/staff/stories/" + story.reference + "/changes";

    report(story.reference, "craig", response, "planned", "A new triage nurse post from January.")
        .andExpect(redirectedUrl(changes));
    assertThat(publicPage(story.reference)).doesNotContain("A new triage nurse post").doesNotContain(">Change planned<");
    assertThat(page(story.reference, "craig")).contains("Change update waiting for a moderator");
    // While it waits, no second update.
    report(story.reference, "craig", response, "made", "Too soon.").andExpect(status().isBadRequest())
        .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("cannot take an update now"));

    moderate(story.reference, "approve");
    assertThat(publicPage(story.reference)).contains(">Change planned</strong>")
        .contains(">A new triage nurse post from January.</span>");

    report(story.reference, "graham", response, "made", "The triage nurse started on 6 January.")
        .andExpect(redirectedUrl(changes));
    assertThat(publicPage(story.reference)).contains(">Change planned</strong>").doesNotContain("started on 6 January");
    moderate(story.reference, "approve");
    assertThat(publicPage(story.reference)).contains(">Change made</strong>")
        .contains(">The triage nurse started on 6 January.</span>").doesNotContain(">Change planned</strong>");

    // A made change is final: neither planned nor made again.
    report(story.reference, "craig", response, "planned", "Back to planned?").andExpect(status().isBadRequest());
    assertThat(changeCasesRunning(story.reference)).isZero();
  }

  @Test
  void declinedUpdate_leavesTheResponseAsItWas() throws Exception {
    Story story = twoServiceStory("Declined change update", true);
    report(story.reference, "aileen", story.responseOf.get("cah"), "made", "Names Mrs Smith, so declined.")
        .andExpect(status().is3xxRedirection());
    moderate(story.reference, "decline");
    assertThat(publicPage(story.reference)).doesNotContain("Mrs Smith").doesNotContain(">Change made</strong>");
    assertThat(page(story.reference, "aileen")).doesNotContain("Change update waiting for a moderator");
  }

  @Test
  void theOldChangeMadeAddress_leadsToTheStorysChangePage() throws Exception {
    Story story = twoServiceStory("Old change address", true);
    Long response = story.responseOf.get("ed");
    mvc.perform(get("/staff/responses/" + response + "/change-made").with(user("craig")))
        .andExpect(redirectedUrl("/staff/stories/" + story.reference + "/changes?response=" + response));
    mvc.perform(get("/staff/responses/999999999/change-made").with(user("craig"))).andExpect(status().isNotFound());
    mvc.perform(get("/staff/responses/abc/change-made").with(user("craig"))).andExpect(status().isNotFound());
  }

  @Test
  void recognition_onlyByStaffOfTheStorysServices_withUndo_fromTheStaffView() throws Exception {
    Story story = twoServiceStory("Recognised from the staff view", false);
    String celebrate = "href=\"/staff/stories/" + story.reference + "/celebrate\"";
    assertThat(page(story.reference, "aileen")).contains(celebrate);
    // A moderation lead opens the staff view but is not staff of its services: no recognition.
    assertThat(page(story.reference, "fiona")).doesNotContain(celebrate);
    mvc.perform(post("/staff/stories/" + story.reference + "/recognise").with(user("fiona")).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/staff/stories/" + story.reference + "/recognise").with(user("aileen")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(recognitions(story.reference)).containsExactly("care-at-home-south-lanarkshire");
    mvc.perform(post("/staff/stories/" + story.reference + "/recognition/withdraw").with(user("craig")).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post("/staff/stories/" + story.reference + "/recognition/withdraw").with(user("aileen")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(recognitions(story.reference)).isEmpty();
  }

  @Test
  void followingAServiceFromTheStaffView_addsAStoryAlert() throws Exception {
    Story story = twoServiceStory("Follow from the staff view", false);
    assertThat(page(story.reference, "fiona")).contains("Follow this story").contains("SERVICE:" + testStories.serviceId(
        "care-at-home-south-lanarkshire"));
    mvc.perform(post("/staff/subscriptions").with(user("fiona")).with(csrf())
        .param("scope", "SERVICE:" + testStories.serviceId("care-at-home-south-lanarkshire"))
        .param("minCriticality", "0").param("delivery", "INSTANT")).andExpect(redirectedUrl("/staff/subscriptions"));
    assertThat(page(story.reference, "fiona")).doesNotContain("SERVICE:" + testStories.serviceId(
        "care-at-home-south-lanarkshire"));
    jdbc.update("delete from subscription where user_id = 'fiona'");
  }

  // ---------------------------------------------------------------------------------------------

  /** A published story about ED and Care at Home; its service cases; its responses when answered. */
  record Story(String reference, Map<String, String> caseOf, Map<String, Long> responseOf) {}

  private Story twoServiceStory(String title, boolean answered) {
    SubmittedStory submitted = testStories.submit(title);
    ProcessInstance instance = driver.instance(submitted.reference());
    driver.runSavePoints(instance);
    Long ed = testStories.serviceId("hairmyres-emergency-department");
    Long cah = testStories.serviceId("care-at-home-south-lanarkshire");
    driver.approve(instance, "3", List.of(ed, cah));
    Map<String, String> cases = new HashMap<>();
    for (ProcessInstance service : driver.serviceCases(instance)) {
      Object serviceId = runtime.getVariable(service.getId(), ServiceResponse.Vars.SERVICE_ID.name());
      cases.put(ed.equals(serviceId) ? "ed" : "cah", service.getId());
    }
    assertThat(cases).containsKeys("ed", "cah");
    Story story = new Story(submitted.reference(), cases, new HashMap<>());
    if (answered) {
      answer(story, "ed", "craig");
      answer(story, "cah", "aileen");
    }
    return story;
  }

  private void answer(Story story, String service, String responder) {
    ProcessInstance serviceCase = runtime.createProcessInstanceQuery().processInstanceId(story.caseOf.get(service))
        .singleResult();
    Map<String, Object> response = new HashMap<>();
    response.put("privateResponse", "Thank you for telling us. We are looking at how we keep people updated.");
    response.put("privateResponderName", responder.equals("craig") ? "Craig Wilson" : "Aileen Murray");
    response.put("privateResponderRole", "Team lead");
    response.put("change", "none");
    driver.submit(serviceCase, ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY, responder, response);
    driver.submit(serviceCase, ServiceResponse.Elements.USER_TASK_MODERATE_RESPONSE, "morag",
        Map.of("responseDecision", "approve"));
    story.responseOf.put(service, jdbc.queryForObject("select r.id from response r join story s on s.id = r.story_id"
        + " join care_service c on c.id = r.service_id where s.reference = ? and c.slug = ? and r.status = 'PUBLISHED'",
        Long.class, story.reference, service.equals("ed") ? "hairmyres-emergency-department" : "care-at-home-south-lanarkshire"));
  }

  private void moderate(String reference, String decision) {
    ProcessInstance change = runtime.createProcessInstanceQuery().processDefinitionKey(ResponseChangeLifecycle.PROCESS_KEY)
        .processInstanceBusinessKey(reference).singleResult();
    driver.runSavePoints(change);
    driver.submit(change, ResponseChangeLifecycle.Elements.USER_TASK_MODERATE_CHANGE, "morag",
        Map.of("changeDecision", decision));
  }

  private ResultActions report(String reference, String user, Long response, String kind, String description)
      throws Exception {
    var request = post("/staff/stories/" + reference + "/changes").with(user(user)).with(csrf())
        .param("description", description);
    if (response != null) {
      request.param("response", response.toString());
    }
    if (kind != null) {
      request.param("kind", kind);
    }
    return mvc.perform(request);
  }

  private ResultActions open(String reference, String user) throws Exception {
    return mvc.perform(get("/staff/stories/" + reference).with(user(user)));
  }

  private String page(String reference, String user) throws Exception {
    return open(reference, user).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  private String publicPage(String reference) throws Exception {
    return mvc.perform(get("/stories/" + reference)).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
  }

  private long changeCases(String reference) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ResponseChangeLifecycle.PROCESS_KEY)
        .processInstanceBusinessKey(reference).count();
  }

  private long changeCasesRunning(String reference) {
    return changeCases(reference);
  }

  private List<String> recognitions(String reference) {
    return jdbc.queryForList("select c.slug from staff_recognition r join story s on s.id = r.story_id"
        + " join care_service c on c.id = r.service_id where s.reference = ?", String.class, reference);
  }
}
