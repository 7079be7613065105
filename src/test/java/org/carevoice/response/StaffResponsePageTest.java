package org.carevoice.response;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.carevoice.CarevoiceTest;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** /staff/stories/{ref}/respond: sign-in, validation, and the same task as Tasklist. */
@CarevoiceTest
class StaffResponsePageTest {

  @Autowired MockMvc mvc;
  @Autowired TestStories testStories;
  @Autowired CaseDriver driver;
  @Autowired ProcessEngine processEngine;

  /** Several engines run in one test JVM (one per Spring context): say which one to assert on. */
  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void staffPages_needASignIn() throws Exception {
    mvc.perform(get("/staff/stories/CV-2026-000001/respond")).andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("Staff sign in")));
  }

  @Test
  void responder_seesTheStory_isToldWhatIsMissing_andResponds() throws Exception {
    String reference = published();
    String page = "/staff/stories/" + reference + "/respond";

    mvc.perform(get(page).with(user("craig"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("You are responding for: Emergency Department, University Hospital Hairmyres")));
    mvc.perform(get(page).with(user("aileen"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("No response to this story is waiting from your teams")));

    mvc.perform(post(page).with(user("craig")).with(csrf()).param("change", "made"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Write your response")))
        .andExpect(content().string(containsString("Give your name as it should appear")))
        .andExpect(content().string(containsString("Describe the change that is planned or made")));

    mvc.perform(post(page).with(user("craig")).with(csrf()).param("response", "Thank you, we are looking into the wait.")
            .param("responderName", "Craig Wilson").param("responderRole", "Charge Nurse").param("change", "none"))
        .andExpect(redirectedUrl(page));
    driver.runSavePoints(driver.instance(reference));
    ProcessInstance service = driver.serviceCases(driver.instance(reference)).get(0);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(service)
        .isWaitingAt(ServiceResponse.Elements.USER_TASK_MODERATE_RESPONSE);
  }

  private String published() {
    SubmittedStory submitted = testStories.submit("Staff page story");
    ProcessInstance story = driver.instance(submitted.reference());
    driver.runSavePoints(story);
    driver.submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "approve", "criticality", "3"));
    return submitted.reference();
  }
}
