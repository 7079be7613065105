package org.carevoice.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carevoice.story.Channel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 11, item 3: a moderator's list, as Tasklist reads it from engine-rest, identifies every
 * task (reference, service, urgency) and puts the most urgent first, then the soonest due.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ModerationQueueOverHttpTest {

  static final String ABUSIVE = "The doctor on the night shift was a total prick to my dad and nobody in the "
      + "emergency department cared how long we waited in the corridor.";

  @LocalServerPort int port;
  @Autowired ApplicationContext app;

  TasksOverHttp http;

  @BeforeEach
  void init() {
    http = new TasksOverHttp(port, app);
  }

  @Test
  void moderatorsQueue_showsReferenceServiceAndUrgency_abusiveStoryFirst_thenByDueDate() throws Exception {
    List<String> routine = new ArrayList<>();
    routine.add(http.storyAtModeration("First routine visit"));
    routine.add(http.storyAtModeration("Second routine visit"));
    String abusive = http.storyAtModeration("Abusive visit", ABUSIVE);
    routine.add(http.storyAtModeration("Third routine visit"));

    HttpResponse<String> response = http.filterList("Stories to moderate", "morag");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode tasks = new ObjectMapper().readTree(response.body()).path("_embedded").path("task");
    List<String> order = new ArrayList<>();
    for (JsonNode task : tasks) {
      Map<String, String> card = new HashMap<>();
      task.path("_embedded").path("variable").forEach(v -> card.put(v.path("name").asText(), v.path("value").asText()));
      assertThat(card).as("every card: %s", task.path("name").asText())
          .containsKeys("cardReference", "cardServices", "cardUrgency");
      assertThat(task.path("name").asText()).endsWith(card.get("cardReference"));
      assertThat(task.path("due").isNull()).isFalse();
      if (card.get("cardReference").equals(abusive) || routine.contains(card.get("cardReference"))) {
        order.add(card.get("cardReference"));
        assertThat(card.get("cardServices")).contains("Emergency Department");
        assertThat(card.get("cardUrgency")).isEqualTo(card.get("cardReference").equals(abusive) ? "high" : "routine");
      }
    }
    assertThat(order).containsExactly(abusive, routine.get(0), routine.get(1), routine.get(2));
  }

  @Test
  void aStoryTakenByPhoneOrOnPaper_saysSoOnItsCard_andAWebStoryDoesNot() throws Exception {
    String phone = http.storyAtModeration("Called the ward", TasksOverHttp.BODY, Channel.PHONE);
    String paper = http.storyAtModeration("Wrote a letter", TasksOverHttp.BODY, Channel.PAPER);
    String web = http.storyAtModeration("Told on the website");

    HttpResponse<String> response = http.filterList("Stories to moderate", "iain");

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Map<String, String>> cards = new HashMap<>();
    for (JsonNode task : new ObjectMapper().readTree(response.body()).path("_embedded").path("task")) {
      Map<String, String> card = new HashMap<>();
      task.path("_embedded").path("variable").forEach(v -> card.put(v.path("name").asText(), v.path("value").asText()));
      cards.put(card.get("cardReference"), card);
    }
    assertThat(cards.get(phone)).containsEntry("cardChannel", "Taken by phone, entered by staff");
    assertThat(cards.get(paper)).containsEntry("cardChannel", "Written on paper, entered by staff");
    assertThat(cards.get(web)).containsKey("cardUrgency").doesNotContainKey("cardChannel");

    // The form shows it read-only: sent back from Tasklist, it is dropped, and the moderation goes through.
    org.camunda.bpm.engine.task.Task task =
        http.openTask(phone, org.carevoice.story.StoryLifecycle.Elements.USER_TASK_MODERATE_STORY);
    HttpResponse<String> submitted = http.claimAndSubmitInTasklist(task.getId(), "iain",
        Map.of("decision", "approve", "criticality", "1", "cardChannel", "Told on the website"));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertThat(app.getBean(org.camunda.bpm.engine.HistoryService.class).createHistoricVariableInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).variableName("cardChannel").list()).extracting(v -> v.getValue())
        .containsOnly("Taken by phone, entered by staff");
  }
}
