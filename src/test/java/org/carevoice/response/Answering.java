package org.carevoice.response;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.SubmittedStory;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test steps: a submitted story is published and its one service's response is published. */
final class Answering {

  private Answering() {}

  /** Publishes the story (criticality 3), has craig respond and morag approve; returns the response id. */
  static Long answered(CaseDriver driver, JdbcTemplate jdbc, SubmittedStory submitted) {
    ProcessInstance story = driver.instance(submitted.reference());
    driver.runSavePoints(story);
    driver.submit(story, StoryLifecycle.Elements.USER_TASK_MODERATE_STORY, "morag",
        Map.of("decision", "approve", "criticality", "3"));
    ProcessInstance service = driver.serviceCases(story).get(0);
    Map<String, Object> response = new HashMap<>();
    response.put("privateResponse", "Thank you. Our nurses now give updates every hour in the waiting room.");
    response.put("privateResponderName", "Craig Wilson");
    response.put("privateResponderRole", "Charge Nurse");
    response.put("change", "none");
    driver.submit(service, ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY, "craig", response);
    driver.submit(service, ServiceResponse.Elements.USER_TASK_MODERATE_RESPONSE, "morag", Map.of("responseDecision", "approve"));
    return jdbc.queryForObject("select r.id from response r join story s on s.id = r.story_id"
        + " where s.reference = ? and r.status = 'PUBLISHED'", Long.class, submitted.reference());
  }
}
