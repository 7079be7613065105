package org.carevoice.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carevoice.story.StoryLifecycle.Elements.USER_TASK_CONFIRM_ANONYMISATION;
import static org.carevoice.story.StoryLifecycle.Elements.USER_TASK_MODERATE_STORY;

import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.carevoice.response.Response;
import org.carevoice.story.Story;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A moderator's edits longer than the story's columns, sent as an engine-rest client and as
 * Tasklist sends them: refused with HTTP 400 naming the field and its limit, the story and the
 * task left as they were, and nothing logged as an error. At the limit, the edit is saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class ModeratorEditLimitsTest {

  static final String WITH_IDENTIFIERS = "Dr Fraser looked after my dad all week. You can call me on 07700 900123 "
      + "if you want to know more about how kind the ward staff were to us.";

  @LocalServerPort int port;
  @Autowired ApplicationContext app;

  TasksOverHttp http;

  @BeforeEach
  void connect() {
    http = new TasksOverHttp(port, app);
  }

  @Test
  void titleLongerThanItsColumn_isRefusedNamingTheFieldAndLimit(CapturedOutput log) throws Exception {
    String reference = http.storyAtModeration("Title too long");
    Task task = http.openTask(reference, USER_TASK_MODERATE_STORY);

    HttpResponse<String> response = http.claimAndSubmitOverEngineRest(task.getId(), "morag",
        approve("privateTitle", "T".repeat(Story.TITLE_MAX + 1)));

    assertRefused(response, "Title", "150", log);
    assertThat(http.story(reference)).containsEntry("TITLE", "Title too long").containsEntry("STATUS", "SUBMITTED");
    assertThat(http.openTask(reference, USER_TASK_MODERATE_STORY)).as("the task is still open").isNotNull();
  }

  @Test
  void storyTextLongerThanItsColumn_isRefusedNamingTheFieldAndLimit(CapturedOutput log) throws Exception {
    String reference = http.storyAtModeration("Text too long");
    Task task = http.openTask(reference, USER_TASK_MODERATE_STORY);

    HttpResponse<String> response = http.claimAndSubmitOverEngineRest(task.getId(), "morag",
        approve("privateText", "x".repeat(Story.BODY_MAX + 1)));

    assertRefused(response, "Story", "20,000", log);
    assertThat(http.story(reference)).containsEntry("BODY", TasksOverHttp.BODY).containsEntry("STATUS", "SUBMITTED");
    assertThat(http.openTask(reference, USER_TASK_MODERATE_STORY)).isNotNull();
  }

  @Test
  void messageToAuthorLongerThanItsColumn_isRefusedNamingTheFieldAndLimit(CapturedOutput log) throws Exception {
    String reference = http.storyAtModeration("Message too long");
    Task task = http.openTask(reference, USER_TASK_MODERATE_STORY);

    HttpResponse<String> response = http.claimAndSubmitOverEngineRest(task.getId(), "morag", Map.of(
        "decision", "requestChanges", "criticality", "1",
        "privateMessageToAuthor", "m".repeat(Story.MODERATOR_MESSAGE_MAX + 1)));

    assertRefused(response, "Message to the author", "2,000", log);
    assertThat(http.story(reference)).containsEntry("MODERATOR_MESSAGE", null).containsEntry("STATUS", "SUBMITTED");
    assertThat(http.openTask(reference, USER_TASK_MODERATE_STORY)).isNotNull();
  }

  @Test
  void editsAtTheLimit_areSaved() throws Exception {
    String reference = http.storyAtModeration("Edits at the limit");
    Task task = http.openTask(reference, USER_TASK_MODERATE_STORY);
    String title = "T".repeat(Story.TITLE_MAX);
    String text = "x".repeat(Story.BODY_MAX);
    String message = "m".repeat(Story.MODERATOR_MESSAGE_MAX);

    HttpResponse<String> response = http.claimAndSubmitOverEngineRest(task.getId(), "morag", Map.of(
        "decision", "requestChanges", "criticality", "1", "privateTitle", title, "privateText", text,
        "privateMessageToAuthor", message));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    http.runSavePoints(reference);
    assertThat(http.story(reference)).containsEntry("TITLE", title).containsEntry("BODY", text)
        .containsEntry("MODERATOR_MESSAGE", message).containsEntry("STATUS", "AWAITING_EDIT");
    assertThat(http.openTask(reference, USER_TASK_MODERATE_STORY)).as("the task is done").isNull();
  }

  @Test
  void theColumnsHoldWhatTheChecksAllow() {
    assertThat(http.columnLength("story", "title")).isEqualTo(Story.TITLE_MAX);
    assertThat(http.columnLength("story", "body")).isEqualTo(Story.BODY_MAX);
    assertThat(http.columnLength("story", "moderator_message")).isEqualTo(Story.MODERATOR_MESSAGE_MAX);
    assertThat(http.columnLength("response", "moderator_note")).isEqualTo(Response.MODERATOR_NOTE_MAX);
    assertThat(http.columnLength("response", "body")).isEqualTo(Response.BODY_MAX);
    assertThat(http.columnLength("response", "responder_name")).isEqualTo(Response.RESPONDER_NAME_MAX);
    assertThat(http.columnLength("response", "responder_role")).isEqualTo(Response.RESPONDER_ROLE_MAX);
    assertThat(http.columnLength("response", "change_description")).isEqualTo(Response.CHANGE_DESCRIPTION_MAX);
    assertThat(http.columnLength("response", "pending_change")).isEqualTo(Response.CHANGE_DESCRIPTION_MAX);
  }

  @Test
  void inTasklist_aTooLongTitleIsRefusedReadably(CapturedOutput log) throws Exception {
    String reference = http.storyAtModeration("Tasklist title too long");
    Task task = http.openTask(reference, USER_TASK_MODERATE_STORY);

    HttpResponse<String> response = http.claimAndSubmitInTasklist(task.getId(), "morag",
        approve("privateTitle", "T".repeat(Story.TITLE_MAX + 1)));

    assertRefused(response, "Title", "150", log);
    assertThat(http.story(reference)).containsEntry("TITLE", "Tasklist title too long");
    assertThat(http.openTask(reference, USER_TASK_MODERATE_STORY)).isNotNull();
  }

  @Test
  void missingDecision_isRefusedWithTheListenersOwnWords(CapturedOutput log) throws Exception {
    String reference = http.storyAtModeration("No decision");
    Task task = http.openTask(reference, USER_TASK_MODERATE_STORY);

    HttpResponse<String> response = http.claimAndSubmitOverEngineRest(task.getId(), "morag",
        Map.of("criticality", "1"));

    assertRefused(response, "Choose whether to publish the story, reject it or ask the author for changes", "", log);
    assertThat(http.openTask(reference, USER_TASK_MODERATE_STORY)).isNotNull();
  }

  @Test
  void secondModerator_tooLongTitleRefused_andTheFirstModeratorCannotClaim(CapturedOutput log) throws Exception {
    String reference = http.storyAtModeration("Second look", WITH_IDENTIFIERS);
    HttpResponse<String> moderated = http.claimAndSubmitOverEngineRest(
        http.openTask(reference, USER_TASK_MODERATE_STORY).getId(), "morag",
        Map.of("decision", "approve", "criticality", "0"));
    assertThat(moderated.statusCode()).as(moderated.body()).isEqualTo(204);
    http.runSavePoints(reference);
    Task confirm = http.openTask(reference, USER_TASK_CONFIRM_ANONYMISATION);

    HttpResponse<String> sameModerator = http.claim(confirm.getId(), "morag");
    // Who may work the task, not what was typed: a 403 with the reason (issue 11), never a 500.
    assertThat(sameModerator.statusCode()).as(sameModerator.body()).isEqualTo(403);
    assertThat(sameModerator.body()).contains("you moderated this story").doesNotContain("ENGINE-03051");
    assertThat(log.getOut()).doesNotContain(" ERROR ").doesNotContain("ENGINE-03051");

    HttpResponse<String> tooLong = http.claimAndSubmitOverEngineRest(confirm.getId(), "iain",
        Map.of("anonymisationDecision", "confirm", "privateTitle", "T".repeat(Story.TITLE_MAX + 1)));
    assertRefused(tooLong, "Title", "150", log);
    assertThat(http.story(reference)).containsEntry("TITLE", "Second look");
    assertThat(http.openTask(reference, USER_TASK_CONFIRM_ANONYMISATION)).isNotNull();
  }

  private static Map<String, String> approve(String field, String value) {
    return Map.of("decision", "approve", "criticality", "1", field, value);
  }

  /** A 400 whose message a moderator can act on: no server error, no SQL, no stack trace logged. */
  static void assertRefused(HttpResponse<String> response, String field, String limit, CapturedOutput log) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(field).contains(limit)
        .doesNotContainIgnoringCase("sql").doesNotContain("update story").doesNotContain("ENGINE-03051")
        .doesNotContain("Exception:").doesNotContain("\tat ");
    assertThat(log.getOut()).doesNotContain(" ERROR ").doesNotContain("value too long")
        .doesNotContain("ENGINE-16004").doesNotContain("ENGINE-03051").doesNotContain("HTTP500");
  }
}
