package org.carevoice.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carevoice.story.StoryLifecycle.Elements.USER_TASK_MODERATE_STORY;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.carevoice.CarevoiceApplication;
import org.carevoice.RequiredService;
import org.carevoice.story.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The moderator's too-long edit on PostgreSQL, where it first failed ("value too long for type
 * character varying(150)" in an HTTP 500): refused with 400 before any SQL runs, and an edit at the
 * limit saved. The application runs on a database of its own, created for the test and dropped after.
 *
 * <p>Connection from PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (default 127.0.0.1:5432,
 * database test, user postgres, trust authentication).
 */
@ExtendWith(OutputCaptureExtension.class)
class ModeratorEditLimitsPostgresIT {

  private static final String HOST = env("PGHOST", "127.0.0.1");
  private static final String PORT = env("PGPORT", "5432");
  private static final String ADMIN_DATABASE = env("PGDATABASE", "test");
  private static final String USER = env("PGUSER", "postgres");
  private static final String PASSWORD = env("PGPASSWORD", "");

  private String database;

  @BeforeEach
  void createDatabase() {
    RequiredService.require(canConnect(), "PostgreSQL at " + HOST + ":" + PORT + "/" + ADMIN_DATABASE);
    database = "carevoice_edits_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    adminSql("create database " + database);
  }

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      adminSql("drop database if exists " + database + " with (force)");
    }
  }

  @Test
  void tooLongEditsAreRefusedWith400_andEditsAtTheLimitAreSaved(CapturedOutput log) throws Exception {
    try (ConfigurableApplicationContext app = start()) {
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

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(CarevoiceApplication.class)
        .profiles("postgres", "demo", "test")
        // Command-line arguments outrank the test profile's H2 settings.
        .run("--spring.datasource.url=jdbc:postgresql://" + HOST + ":" + PORT + "/" + database,
            "--spring.datasource.username=" + USER,
            "--spring.datasource.password=" + PASSWORD,
            "--server.port=0");
  }

  private static boolean canConnect() {
    try (Connection ignored = connect(ADMIN_DATABASE)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void adminSql(String sql) {
    try (Connection connection = connect(ADMIN_DATABASE); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run '" + sql + "' on PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static Connection connect(String name) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + name, USER, PASSWORD);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
