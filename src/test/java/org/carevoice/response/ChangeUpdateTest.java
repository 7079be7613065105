package org.carevoice.response;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carevoice.CarevoiceTest;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A later "change made" update on a published response, chosen on the story's change page: only
 * its service reports it; it is moderated (more in staff.StaffStoryPageTest).
 */
@CarevoiceTest
class ChangeUpdateTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void respondingService_reportsAChangeMade_moderatorPublishesIt_badgeShows() throws Exception {
    SubmittedStory submitted = testStories.submit("Change made later");
    Long responseId = Answering.answered(driver, jdbc, submitted);
    String page = "/staff/stories/" + submitted.reference() + "/changes";

    mvc.perform(get(page).with(user("aileen"))).andExpect(status().isForbidden());
    mvc.perform(post(page).with(user("craig")).with(csrf()).param("response", responseId.toString())
            .param("kind", "made").param("description", " "))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Describe the change")));
    mvc.perform(post(page).with(user("craig")).with(csrf()).param("response", responseId.toString())
            .param("kind", "made").param("description", "A quiet room for carers is open."))
        .andExpect(redirectedUrl(page));
    mvc.perform(get("/stories/" + submitted.reference()))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("A quiet room for carers"))));

    ProcessInstance change = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ResponseChangeLifecycle.PROCESS_KEY).processInstanceBusinessKey(submitted.reference())
        .singleResult();
    driver.runSavePoints(change);
    driver.submit(change, ResponseChangeLifecycle.Elements.USER_TASK_MODERATE_CHANGE, "morag",
        Map.of("changeDecision", "approve"));

    assertThat(change).hasPassed(ResponseChangeLifecycle.Elements.END_CHANGE_PUBLISHED).isEnded();
    mvc.perform(get("/stories/" + submitted.reference()))
        .andExpect(content().string(containsString(">Change made</strong>")))
        .andExpect(content().string(containsString(">A quiet room for carers is open.</span>")));
  }
}
