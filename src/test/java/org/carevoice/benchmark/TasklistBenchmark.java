package org.carevoice.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.carevoice.CarevoiceApplication;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.response.ServiceResponse;
import org.carevoice.story.StoryLifecycle;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tasklist at volume on PostgreSQL, with authorization checks on: the filter list and count of a
 * moderator (morag) with 10,000 and 100,000 open "Moderate story" tasks, beside the same requests
 * as the administrator (whom Camunda does not check) in the same run, and a responder (craig)
 * whose few tasks sit among all the others. Not a test: run it on a quiet machine and copy the
 * table into docs/performance.md ("Tasklist at volume").
 *
 * <p>It drops and re-creates its own database {@code carevoice_bench_tasklist} (PGHOST, PGPORT,
 * PGUSER, PGPASSWORD as for PostgresStartupIT; {@code -Dbench.database} to change), starts the
 * whole application in this JVM with the profiles {@code postgres,demo} (the demo users, the job
 * executor off), and creates the tasks <b>through the engine</b>, not with SQL: each case is
 * started at "Moderate story" with {@code startBeforeActivity}, so the engine writes exactly what
 * it writes for a real story (the task, its candidate group, its listener's task-local variables,
 * due date and priority, its two boundary timers, history, and whatever rows the authorization
 * provider gives). All cases share one demo story (the listener reads it). Then VACUUM ANALYZE,
 * and each request is timed over HTTP with HTTP Basic, one at a time: warm-up, then samples.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.carevoice.benchmark.TasklistBenchmark \
 *     -Dbench.tasks=10000,100000 -Dbench.samples=40</pre>
 *
 * <p>Other settings: {@code -Dbench.otherTeams=1000} "Respond to story" tasks of other services,
 * {@code -Dbench.ownTasks=10} of craig's team; {@code -Dbench.threads=2} loading threads; {@code
 * -Dbench.maxSeconds=120} per row at most (for the slow "before" runs). The database is left in
 * place for EXPLAIN ANALYZE.
 */
public final class TasklistBenchmark {

  private static final String HOST = env("PGHOST", "127.0.0.1");
  private static final String PORT = env("PGPORT", "5432");
  private static final String ADMIN_DATABASE = env("PGDATABASE", "postgres");
  private static final String USER = env("PGUSER", "postgres");
  private static final String PASSWORD = env("PGPASSWORD", "");

  private static final String DATABASE = System.getProperty("bench.database", "carevoice_bench_tasklist");
  private static final List<Integer> LEVELS = Arrays.stream(System.getProperty("bench.tasks", "10000,100000")
      .split(",")).map(String::strip).map(Integer::valueOf).toList();
  private static final int SAMPLES = Integer.getInteger("bench.samples", 40);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 5);
  private static final int MAX_SECONDS = Integer.getInteger("bench.maxSeconds", 120);
  private static final int OTHER_TEAMS = Integer.getInteger("bench.otherTeams", 1000);
  private static final int OWN_TASKS = Integer.getInteger("bench.ownTasks", 10);
  private static final int THREADS = Integer.getInteger("bench.threads", 2);
  private static final int BATCH = 200;

  private static final String MODERATOR = "morag:demo";
  private static final String ADMIN = "admin:admin";
  private static final String RESPONDER = "craig:demo";
  private static final String RESPONDER_SERVICE = "hairmyres-emergency-department";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  private TasklistBenchmark(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    adminSql("drop database if exists " + DATABASE + " with (force)");
    adminSql("create database " + DATABASE);
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.UK, "Machine: %d cores, 1-minute load %.1f at the start; PostgreSQL %s%n%n",
        Runtime.getRuntime().availableProcessors(), load(), postgresVersion()));
    try (ConfigurableApplicationContext app = start(args)) {
      Loader loader = new Loader(app);
      TasklistBenchmark bench = new TasklistBenchmark(
          "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
      FilterService filters = app.getBean(FilterService.class);
      String moderation = filters.createFilterQuery().filterName("Stories to moderate").singleResult().getId();
      String mine = filters.createFilterQuery().filterName("My tasks").singleResult().getId();
      // The responders' own filter (none before issue 11): their tasks by candidate group.
      org.camunda.bpm.engine.filter.Filter team = filters.createFilterQuery()
          .filterNameLike("Responders: Emergency Department%Hairmyres%").singleResult();
      long started = System.nanoTime();
      loader.respondTasks(OTHER_TEAMS, OWN_TASKS);
      report.append(String.format(Locale.UK, "Loaded %,d \"Respond to story\" tasks of other services and %,d of"
          + " craig's in %.0f s%n", OTHER_TEAMS, OWN_TASKS, (System.nanoTime() - started) / 1e9));
      report.append("\n| open moderation tasks | user | filter | request | samples | p50 ms | p95 ms | answer |"
          + " p50 / admin's |\n|---:|---|---|---|---:|---:|---:|---:|---:|\n");
      int loaded = 0;
      for (int level : LEVELS) {
        started = System.nanoTime();
        loader.moderationTasks(level - loaded);
        loaded = level;
        double seconds = (System.nanoTime() - started) / 1e9;
        vacuumAnalyze();
        System.out.printf(Locale.UK, "%,d moderation tasks open (%.0f s to create); authorization rows: %,d%n", level,
            seconds, loader.authorizationRows());
        report.append(String.format(Locale.UK, "| %,d open; %,d authorization rows; created in %.0f s | | | | | | | |"
            + " |%n", level, loader.authorizationRows(), seconds));
        for (String filter : List.of(moderation, mine)) {
          String name = filter.equals(moderation) ? "Stories to moderate" : "My tasks";
          for (String request : List.of("list", "count")) {
            String path = "/engine-rest/filter/" + filter + "/" + request + (request.equals("list")
                ? "?firstResult=0&maxResults=15" : "");
            Timing admin = bench.time(ADMIN, path);
            Timing moderator = bench.time(MODERATOR, path);
            report.append(row(level, "admin", name, request, admin, admin));
            report.append(row(level, "morag (moderator)", name, request, moderator, admin));
          }
        }
        String path = "/engine-rest/filter/" + mine + "/list?firstResult=0&maxResults=15";
        Timing admin = bench.time(ADMIN, path);
        report.append(row(level, "craig (responder)", "My tasks", "list", bench.time(RESPONDER, path), admin));
        report.append(row(level, "craig (responder)", "My tasks", "count",
            bench.time(RESPONDER, "/engine-rest/filter/" + mine + "/count"), bench.time(ADMIN, "/engine-rest/filter/" + mine + "/count")));
        if (team != null) {
          for (String request : List.of("list", "count")) {
            String teamPath = "/engine-rest/filter/" + team.getId() + "/" + request
                + (request.equals("list") ? "?firstResult=0&maxResults=15" : "");
            Timing adminTeam = bench.time(ADMIN, teamPath);
            report.append(row(level, "admin", team.getName(), request, adminTeam, adminTeam));
            report.append(row(level, "craig (responder)", team.getName(), request, bench.time(RESPONDER, teamPath),
                adminTeam));
          }
        }
        System.out.println(report);
      }
    }
    System.out.println(report);
  }

  private static String row(int level, String user, String filter, String request, Timing timing, Timing admin) {
    return String.format(Locale.UK, "| %,d | %s | %s | %s | %d | %.0f | %.0f | %s | %.1f× |%n", level, user, filter,
        request, timing.samples(), timing.p50(), timing.p95(), timing.answer(), timing.p50() / admin.p50());
  }

  record Timing(int samples, double p50, double p95, String answer) {}

  /** Warm-up, then samples one after the other; stops early after {@link #MAX_SECONDS}. */
  private Timing time(String credentials, String path) throws Exception {
    String answer = "";
    for (int i = 0; i < WARMUP; i++) {
      answer = summary(send(credentials, path));
    }
    List<Double> millis = new ArrayList<>();
    long deadline = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
    while (millis.size() < SAMPLES && (millis.size() < 3 || System.nanoTime() < deadline)) {
      long start = System.nanoTime();
      HttpResponse<String> response = send(credentials, path);
      millis.add((System.nanoTime() - start) / 1e6);
      answer = summary(response);
    }
    millis.sort(Double::compare);
    return new Timing(millis.size(), percentile(millis, 50), percentile(millis, 95), answer);
  }

  /** A count's number, or how many tasks a list returned: a wrong answer shows in the table. */
  private static String summary(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    String body = response.body();
    if (body.startsWith("{\"count\":")) {
      return String.format(Locale.UK, "%,d", Long.parseLong(body.replaceAll("\\D", "")));
    }
    return (body.split("\"id\":", -1).length - 1) + " tasks";
  }

  private static double percentile(List<Double> sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private HttpResponse<String> send(String credentials, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Creates open tasks through the engine's own API, in batches of one transaction each. */
  static final class Loader {
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final OrganisationService organisation;
    private final Long storyId;
    private final AtomicInteger sequence = new AtomicInteger();

    Loader(ConfigurableApplicationContext app) {
      runtime = app.getBean(RuntimeService.class);
      transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
      jdbc = app.getBean(JdbcTemplate.class);
      organisation = app.getBean(OrganisationService.class);
      storyId = jdbc.queryForObject("select min(id) from story", Long.class);
    }

    void moderationTasks(int count) throws Exception {
      inBatches(count, () -> runtime.createProcessInstanceByKey(StoryLifecycle.PROCESS_KEY)
          .businessKey("CV-BENCH-" + sequence.incrementAndGet())
          .setVariable("storyId", storyId)
          .startBeforeActivity(StoryLifecycle.Elements.USER_TASK_MODERATE_STORY)
          .execute());
    }

    void respondTasks(int others, int own) throws Exception {
      List<CareService> services = organisation.allServices();
      CareService craigs = services.stream().filter(s -> s.getSlug().equals(RESPONDER_SERVICE)).findFirst().orElseThrow();
      List<CareService> otherServices = services.stream().filter(s -> !s.getId().equals(craigs.getId())).toList();
      AtomicInteger next = new AtomicInteger();
      inBatches(others, () -> respondTask(otherServices.get(next.getAndIncrement() % otherServices.size())));
      inBatches(own, () -> respondTask(craigs));
    }

    private void respondTask(CareService service) {
      Date later = Date.from(Instant.now().plus(30, ChronoUnit.DAYS));
      runtime.createProcessInstanceByKey(ServiceResponse.PROCESS_KEY)
          .businessKey("CV-BENCH-R" + sequence.incrementAndGet())
          .setVariable("storyId", storyId)
          .setVariable("serviceId", service.getId())
          .setVariable("criticality", 1)
          .setVariable("responderGroup", service.getResponderGroup())
          .setVariable("managerGroup", service.getManagerGroup())
          .setVariable("responseDue", later)
          .setVariable("escalationDue", later)
          .setVariable("overdueAt", later)
          .startBeforeActivity(ServiceResponse.Elements.USER_TASK_RESPOND_TO_STORY)
          .execute();
    }

    private void inBatches(int count, Runnable one) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> batches = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (int start = 0; start < count; start += BATCH) {
          int size = Math.min(BATCH, count - start);
          batches.add(pool.submit(() -> {
            transactions.executeWithoutResult(status -> {
              for (int i = 0; i < size; i++) {
                one.run();
              }
            });
            int total = done.addAndGet(size);
            if (total % 10_000 < size) {
              System.out.printf(Locale.UK, "  ... %,d of %,d%n", total, count);
            }
          }));
        }
        for (Future<?> batch : batches) {
          batch.get();
        }
      } finally {
        pool.shutdown();
      }
    }

    long authorizationRows() {
      return jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION", Long.class);
    }
  }

  private static ConfigurableApplicationContext start(String[] extra) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + jdbcUrl(DATABASE),
        "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD,
        "--server.port=0",
        "--carevoice.identity.admin-password=admin",
        "--carevoice.demo.password=demo",
        "--carevoice.demo.mail-capture.enabled=false",
        "--camunda.bpm.job-execution.enabled=false",
        "--carevoice.outbox.poll-interval=PT1H",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN"));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(CarevoiceApplication.class).profiles("postgres", "demo")
        .run(args.toArray(String[]::new));
  }

  private static void vacuumAnalyze() throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(DATABASE), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("vacuum analyze");
    }
  }

  private static String postgresVersion() throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(ADMIN_DATABASE), USER, PASSWORD)) {
      return connection.getMetaData().getDatabaseProductVersion();
    }
  }

  private static double load() {
    try {
      return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  private static void adminSql(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(ADMIN_DATABASE), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String jdbcUrl(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
