package org.carevoice.benchmark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carevoice.benchmark.ClosedLoop.Answer;
import org.carevoice.benchmark.ClosedLoop.Result;
import org.carevoice.benchmark.ClosedLoop.Scenario;
import org.carevoice.story.Relationship;
import org.carevoice.story.StoryLifecycle;
import org.carevoice.story.StoryTags;
import org.slf4j.LoggerFactory;

/**
 * The ratios of issue 14 in one run, each pair back to back on the same machine and PostgreSQL:
 * stories accepted over HTTP against the raw engine's own start (the floor), and the public pages
 * against a static file of the same application (the ceiling). Run by {@code bench/run}, which
 * builds the classes and passes the test class path; docs/performance.md, "The benchmark:
 * bench/run", says what each phase does. Ends with one line:
 *
 * <pre>submission/floor=X.XX list/ceiling=X.XX story/ceiling=X.XX p95_list_ms=N p95_story_ms=N</pre>
 */
public final class RatiosBenchmark {

  private static final boolean QUICK = Boolean.getBoolean("bench.quick");
  private static final int STORIES = Integer.getInteger("bench.stories", QUICK ? 5_000 : 100_000);
  private static final int SECONDS = Integer.getInteger("bench.seconds", QUICK ? 5 : 20);
  private static final int WARMUP = Integer.getInteger("bench.warmup", QUICK ? 2 : 5);
  /**
   * Seconds for the JIT before the first measured window of each side: the floor's engine and the
   * submissions each get this much load first (2 threads or clients), the static file and the four
   * pages share it. A server runs warm; without this the first windows measure the JIT compiler.
   */
  private static final int JVM_WARMUP = Integer.getInteger("bench.jvmWarmup", QUICK ? 10 : 50);
  /** {@code -Dbench.pages=false}: only the floor and the submissions (a shorter loop while working on them). */
  private static final boolean PAGES_TOO = !"false".equals(System.getProperty("bench.pages"));
  /** Longest wait for the cases of a submission phase to reach their moderation task. */
  private static final int DRAIN = Integer.getInteger("bench.drain", QUICK ? 60 : 180);
  /** Longest wait for the application to start (a first start on a busy machine took over 5 minutes). */
  private static final int START_MINUTES = Integer.getInteger("bench.startMinutes", 15);
  private static final String DATABASE = System.getProperty("bench.database", "carevoice_bench_run");
  private static final String FLOOR_DATABASE = DATABASE + "_floor";
  private static final boolean REUSE = Boolean.getBoolean("bench.reuse");
  private static final Path DOCKERFILE = Path.of(System.getProperty("bench.dockerfile", "docker/Dockerfile"));
  private static final List<Integer> CLIENTS = List.of(2, 4);
  private static final int PAGE_CLIENTS = 4;
  private static final String ADMIN = "bench-admin";
  private static final String STATIC_FILE = "/css/carevoice.css";
  private static final List<String> PAGES = List.of("list", "list-filtered", "search-common", "story");
  /** How often the database is asked which cases have reached their moderation task. */
  private static final int POLL_MILLIS = 10;
  private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"(CV-\\d{4}-\\d{6,})\"");

  private RatiosBenchmark() {}

  public static void main(String[] args) throws Exception {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    long begun = System.nanoTime();
    Map<String, String> image = dockerEnvironment();
    String jvmOptions = image.getOrDefault("JAVA_TOOL_OPTIONS", "");
    print(PublicSiteBenchmark.machine().strip());
    print("Docker image (" + DOCKERFILE + "): " + image + "; max heap there on this machine: "
        + maxHeap(jvmOptions) + " (the image sets no -Xmx; compose sets no memory limit)");

    boolean loadData = !REUSE || PublicSiteBenchmark.publishedIn(DATABASE) != STORIES;
    print(String.format(Locale.UK, "Mode: %s; %,d published stories; windows of %d s after %d s of warm-up;"
        + " database %s (%s)", QUICK ? "quick" : "full", STORIES, SECONDS, WARMUP, DATABASE,
        loadData ? "new" : "kept from an earlier run"));
    if (loadData) {
      PublicSiteBenchmark.adminSql("drop database if exists " + DATABASE + " with (force)");
      PublicSiteBenchmark.adminSql("create database " + DATABASE);
    } else {
      forgetAdministrator();
    }
    PublicSiteBenchmark.adminSql("drop database if exists " + FLOOR_DATABASE + " with (force)");
    PublicSiteBenchmark.adminSql("create database " + FLOOR_DATABASE);

    String password = UUID.randomUUID().toString();
    GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    int port = freePort();
    Path log = Path.of("target", "benchmark", "bench-run-app.log");
    Files.createDirectories(log.getParent());
    long startedAt = System.nanoTime();
    Process app = startApplication(image, port, mail.getSmtp().getPort(), password, args, log);
    // The floor's engine creates its tables while the application starts; both are measured later.
    CompletableFuture<EngineFloor> floorEngine = CompletableFuture.supplyAsync(() -> new EngineFloor(
        PublicSiteBenchmark.jdbcUrl(FLOOR_DATABASE), PublicSiteBenchmark.USER, PublicSiteBenchmark.PASSWORD, 10));
    String base = "http://127.0.0.1:" + port;
    try (Connection db = DriverManager.getConnection(PublicSiteBenchmark.jdbcUrl(DATABASE)
        + "?reWriteBatchedInserts=true", PublicSiteBenchmark.USER, PublicSiteBenchmark.PASSWORD)) {
      awaitReady(app, log);
      print(String.format(Locale.UK, "Application: pid %d, ready %.1f s after its JVM started (load %s);"
          + " its log: %s", app.pid(), (System.nanoTime() - startedAt) / 1e9, ClosedLoop.loadAverage(), log));
      if (loadData) {
        long started = System.nanoTime();
        BenchData.Loaded loaded = new BenchData(new StoryTextGenerator(60_000, 1.0))
            .storiesAbout(db, BenchData.services(db), STORIES, Instant.now());
        try (Statement statement = db.createStatement()) {
          statement.execute("vacuum analyze");
        }
        print(String.format(Locale.UK, "Loaded %,d published and %,d rejected stories, %,d responses, and VACUUM"
            + " ANALYZE, in %.0f s (load %s)", loaded.published(), loaded.rejected(), loaded.responses(),
            (System.nanoTime() - started) / 1e9, ClosedLoop.loadAverage()));
      }

      print("");
      print("Floor: raw Camunda start of a one-user-task process, Java API, history FULL, job executor off,"
          + " database " + FLOOR_DATABASE);
      Map<Integer, Result> floor = new LinkedHashMap<>();
      try (EngineFloor engine = floorEngine.join()) {
        engine.measure(CLIENTS.get(0), JVM_WARMUP);
        for (int threads : CLIENTS) {
          engine.measure(threads, WARMUP);
          Result result = engine.measure(threads, SECONDS);
          floor.put(threads, result);
          print(String.format(Locale.UK, "  floor, %d threads: %.1f starts/s, p50 %.1f ms, p99 %.1f ms, errors %d"
              + " (load %s)", threads, result.perSecond(), result.ms(0.50), result.ms(0.99), result.errors(),
              result.load()));
        }
        print("  instances waiting at their user task: " + engine.waiting());
      }

      print("");
      print("Submission: POST /api/v1/stories (HTTP Basic, staff API), closed loop; case = from sending the POST"
          + " until its moderation task is in ACT_RU_TASK (polled every " + POLL_MILLIS + " ms)");
      Map<Integer, Result> submissions = new LinkedHashMap<>();
      try (CaseWatch watch = new CaseWatch(DriverManager.getConnection(PublicSiteBenchmark.jdbcUrl(DATABASE),
          PublicSiteBenchmark.USER, PublicSiteBenchmark.PASSWORD))) {
        Submissions post = new Submissions(base, password, slugs(db), watch);
        watch.phase("JIT warm-up");
        ClosedLoop.run(post.scenario(), CLIENTS.get(0), JVM_WARMUP);
        // The engine's tables were empty when the application started; a server that has run for a
        // while has had them analysed by autovacuum, so its plans are made with real row counts.
        try (Statement statement = db.createStatement()) {
          statement.execute("analyze");
        }
        for (int clients : CLIENTS) {
          watch.phase("warm-up " + clients);
          ClosedLoop.run(post.scenario(), clients, WARMUP);
          String phase = "measured " + clients;
          watch.phase(phase);
          Result result = ClosedLoop.run(post.scenario(), clients, SECONDS);
          String load = result.load();
          int waited = watch.drain(DRAIN);
          long[] cases = watch.latencies(phase);
          List<String> accepted = watch.references(phase);
          long stored = count(db, "select count(*) from story where reference = any(?)", accepted);
          long tasks = count(db, "select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
              + " where t.task_def_key_ = '" + StoryLifecycle.Elements.USER_TASK_MODERATE_STORY + "'"
              + " and e.business_key_ = any(?)", accepted);
          submissions.put(clients, result);
          print(String.format(Locale.UK, "  submission, %d clients: %.1f stories/s, POST p50 %.1f ms, p99 %.1f ms,"
              + " errors %d%s (load %s)", clients, result.perSecond(), result.ms(0.50), result.ms(0.99),
              result.errors(), result.errors() == 0 ? "" : " (" + result.firstError() + ")", load));
          print(String.format(Locale.UK, "    whole case: p50 %.0f ms, p99 %.0f ms, max %.0f ms; %,d accepted (2xx),"
              + " %,d story rows, %,d moderation tasks, %,d not there after the %d s wait (load %s)", quantile(cases,
              0.50), quantile(cases, 0.99), quantile(cases, 1.0), accepted.size(), stored, tasks,
              accepted.size() - cases.length, waited, ClosedLoop.loadAverage()));
        }
      }
      print(String.format(Locale.UK, "  emails received by the SMTP catcher: %,d", mail.getReceivedMessages().length));
      mail.purgeEmailFromAllMailboxes();

      double submissionRatio = CLIENTS.stream().mapToDouble(c -> submissions.get(c).perSecond()
          / floor.get(c).perSecond()).min().orElse(0);
      if (!PAGES_TOO) {
        print(String.format(Locale.ROOT, "submission/floor=%.2f (pages not measured: -Dbench.pages=false)",
            submissionRatio));
        return;
      }
      print("");
      HttpClient http = ClosedLoop.client();
      Scenario staticFile = staticFile(http, base);
      StringBuilder words = new StringBuilder();
      List<Scenario> pages = PublicSiteBenchmark.scenarios(db, base, null, words).stream()
          .filter(scenario -> PAGES.contains(scenario.name())).toList();
      for (Scenario page : pages) {
        String problem = page.check(page.action().apply(new Random(1)));
        if (problem != null) {
          print("  WRONG ANSWER from " + page.name() + ": " + problem);
        }
      }
      // The JVM compiles the hot paths of the static file and of every page first, so that what is
      // measured first is not slower for it.
      List<Scenario> warm = new ArrayList<>(List.of(staticFile));
      warm.addAll(pages);
      for (Scenario scenario : warm) {
        ClosedLoop.run(scenario, 2, Math.max(1, JVM_WARMUP / warm.size()));
      }
      ClosedLoop.run(staticFile, PAGE_CLIENTS, WARMUP);
      Result ceiling = ClosedLoop.run(staticFile, PAGE_CLIENTS, SECONDS);
      print(String.format(Locale.UK, "Ceiling: GET %s (%,d bytes), %d clients: %.0f req/s, p50 %.1f ms, p95 %.1f ms,"
          + " errors %d (load %s)", STATIC_FILE, expectedStatic().length(), PAGE_CLIENTS, ceiling.perSecond(),
          ceiling.ms(0.50), ceiling.ms(0.95), ceiling.errors(), ceiling.load()));

      print("");
      print("Pages, " + PAGE_CLIENTS + " clients:");
      Map<String, Result> measured = new LinkedHashMap<>();
      for (Scenario page : pages) {
        ClosedLoop.run(page, PAGE_CLIENTS, WARMUP);
        Result result = ClosedLoop.run(page, PAGE_CLIENTS, SECONDS);
        measured.put(page.name(), result);
        print(String.format(Locale.UK, "  %-14s %-60s %6.0f req/s, p50 %6.1f ms, p95 %6.1f ms, p99 %6.1f ms,"
            + " errors %d (load %s)", page.name(), page.request(), result.perSecond(), result.ms(0.50),
            result.ms(0.95), result.ms(0.99), result.errors(), result.load()));
      }

      print("");
      print("Memory: application JVM after the run: " + memory(app.pid()) + "; JAVA_TOOL_OPTIONS as in the image: "
          + jvmOptions + " (max heap " + maxHeap(jvmOptions) + ")");
      long since = Long.getLong("bench.startedAt", 0L);
      print(String.format(Locale.UK, "Took %.0f s in this JVM%s; load at the end %s", (System.nanoTime() - begun) / 1e9,
          since == 0 ? "" : String.format(Locale.UK, ", %d s since bench/run began (with the build)",
              Instant.now().getEpochSecond() - since), ClosedLoop.loadAverage()));

      Result list = measured.get("list");
      Result story = measured.get("story");
      print(String.format(Locale.ROOT, "submission/floor=%.2f list/ceiling=%.2f story/ceiling=%.2f p95_list_ms=%d"
          + " p95_story_ms=%d", submissionRatio, list.perSecond() / ceiling.perSecond(),
          story.perSecond() / ceiling.perSecond(), Math.round(list.ms(0.95)), Math.round(story.ms(0.95))));
    } finally {
      floorEngine.thenAccept(EngineFloor::close);
      stop(app);
      mail.stop();
      PublicSiteBenchmark.adminSql("drop database if exists " + FLOOR_DATABASE + " with (force)");
    }
  }

  // --- submissions ---------------------------------------------------------------------------

  /** Valid, varied stories POSTed by a member of staff (the application's administrator). */
  private static final class Submissions {

    private static final List<String> TAGS = List.copyOf(StoryTags.ALL);
    private static final String[] PSEUDONYMS = {"Larkhall dad", "A grateful patient", "Worried mum", "Carer",
        "Jim from Hamilton", "Anonymous", "Son of a patient", "Elaine"};

    private final String url;
    private final String authorization;
    private final List<String> services;
    private final CaseWatch watch;
    private final HttpClient http = ClosedLoop.client();
    private final ObjectMapper json = new ObjectMapper();
    private final StoryTextGenerator words = new StoryTextGenerator(60_000, 1.0);

    Submissions(String base, String password, List<String> services, CaseWatch watch) {
      this.url = base + "/api/v1/stories";
      this.authorization = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + password)
          .getBytes(StandardCharsets.UTF_8));
      this.services = services;
      this.watch = watch;
    }

    Scenario scenario() {
      return new Scenario("submission", "POST /api/v1/stories", 201, this::submit, answer ->
          REFERENCE.matcher(answer.body()).find() ? null : "no reference in " + answer.body());
    }

    private Answer submit(Random random) {
      String body;
      try {
        body = json.writeValueAsString(story(random));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      long sent = System.nanoTime();
      Answer answer = ClosedLoop.send(http, HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)), "\"reference\"");
      if (answer.status() / 100 == 2) {
        Matcher reference = REFERENCE.matcher(answer.body());
        if (reference.find()) {
          watch.accepted(reference.group(1), sent);
        }
      }
      return answer;
    }

    private Map<String, Object> story(Random random) {
      Map<String, Object> story = new LinkedHashMap<>();
      story.put("title", words.title(random));
      story.put("text", words.text(random, 60 + random.nextInt(240)));
      story.put("pseudonym", PSEUDONYMS[random.nextInt(PSEUDONYMS.length)]);
      story.put("email", "bench-author-" + random.nextInt(100_000) + "@example.org");
      story.put("relationship", Relationship.values()[random.nextInt(Relationship.values().length)].name());
      story.put("happenedIn", YearMonth.now().minusMonths(random.nextInt(12)).toString());
      List<String> about = new ArrayList<>(List.of(services.get(random.nextInt(services.size()))));
      if (random.nextInt(10) == 0) {
        String second = services.get(random.nextInt(services.size()));
        if (!about.contains(second)) {
          about.add(second);
        }
      }
      story.put("services", about);
      List<String> tags = new ArrayList<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        String tag = TAGS.get(random.nextInt(TAGS.size()));
        if (!tags.contains(tag)) {
          tags.add(tag);
        }
      }
      story.put("tags", tags);
      story.put("channel", random.nextBoolean() ? "PHONE" : "PAPER");
      story.put("consent", true);
      return story;
    }
  }

  /**
   * Watches the accepted stories' cases: a thread asks the database every {@value #POLL_MILLIS} ms
   * which of the cases still awaited have a moderation task, and notes when it first saw each.
   */
  private static final class CaseWatch implements AutoCloseable {

    private record Case(String phase, long sent) {}

    private final Connection connection;
    private final Map<String, Case> accepted = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile String phase = "";
    private volatile boolean running = true;

    CaseWatch(Connection connection) {
      this.connection = connection;
      this.poller = new Thread(this::poll, "bench-case-watch");
      poller.setDaemon(true);
      poller.start();
    }

    void phase(String name) {
      phase = name;
    }

    void accepted(String reference, long sent) {
      accepted.put(reference, new Case(phase, sent));
    }

    /** Waits until every accepted case has been seen, at most {@code seconds}; gives the seconds waited. */
    int drain(int seconds) throws InterruptedException {
      long started = System.nanoTime();
      long until = started + TimeUnit.SECONDS.toNanos(seconds);
      while (seen.size() < accepted.size() && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      return (int) Math.round((System.nanoTime() - started) / 1e9);
    }

    List<String> references(String phase) {
      return accepted.entrySet().stream().filter(e -> e.getValue().phase().equals(phase)).map(Map.Entry::getKey)
          .toList();
    }

    long[] latencies(String phase) {
      return accepted.entrySet().stream().filter(e -> e.getValue().phase().equals(phase))
          .filter(e -> seen.containsKey(e.getKey())).mapToLong(e -> seen.get(e.getKey()) - e.getValue().sent())
          .sorted().toArray();
    }

    private void poll() {
      // From the awaited cases' executions (index on the business key) to their tasks: asked 100 times
      // a second, a scan of every open task would cost the database more than the stories it measures.
      String sql = "select distinct e.business_key_ from act_ru_execution e where e.business_key_ = any(?)"
          + " and exists (select 1 from act_ru_task t where t.proc_inst_id_ = e.proc_inst_id_"
          + " and t.task_def_key_ = '" + StoryLifecycle.Elements.USER_TASK_MODERATE_STORY + "')";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        while (running) {
          String[] awaited = accepted.keySet().stream().filter(reference -> !seen.containsKey(reference))
              .toArray(String[]::new);
          if (awaited.length > 0) {
            statement.setArray(1, connection.createArrayOf("varchar", awaited));
            try (ResultSet rows = statement.executeQuery()) {
              long now = System.nanoTime();
              while (rows.next()) {
                seen.putIfAbsent(rows.getString(1), now);
              }
            }
          }
          Thread.sleep(POLL_MILLIS);
        }
      } catch (SQLException e) {
        System.err.println("The case watch stopped: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() throws Exception {
      running = false;
      poller.join(5_000);
      connection.close();
    }
  }

  // --- the ceiling ---------------------------------------------------------------------------

  /** The application's own stylesheet, which every public page loads: exactly the file in the build. */
  private static Scenario staticFile(HttpClient http, String base) throws IOException {
    String expected = expectedStatic();
    return new Scenario("static", STATIC_FILE, random -> ClosedLoop.get(http, base + STATIC_FILE,
        expected.substring(0, Math.min(40, expected.length()))), answer -> answer.body().equals(expected) ? null
        : "not the file in the build (" + answer.body().length() + " characters)");
  }

  private static String expectedStatic() throws IOException {
    try (InputStream in = RatiosBenchmark.class.getResourceAsStream("/static" + STATIC_FILE)) {
      if (in == null) {
        throw new IllegalStateException("static" + STATIC_FILE + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  // --- the application -----------------------------------------------------------------------

  /** The ENV instruction of the Dockerfile: the image's profile, time zone and JVM options. */
  private static Map<String, String> dockerEnvironment() throws IOException {
    String dockerfile = Files.readString(DOCKERFILE).replaceAll("\\\\\\r?\\n", " ");
    Map<String, String> environment = new LinkedHashMap<>();
    for (String line : dockerfile.split("\\r?\\n")) {
      if (line.startsWith("ENV ")) {
        Matcher pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(line.substring(4));
        while (pair.find()) {
          environment.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
        }
      }
    }
    if (!environment.containsKey("JAVA_TOOL_OPTIONS")) {
      throw new IllegalStateException(DOCKERFILE + " sets no JAVA_TOOL_OPTIONS: say which heap to measure with");
    }
    return environment;
  }

  /**
   * The application in a JVM of its own, with the image's environment (profile postgres, its JVM
   * options), on this run's database, with its email going to the catcher in this JVM, and the
   * rate limits out of the way of a load test.
   */
  private static Process startApplication(Map<String, String> image, int port, int smtpPort, String password,
      String[] extra, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-cp", applicationClassPath(),
        BenchApplication.class.getName(),
        "--spring.datasource.url=" + PublicSiteBenchmark.jdbcUrl(DATABASE),
        "--spring.datasource.username=" + PublicSiteBenchmark.USER,
        "--spring.datasource.password=" + PublicSiteBenchmark.PASSWORD,
        "--server.port=" + port,
        "--carevoice.identity.admin-user=" + ADMIN,
        "--carevoice.identity.admin-password=" + password,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--carevoice.rate-limit.api.capacity=100000000",
        "--carevoice.rate-limit.submission-per-ip.capacity=100000000",
        "--carevoice.rate-limit.submission-per-email.capacity=100000000",
        "--spring.main.banner-mode=off"));
    command.addAll(Arrays.asList(extra));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(image);
    return builder.start();
  }

  /**
   * The application's own classes and run-time dependencies ({@code bench.appClasspath}, from
   * bench/run), and of the test classes only the launcher and what it uses, copied to a folder of
   * their own: the application scans org.carevoice for components, and would otherwise also find
   * the tests' configurations (a movable clock, for one).
   */
  private static String applicationClassPath() throws IOException {
    String runtime = System.getProperty("bench.appClasspath");
    if (runtime == null) {
      throw new IllegalStateException("Set -Dbench.appClasspath to the application's classes and run-time"
          + " dependencies (bench/run does)");
    }
    Path tests;
    try {
      tests = Path.of(BenchApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    String folder = BenchApplication.class.getPackageName().replace('.', '/');
    Path launcher = Path.of("target", "benchmark", "launcher");
    Files.createDirectories(launcher.resolve(folder));
    List<String> needed = List.of(BenchApplication.class.getSimpleName(), BenchData.class.getSimpleName(),
        StoryTextGenerator.class.getSimpleName());
    try (var classes = Files.list(tests.resolve(folder))) {
      for (Path file : classes.toList()) {
        String name = file.getFileName().toString();
        if (needed.stream().anyMatch(n -> name.equals(n + ".class") || name.startsWith(n + "$"))) {
          Files.copy(file, launcher.resolve(folder).resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return launcher.toAbsolutePath() + java.io.File.pathSeparator + runtime;
  }

  private static void awaitReady(Process app, Path log) throws IOException, InterruptedException {
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(START_MINUTES);
    while (System.nanoTime() < until) {
      if (Files.exists(log) && Files.readString(log).contains(BenchApplication.READY)) {
        return;
      }
      if (!app.isAlive()) {
        List<String> lines = Files.readAllLines(log);
        throw new IllegalStateException("The application stopped (exit " + app.exitValue() + "); its log ends:\n"
            + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("The application was not ready after " + START_MINUTES + " minutes; see " + log);
  }

  private static void stop(Process app) throws InterruptedException {
    app.destroy();
    if (!app.waitFor(30, TimeUnit.SECONDS)) {
      app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** VmRSS (now) and VmHWM (the most it had) of a process. */
  private static String memory(long pid) {
    try {
      Map<String, String> status = new LinkedHashMap<>();
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        String[] parts = line.split(":\\s+", 2);
        if (parts.length == 2) {
          status.put(parts[0], parts[1].strip());
        }
      }
      return "RSS " + mib(status.get("VmRSS")) + " (peak " + mib(status.get("VmHWM")) + ")";
    } catch (IOException e) {
      return "RSS unknown (" + e.getMessage() + ")";
    }
  }

  private static String mib(String kilobytes) {
    return kilobytes == null ? "?" : String.format(Locale.UK, "%,d MiB", Long.parseLong(kilobytes.replaceAll("\\D", ""))
        / 1024);
  }

  /** The max heap that these JVM options give on this machine, as the JVM itself reports it. */
  private static String maxHeap(String jvmOptions) {
    try {
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(Arrays.asList(jvmOptions.strip().split("\\s+")));
      command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      Matcher size = Pattern.compile("\\bMaxHeapSize\\s*=\\s*(\\d+)").matcher(output);
      return size.find() ? String.format(Locale.UK, "%,d MiB", Long.parseLong(size.group(1)) >> 20) : "?";
    } catch (IOException | InterruptedException e) {
      return "? (" + e.getMessage() + ")";
    }
  }

  /**
   * A kept database has the administrator of an earlier run: removed with its grants, so that the
   * application creates it again with this run's password.
   */
  private static void forgetAdministrator() throws SQLException {
    try (Connection connection = DriverManager.getConnection(PublicSiteBenchmark.jdbcUrl(DATABASE),
        PublicSiteBenchmark.USER, PublicSiteBenchmark.PASSWORD);
        PreparedStatement grants = connection.prepareStatement("delete from act_ru_authorization where user_id_ = ?");
        PreparedStatement membership = connection.prepareStatement("delete from act_id_membership where user_id_ = ?");
        PreparedStatement user = connection.prepareStatement("delete from act_id_user where id_ = ?")) {
      for (PreparedStatement delete : List.of(grants, membership, user)) {
        delete.setString(1, ADMIN);
        delete.executeUpdate();
      }
    }
  }

  // --- small helpers -------------------------------------------------------------------------

  private static List<String> slugs(Connection db) throws SQLException {
    return PublicSiteBenchmark.strings(db, "select slug from care_service order by id");
  }

  private static long count(Connection db, String sql, List<String> references) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      Array array = db.createArrayOf("varchar", references.toArray(String[]::new));
      statement.setArray(1, array);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static double quantile(long[] sorted, double quantile) {
    return Result.ms(sorted, quantile);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void print(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
