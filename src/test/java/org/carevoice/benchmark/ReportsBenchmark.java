package org.carevoice.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carevoice.CarevoiceApplication;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The managers' reports on PostgreSQL with many stories: latency of each report page for one
 * signed-in user (an administrator, who sees every service), one request after another. Not a
 * test: run it on a quiet machine and copy the numbers into docs/performance.md.
 *
 * <p>Like {@link PublicSiteBenchmark} it (re-)creates a database of its own ({@code
 * carevoice_reports_bench}), starts the application with the profile {@code postgres}, writes the
 * stories with {@link BenchData}, then the reports' own rows by SQL: a service case per story and
 * service (due dates, reminders, escalations, first responses), some strongly critical stories,
 * changes, shares and recognitions; then VACUUM ANALYZE. Every answer must be a 200 with the
 * expected content.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.carevoice.benchmark.ReportsBenchmark -Dbench.stories=100000 -Dbench.requests=60</pre>
 *
 * <p>{@code -Dbench.reuse=true} keeps the database of an earlier run with the same number of stories.
 */
public final class ReportsBenchmark {

  private static final String HOST = env("PGHOST", "127.0.0.1");
  private static final String PORT = env("PGPORT", "5432");
  private static final String USER = env("PGUSER", "postgres");
  private static final String PASSWORD = env("PGPASSWORD", "");
  private static final int STORIES = Integer.getInteger("bench.stories", 100_000);
  private static final int REQUESTS = Integer.getInteger("bench.requests", 60);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 15);
  private static final boolean REUSE = Boolean.getBoolean("bench.reuse");
  private static final String DATABASE = System.getProperty("bench.database", "carevoice_reports_bench");
  private static final String ADMIN_PASSWORD = "bench-" + System.nanoTime();

  private ReportsBenchmark() {}

  record Scenario(String name, String path, String marker) {}

  public static void main(String[] args) throws Exception {
    boolean load = !REUSE || count("select count(*) from story where status = 'PUBLISHED'") != STORIES;
    if (load) {
      admin("drop database if exists " + DATABASE + " with (force)");
      admin("create database " + DATABASE);
    } else {
      // A database kept from a run of an older branch may miss migrations numbered below its last.
      System.setProperty("spring.flyway.out-of-order", "true");
    }
    StringBuilder report = new StringBuilder();
    try (ConfigurableApplicationContext app = start();
        Connection db = DriverManager.getConnection(url(DATABASE) + "?reWriteBatchedInserts=true", USER, PASSWORD)) {
      if (load) {
        List<CareService> services = BenchData.organisationTree(app.getBean(OrganisationService.class));
        long started = System.nanoTime();
        new BenchData(new StoryTextGenerator(60_000, 1.0)).stories(db, services, STORIES, Instant.now());
        reportRows(db);
        try (Statement statement = db.createStatement()) {
          statement.execute("vacuum analyze");
        }
        System.out.printf(Locale.UK, "Loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);
      }
      report.append(String.format(Locale.UK, "Data: %,d stories (%,d published), %,d service cases (%,d unanswered,"
              + " %,d overdue), %,d tags, %,d services; database %s%n",
          count(db, "select count(*) from story"), count(db, "select count(*) from story where status = 'PUBLISHED'"),
          count(db, "select count(*) from service_case"),
          count(db, "select count(*) from service_case where first_response_at is null"),
          count(db, "select count(*) from service_case where first_response_at is null and overdue_at <= now()"),
          count(db, "select count(*) from story_tag"), count(db, "select count(*) from care_service"),
          value(db, "select pg_size_pretty(pg_database_size(current_database()))")));
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
          .cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
      // A kept database has the administrator of its first run: give it this run's password.
      org.camunda.bpm.engine.IdentityService identity = app.getBean(org.camunda.bpm.engine.IdentityService.class);
      org.camunda.bpm.engine.identity.User admin = identity.createUserQuery().userId("admin").singleResult();
      admin.setPassword(ADMIN_PASSWORD);
      identity.saveUser(admin);
      signIn(http, base);
      String organisation = value(db, "select o.slug from story_service ss join care_service cs on cs.id = ss.service_id"
          + " join site si on si.id = cs.site_id join organisation o on o.id = si.organisation_id"
          + " group by o.slug order by count(*) desc limit 1");
      String service = value(db, "select cs.slug from story_service ss join care_service cs on cs.id = ss.service_id"
          + " group by cs.slug order by count(*) desc limit 1");
      LocalDate today = LocalDate.now();
      String year = "period=custom&from=" + today.minusYears(1).plusDays(1) + "&to=" + today;
      List<Scenario> scenarios = List.of(
          new Scenario("report, everything, this month", "/staff/reports", "Report for all services"),
          new Scenario("report, organisation, this month", "/staff/reports?organisation=" + organisation, "Period:"),
          new Scenario("report, service, this month", "/staff/reports?service=" + service, "Period:"),
          new Scenario("report, everything, custom year", "/staff/reports?" + year, "Period:"),
          new Scenario("report, organisation, custom year", "/staff/reports?organisation=" + organisation + "&" + year,
              "Period:"),
          new Scenario("overdue list, everything", "/staff/reports/overdue", "cases overdue now"),
          new Scenario("CSV, everything, custom year", "/staff/reports.csv?" + year, "responses,response rate"),
          new Scenario("overdue CSV, everything", "/staff/reports/overdue.csv", "reference,service"));
      report.append(String.format(Locale.UK, "One user, one request after another: %d warm-up requests, then %d"
          + " measured; latency from sending the request to the whole answer read; load: the machine's 1-minute"
          + " load average after the row.%n%n", WARMUP, REQUESTS));
      report.append("| scenario | request | p50 ms | p95 ms | max ms | bytes | load |\n|---|---|---:|---:|---:|---:|---:|\n");
      for (Scenario scenario : scenarios) {
        for (int i = 0; i < WARMUP; i++) {
          get(http, base, scenario);
        }
        long[] latencies = new long[REQUESTS];
        int bytes = 0;
        for (int i = 0; i < REQUESTS; i++) {
          long started = System.nanoTime();
          bytes = get(http, base, scenario).length();
          latencies[i] = System.nanoTime() - started;
        }
        Arrays.sort(latencies);
        String row = String.format(Locale.UK, "| %s | `%s` | %.1f | %.1f | %.1f | %,d | %s |", scenario.name(),
            scenario.path(), ms(latencies, 0.5), ms(latencies, 0.95), latencies[latencies.length - 1] / 1e6, bytes,
            loadAverage());
        System.out.println(row);
        report.append(row).append('\n');
      }
    }
    Path out = Path.of("target", "benchmark", "reports-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println();
    System.out.println(report);
    System.out.println("Written to " + out);
  }

  /** The reports' rows for BenchData's stories, as the application would have written them. */
  static void reportRows(Connection db) throws SQLException {
    try (Statement sql = db.createStatement()) {
      // Some strongly and severely critical stories (BenchData's are 0-3).
      sql.execute("update story set criticality = 4 + (id % 2) where id % 13 = 0");
      // One case per story and service: due 7 days after publication, escalation 11, overdue 18;
      // reminded and escalated when not answered by then (and that moment has passed).
      sql.execute("""
          insert into service_case (story_id, service_id, opened_at, response_due_at, escalation_due_at, overdue_at,
                                    reminded_at, escalated_at, first_response_at)
          select c.story_id, c.service_id, c.opened_at, c.opened_at + interval '7 days', c.opened_at + interval '11 days',
                 c.opened_at + interval '18 days',
                 case when c.opened_at + interval '7 days' < coalesce(c.answered, now()) then c.opened_at + interval '7 days' end,
                 case when c.opened_at + interval '11 days' < coalesce(c.answered, now()) then c.opened_at + interval '11 days' end,
                 c.answered
          from (select s.id as story_id, ss.service_id, s.published_at as opened_at,
                       (select min(r.published_at) from response r where r.story_id = s.id and r.service_id = ss.service_id
                        and r.status = 'PUBLISHED') as answered
                from story s join story_service ss on ss.story_id = s.id where s.published_at is not null) c""");
      sql.execute("update response set change_type = 'planned' where status = 'PUBLISHED' and id % 11 = 0");
      sql.execute("update response set change_type = 'made', change_made_at = published_at + interval '20 days'"
          + " where status = 'PUBLISHED' and id % 17 = 0");
      sql.execute("insert into story_share (id, story_id, shared_by, shared_with_group, recipients, shared_at)"
          + " select row_number() over (order by id), id, 'bench.manager', 'responders-bench', 4,"
          + " published_at + interval '1 day' from story where status = 'PUBLISHED' and id % 97 = 0");
      sql.execute("insert into staff_recognition (id, story_id, service_id, recognised_by, recognised_at)"
          + " select row_number() over (order by s.id), s.id, min(ss.service_id), 'bench.manager',"
          + " s.published_at + interval '2 days' from story s join story_service ss on ss.story_id = s.id"
          + " where s.status = 'PUBLISHED' and s.id % 89 = 0 group by s.id, s.published_at");
    }
  }

  private static void signIn(HttpClient http, String base) throws Exception {
    String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
    if (!csrf.find()) {
      throw new IllegalStateException("No CSRF token on the sign-in page");
    }
    String body = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    String location = signedIn.headers().firstValue("Location").orElse("");
    if (location.contains("error")) {
      throw new IllegalStateException("Sign-in failed: " + location);
    }
  }

  private static String get(HttpClient http, String base, Scenario scenario) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + scenario.path()))
        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || !response.body().contains(scenario.marker())) {
      throw new IllegalStateException(scenario.name() + ": HTTP " + response.statusCode() + " without "
          + scenario.marker() + ": " + response.body().substring(0, Math.min(300, response.body().length())));
    }
    return response.body();
  }

  private static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(CarevoiceApplication.class).profiles("postgres").run(
        "--spring.datasource.url=" + url(DATABASE), "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD, "--server.port=0",
        "--carevoice.identity.admin-password=" + ADMIN_PASSWORD, "--camunda.bpm.job-execution.enabled=false",
        "--spring.main.banner-mode=off", "--logging.level.root=WARN");
  }

  private static double ms(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }

  private static long count(String sql) {
    try (Connection connection = DriverManager.getConnection(url(DATABASE), USER, PASSWORD)) {
      return count(connection, sql);
    } catch (SQLException e) {
      return -1;
    }
  }

  private static long count(Connection db, String sql) throws SQLException {
    return Long.parseLong(value(db, sql));
  }

  private static String value(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
