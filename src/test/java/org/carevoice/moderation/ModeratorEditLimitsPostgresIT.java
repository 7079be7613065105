package org.carevoice.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carevoice.story.StoryLifecycle.Elements.USER_TASK_MODERATE_STORY;

import java.net.http.HttpResponse;
import java.util.Map;
import org.carevoice.PostgresApplication;
import org.carevoice.story.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The moderator's too-long edit on PostgreSQL, where it first failed ("value too long for type
 * character varying(150)" in an HTTP 500): refused with 400 before any SQL runs, and an edit at the
 * limit saved. The application runs on a database of its own, created for the test and dropped after.
 *
 * <p>Connection settings: see {@link PostgresApplication}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ModeratorEditLimitsPostgresIT {

  @Test
  void tooLongEditsAreRefusedWith400_andEditsAtTheLimitAreSaved(CapturedOutput log) throws Exception {
    try (PostgresApplication postgres = PostgresApplication.start()) {
      ConfigurableApplicationContext app = postgres.context();
      TasksOverHttp http = new TasksOverHttp(
          Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), app);
      assertThat(http.columnLength("story", "title")).isEqualTo(Story.TITLE_MAX);
      assertThat(http.columnLength("story", "body")).isEqualTo(Story.BODY_MAX);
      assertThat(http.columnLength("story", "moderator_message")).isEqualTo(Story.MODERATOR_MESSAGE_MAX);

      String reference = http.storyAtModeration("On PostgreSQL");
      String task = http.openTask(reference, USER_TASK_MODERATE_STORY).getId();
      HttpResponse<String> tooLong = http.claimAndSubmitOverEngineRest(task, "morag", Map.of(
          "decision", "approve", "criticality", "1", "privateTitle", "T".repeat(Story.TITLE_MAX + 1)));

      ModeratorEditLimitsTest.assertRefused(tooLong, "Title", "150", log);
      assertThat(http.story(reference)).containsEntry("title", "On PostgreSQL").containsEntry("status", "SUBMITTED");
      assertThat(http.openTask(reference, USER_TASK_MODERATE_STORY)).as("the task is still open").isNotNull();

      String title = "T".repeat(Story.TITLE_MAX);
      String text = "x".repeat(Story.BODY_MAX);
      String message = "m".repeat(Story.MODERATOR_MESSAGE_MAX);
      HttpResponse<String> atTheLimit = http.claimAndSubmitOverEngineRest(task, "morag", Map.of(
          "decision", "requestChanges", "criticality", "1", "privateTitle", title, "privateText", text,
          "privateMessageToAuthor", message));

      assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(204);
      http.runSavePoints(reference);
      assertThat(http.story(reference)).containsEntry("title", title).containsEntry("body", text)
          .containsEntry("moderator_message", message).containsEntry("status", "AWAITING_EDIT");
    }
  }
}
