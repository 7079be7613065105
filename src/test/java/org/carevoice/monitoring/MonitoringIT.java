package org.carevoice.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carevoice.PostgresApplication;
import org.carevoice.identity.StaffGroups;
import org.carevoice.story.CaseDriver;
import org.carevoice.story.SubmittedStory;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Metrics and health as an operator gets them, on PostgreSQL: /actuator/prometheus refused to
 * visitors and to staff outside monitoring and camunda-admin; its carevoice_* and camunda_* series
 * move by exactly what a known set of stories, emails, service cases and jobs adds; the outbox's
 * backlog in the health details for administrators only; readiness DOWN while the database refuses
 * connections, and UP again after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT {

  private static final String SCRAPER = "prometheus-scraper";
  private static final String SCRAPER_PASSWORD = "scrape-secret-1";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private PostgresApplication app;
  private JdbcTemplate jdbc;
  private String database;

  @BeforeAll
  void start() {
    // Figures read afresh on every scrape; a refused connection noticed within two seconds.
    app = PostgresApplication.start("--carevoice.metrics.refresh=PT0S", "--carevoice.metrics.stories-refresh=PT0S",
        "--spring.datasource.hikari.connection-timeout=2000", "--spring.datasource.hikari.validation-timeout=1000");
    ConfigurableApplicationContext context = app.context();
    jdbc = context.getBean(JdbcTemplate.class);
    String url = context.getEnvironment().getProperty("spring.datasource.url");
    database = url.substring(url.lastIndexOf('/') + 1);
    IdentityService identity = context.getBean(IdentityService.class);
    User scraper = identity.newUser(SCRAPER);
    scraper.setPassword(SCRAPER_PASSWORD);
    identity.saveUser(scraper);
    identity.createMembership(SCRAPER, StaffGroups.MONITORING);
  }

  @AfterAll
  void stop() throws SQLException {
    if (app != null) {
      adminSql("alter database " + database + " with allow_connections true");
      app.close();
    }
  }

  @Test
  @Order(1)
  void prometheus_isForMonitoringAndAdministratorsOnly() throws Exception {
    assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "morag", "demo").statusCode()).isEqualTo(403);
    assertThat(get("/actuator/prometheus", SCRAPER, "wrong-password").statusCode()).isEqualTo(401);
    HttpResponse<String> scrape = get("/actuator/prometheus", SCRAPER, SCRAPER_PASSWORD);
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("carevoice_stories{", "camunda_job_successful_total{", "hikaricp_connections",
        "jvm_memory_used_bytes", "carevoice_scan_seconds_count{");
    assertThat(get("/actuator/prometheus", "admin", "admin").statusCode()).isEqualTo(200);
    // No other endpoint is open: no environment, beans or heap dump.
    assertThat(get("/actuator/env", "admin", "admin").statusCode()).isNotEqualTo(200);
  }

  @Test
  @Order(2)
  void theFigures_moveByExactlyWhatAKnownDataSetAdds() throws Exception {
    ConfigurableApplicationContext context = app.context();
    TestStories stories = context.getAutowireCapableBeanFactory().createBean(TestStories.class);
    CaseDriver cases = context.getAutowireCapableBeanFactory().createBean(CaseDriver.class);
    ManagementService management = context.getBean(ManagementService.class);
    String before = scrape();

    SubmittedStory submitted = stories.submit("Metrics: the night the heating failed");
    // Its save point waits for the job executor (off in the tests): one more job due.
    String submittedScrape = scrape();
    assertThat(delta(before, submittedScrape, "carevoice_stories", "state=\"SUBMITTED\"")).isEqualTo(1);
    assertThat(delta(before, submittedScrape, "camunda_jobs_due")).isEqualTo(1);
    assertThat(delta(before, submittedScrape, "camunda_root_process_instance_start_total")).isEqualTo(1);

    ProcessInstance instance = cases.instance(submitted.reference());
    cases.runSavePoints(instance);
    // Screened and scanned: it waits for a moderator.
    String moderated = scrape();
    assertThat(delta(before, moderated, "carevoice_moderation_backlog")).isEqualTo(1);
    assertThat(delta(before, moderated, "camunda_jobs_due")).isZero();
    assertThat(delta(before, moderated, "carevoice_scan_seconds_count")).isGreaterThanOrEqualTo(1);
    assertThat(delta(before, moderated, "camunda_activity_instance_start_total")).isGreaterThan(3);
    assertThat(value(moderated, "carevoice_moderation_oldest_age_seconds")).isGreaterThanOrEqualTo(0);

    // The emails of the submission have had their first try (nothing listens at the test's SMTP port).
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> jdbc.queryForObject("select count(*) from outbox_message where status = 'SENDING'", Long.class) == 0);
    before = scrape();

    // Two unanswered service cases of this story, one overdue since yesterday; three emails waiting
    // (the oldest queued two hours ago, due tomorrow so no sender takes them) and two given up.
    Long storyId = jdbc.queryForObject("select id from story where reference = ?", Long.class, submitted.reference());
    List<Long> services = jdbc.queryForList("select id from care_service order by id fetch first 2 rows only", Long.class);
    jdbc.update("insert into service_case (story_id, service_id, opened_at, overdue_at) values"
        + " (?, ?, now() - interval '10 days', now() - interval '1 day'), (?, ?, now(), now() + interval '5 days')",
        storyId, services.get(0), storyId, services.get(1));
    long id = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from outbox_message", Long.class);
    for (int i = 0; i < 5; i++) {
      jdbc.update("insert into outbox_message (id, template, recipient, subject, text_body, html_body, status, attempts,"
          + " next_attempt_at, created_at) values (?, 'story-received', 'metrics@example.org', 's', 't', 'h', ?, 0,"
          + " now() + interval '1 day', now() - ? * interval '1 hour')", id + i, i < 3 ? "PENDING" : "FAILED", 2 - i);
    }
    // A timer of the case without retries: a failed job and its incident.
    Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().list().get(0);
    management.setJobRetries(timer.getId(), 0);

    String after = scrape();
    assertThat(delta(before, after, "carevoice_responses_unanswered")).isEqualTo(2);
    assertThat(delta(before, after, "carevoice_responses_overdue")).isEqualTo(1);
    assertThat(delta(before, after, "carevoice_outbox_messages", "status=\"PENDING\"")).isEqualTo(3);
    assertThat(delta(before, after, "carevoice_outbox_messages", "status=\"FAILED\"")).isEqualTo(2);
    assertThat(value(after, "carevoice_outbox_oldest_pending_age_seconds")).isGreaterThanOrEqualTo(2 * 3600);
    assertThat(delta(before, after, "camunda_jobs_failed")).isEqualTo(1);
    assertThat(delta(before, after, "camunda_incidents_open")).isEqualTo(1);

    // The outbox's backlog is in the health details, for administrators only.
    String anonymous = get("/actuator/health", null, null).body();
    assertThat(anonymous).contains("\"status\":\"UP\"").doesNotContain("outbox").doesNotContain("pending");
    String forAdmin = get("/actuator/health", "admin", "admin").body();
    assertThat(forAdmin).contains("\"outbox\"");
    assertThat(number(forAdmin, "failed")).isGreaterThanOrEqualTo(2);
    assertThat(get("/actuator/health", "morag", "demo").body()).doesNotContain("outbox");
  }

  @Test
  @Order(3)
  void readiness_isDownWhileTheDatabaseRefusesConnections() throws Exception {
    assertThat(get("/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);

    adminSql("alter database " + database + " with allow_connections false");
    adminSql("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
        .until(() -> get("/actuator/health/readiness", null, null).statusCode() == 503);
    assertThat(get("/actuator/health/readiness", null, null).body()).contains("\"status\":\"DOWN\"");
    // Alive all the same: restarting the node would not bring the database back.
    assertThat(get("/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);

    adminSql("alter database " + database + " with allow_connections true");
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
        .until(() -> get("/actuator/health/readiness", null, null).statusCode() == 200);
  }

  private String scrape() throws Exception {
    HttpResponse<String> response = get("/actuator/prometheus", SCRAPER, SCRAPER_PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
        .timeout(Duration.ofSeconds(30)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static double delta(String before, String after, String series, String... labels) {
    return value(after, series, labels) - value(before, series, labels);
  }

  /** The value of the one sample of {@code series} with these labels (Prometheus text format). */
  static double value(String scrape, String series, String... labels) {
    Double found = null;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(series + "{") && List.of(labels).stream().allMatch(line::contains)) {
        assertThat(found).as("one sample of %s %s", series, List.of(labels)).isNull();
        found = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    assertThat(found).as("a sample of %s %s", series, List.of(labels)).isNotNull();
    return found;
  }

  private static long number(String json, String field) {
    Matcher matcher = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    assertThat(matcher.find()).as(field + " in " + json).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private static void adminSql(String sql) throws SQLException {
    String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    String port = System.getenv().getOrDefault("PGPORT", "5432");
    String admin = System.getenv().getOrDefault("PGDATABASE", "test");
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + admin,
        System.getenv().getOrDefault("PGUSER", "postgres"), System.getenv().getOrDefault("PGPASSWORD", ""));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
