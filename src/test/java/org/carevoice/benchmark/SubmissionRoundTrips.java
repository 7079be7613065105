package org.carevoice.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.carevoice.CarevoiceApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * What accepting one story costs (issue 14): database round trips per story, split by the thread
 * that made them (request, job executor, job acquisition, outbox), and submissions per second over
 * HTTP against a raw-engine floor measured in the same run. Not a test: run it and copy the
 * numbers into docs/performance.md, "Accepting a story (issue 14)".
 *
 * <p>It creates two PostgreSQL databases of its own ({@code submit_rt_app}, {@code submit_rt_floor};
 * PGHOST, PGPORT, PGUSER, PGPASSWORD as for PostgresApplication) and drops them at the end.
 *
 * <ol>
 *   <li>Floor: a standalone Camunda engine of the same version (history full, no job executor)
 *   starts a process of one user task through the Java API, from 2 and 4 threads.</li>
 *   <li>The application (profiles postgres and demo, without the demo's year of history, its mail
 *   catcher on a free port) with every JDBC call of its data source counted by thread. Stories are
 *   entered one at a time through {@code POST /api/v1/stories}, each until its "Moderate story"
 *   task exists and its acknowledgement is sent: round trips per story by thread, and the
 *   statements behind them.</li>
 *   <li>Closed loop over HTTP with 2 and 4 clients: stories per second, the answer's p50 and p99,
 *   and the whole case (the request's start until the moderation task was created) p50 and p99.</li>
 * </ol>
 *
 * <pre>./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.carevoice.benchmark.SubmissionRoundTrips</pre>
 *
 * <p>Settings: {@code -Dbench.stories=40} (counted one by one), {@code -Dbench.seconds=20} and
 * {@code -Dbench.warmup=5} per load, {@code -Dbench.clients=2,4}, {@code -Dbench.statements=40}
 * (how many of the most frequent statements to print); arguments are passed to the application.
 */
public final class SubmissionRoundTrips {

  private static final String HOST = env("PGHOST", "127.0.0.1");
  private static final String PORT = env("PGPORT", "5432");
  private static final String USER = env("PGUSER", "postgres");
  private static final String PASSWORD = env("PGPASSWORD", "");
  private static final String APP_DATABASE = "submit_rt_app";
  private static final String FLOOR_DATABASE = "submit_rt_floor";

  private static final int STORIES = Integer.getInteger("bench.stories", 40);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 5);
  private static final int TOP_STATEMENTS = Integer.getInteger("bench.statements", 40);
  private static final List<Integer> CLIENTS = java.util.Arrays.stream(System.getProperty("bench.clients", "2,4")
      .split(",")).map(String::strip).map(Integer::valueOf).toList();
  private static final String STAFF_USER = "morag";
  private static final String STAFF_PASSWORD = "demo";

  private SubmissionRoundTrips() {}

  public static void main(String[] args) throws Exception {
    adminSql("drop database if exists " + APP_DATABASE + " with (force)");
    adminSql("drop database if exists " + FLOOR_DATABASE + " with (force)");
    adminSql("create database " + APP_DATABASE);
    adminSql("create database " + FLOOR_DATABASE);
    try {
      run(args);
    } finally {
      adminSql("drop database if exists " + APP_DATABASE + " with (force)");
      adminSql("drop database if exists " + FLOOR_DATABASE + " with (force)");
    }
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    Map<Integer, Load> floorBefore = floor("floor (before)");

    int smtpPort = freePort();
    List<String> arguments = new ArrayList<>(List.of(
        "--spring.datasource.url=" + url(APP_DATABASE), "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD, "--server.port=0",
        "--carevoice.demo.history=false", "--carevoice.demo.mail-capture.port=" + smtpPort,
        "--spring.mail.port=" + smtpPort, "--spring.datasource.hikari.maximum-pool-size=10",
        "--carevoice.rate-limit.submission-per-ip.capacity=100000000",
        "--carevoice.rate-limit.submission-per-email.capacity=100000000",
        "--carevoice.rate-limit.api.capacity=100000000",
        "--logging.level.org.carevoice=WARN"));
    arguments.addAll(List.of(args));
    Counter counter = new Counter();
    long startedAt = System.nanoTime();
    ConfigurableApplicationContext app = new SpringApplicationBuilder(CarevoiceApplication.class)
        .profiles("postgres", "demo")
        .initializers(context -> context.getBeanFactory().addBeanPostProcessor(counter.postProcessor()))
        .run(arguments.toArray(String[]::new));
    System.out.printf("application started in %.1f s; %s%n", (System.nanoTime() - startedAt) / 1e9, load());
    String baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (Connection watch = connect(APP_DATABASE)) {
      // Warm the paths once (class loading, caches), then count story by story.
      for (int i = 0; i < 5; i++) {
        String reference = submit(http, baseUrl, "warm-" + i).reference();
        awaitCase(watch, List.of(reference));
      }
      awaitQuiet(watch);
      counter.reset();
      long countStart = System.nanoTime();
      for (int i = 0; i < STORIES; i++) {
        String reference = submit(http, baseUrl, "count-" + i).reference();
        awaitCase(watch, List.of(reference));
      }
      awaitQuiet(watch);
      double countSeconds = (System.nanoTime() - countStart) / 1e9;
      Map<String, long[]> byThread = counter.snapshot();
      System.out.printf("%nround trips per story, %d stories one at a time (%.1f s; idle acquisition included)%n",
          STORIES, countSeconds);
      System.out.printf("%-28s %10s %10s%n", "thread", "round trips", "statements");
      long[] total = new long[2];
      byThread.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
        System.out.printf("%-28s %10.1f %10.1f%n", entry.getKey(), entry.getValue()[0] / (double) STORIES,
            entry.getValue()[1] / (double) STORIES);
        total[0] += entry.getValue()[0];
        total[1] += entry.getValue()[1];
      });
      System.out.printf("%-28s %10.1f %10.1f%n", "total", total[0] / (double) STORIES, total[1] / (double) STORIES);
      System.out.printf("%nmost frequent round trips (per story)%n");
      counter.statements().entrySet().stream()
          .sorted(Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum)).reversed())
          .limit(TOP_STATEMENTS)
          .forEach(entry -> System.out.printf("%6.2f  %s%n", entry.getValue().sum() / (double) STORIES,
              entry.getKey()));
      System.out.printf("%nruntime variables of a story at its moderation task: %d (%s)%n",
          count(watch, "select count(*) from act_ru_variable v join act_ru_execution e on v.proc_inst_id_ = e.id_"
              + " where e.business_key_ = (select max(business_key_) from act_ru_execution)"),
          "process and task-local");

      Map<Integer, Load> appLoads = new java.util.LinkedHashMap<>();
      AtomicInteger serial = new AtomicInteger();
      for (int clients : CLIENTS) {
        closedLoop(clients, WARMUP, () -> submit(http, baseUrl, "warm-load-" + serial.incrementAndGet()));
        awaitQuiet(watch);
        Load load = closedLoop(clients, SECONDS, () -> submit(http, baseUrl, "load-" + serial.incrementAndGet()));
        awaitCase(watch, load.references());
        load.caseLatencies(caseLatencies(watch, load));
        appLoads.put(clients, load);
        awaitQuiet(watch);
        load.cpuUntilNow();
      }
      app.close();
      Map<Integer, Load> floorAfter = floor("floor (after)");
      System.out.printf("%n%-8s %-44s %-44s %s%n", "clients", "floor before / after (starts/s, p50 ms)",
          "HTTP submissions/s, p50, p99 ms; case p50, p99 ms", "ratio");
      for (int clients : CLIENTS) {
        Load before = floorBefore.get(clients);
        Load after = floorAfter.get(clients);
        Load carevoice = appLoads.get(clients);
        double floorRate = (before.rate() + after.rate()) / 2;
        System.out.printf("%-8d %6.1f (%4.1f) / %6.1f (%4.1f)%20s %6.1f/s, %5.0f, %5.0f; %5.0f, %5.0f %18.3f%n",
            clients, before.rate(), before.percentile(50), after.rate(), after.percentile(50), "",
            carevoice.rate(), carevoice.percentile(50), carevoice.percentile(99), carevoice.casePercentile(50),
            carevoice.casePercentile(99), carevoice.rate() / floorRate);
      }
      System.out.printf("%nJVM CPU time per operation (ms; the floor's and the story's whole case, email included)%n");
      for (int clients : CLIENTS) {
        double floorCpu = (floorBefore.get(clients).cpuPerCall() + floorAfter.get(clients).cpuPerCall()) / 2;
        System.out.printf("%d clients: floor %.2f, story %.2f, floor/story %.3f%n", clients, floorCpu,
            appLoads.get(clients).cpuPerCall(), floorCpu / appLoads.get(clients).cpuPerCall());
      }
      System.out.println(load());
    } finally {
      if (app.isActive()) {
        app.close();
      }
    }
  }

  // --- the raw-engine floor ------------------------------------------------------------------

  private static Map<Integer, Load> floor(String label) throws Exception {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url(FLOOR_DATABASE));
    dataSource.setUsername(USER);
    dataSource.setPassword(PASSWORD);
    dataSource.setMaximumPoolSize(10);
    ProcessEngineConfiguration configuration = ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setDataSource(dataSource)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    ProcessEngine engine = configuration.setProcessEngineName("floor").buildProcessEngine();
    Map<Integer, Load> loads = new java.util.LinkedHashMap<>();
    try {
      engine.getRepositoryService().createDeployment().name("floor").enableDuplicateFiltering(true)
          .addModelInstance("floor.bpmn", Bpmn.createExecutableProcess("floor").camundaHistoryTimeToLive(1)
              .startEvent().userTask("task").endEvent().done())
          .deploy();
      RuntimeService runtime = engine.getRuntimeService();
      AtomicLong keys = new AtomicLong();
      for (int clients : CLIENTS) {
        closedLoop(clients, WARMUP, () -> {
          runtime.startProcessInstanceByKey("floor", "warm-" + keys.incrementAndGet());
          return null;
        });
        Load load = closedLoop(clients, SECONDS, () -> {
          runtime.startProcessInstanceByKey("floor", "k-" + keys.incrementAndGet());
          return null;
        });
        System.out.printf("%s, %d threads: %.1f starts/s, p50 %.1f ms, p99 %.1f ms, JVM CPU %.2f ms per start; %s%n",
            label, clients, load.rate(), load.percentile(50), load.percentile(99), load.cpuPerCall(), load());
        loads.put(clients, load);
      }
    } finally {
      engine.close();
      dataSource.close();
    }
    return loads;
  }

  // --- load ------------------------------------------------------------------------------------

  interface Call {
    Submitted call() throws Exception;
  }

  record Submitted(String reference, long startedAtMillis) {}

  /** Results of one closed-loop window: latencies in ms, and for submissions their references. */
  static final class Load {
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Submitted> submitted = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> caseLatencies = new ArrayList<>();
    private double seconds;
    private long cpuStart;
    private double cpuMillis;

    /** The JVM's CPU time per call (or per story, until its case and its email were done), in ms. */
    double cpuPerCall() {
      return cpuMillis / latencies.size();
    }

    void cpuUntilNow() {
      cpuMillis = (processCpuNanos() - cpuStart) / 1e6;
    }

    double rate() {
      return latencies.size() / seconds;
    }

    double percentile(int p) {
      return percentile(latencies, p);
    }

    double casePercentile(int p) {
      return percentile(caseLatencies, p);
    }

    List<String> references() {
      return submitted.stream().map(Submitted::reference).toList();
    }

    void caseLatencies(List<Double> values) {
      caseLatencies.addAll(values);
    }

    private static double percentile(List<Double> values, int p) {
      List<Double> sorted = new ArrayList<>(values);
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      Collections.sort(sorted);
      return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
  }

  private static Load closedLoop(int clients, int seconds, Call call) throws InterruptedException {
    Load load = new Load();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(clients);
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    load.cpuStart = processCpuNanos();
    for (int i = 0; i < clients; i++) {
      Thread thread = new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            Submitted submitted = call.call();
            load.latencies.add((System.nanoTime() - t0) / 1e6);
            if (submitted != null) {
              load.submitted.add(submitted);
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        } finally {
          done.countDown();
        }
      }, "bench-client-" + i);
      thread.start();
    }
    done.await();
    load.seconds = (System.nanoTime() - start) / 1e9;
    load.cpuUntilNow();
    if (!failures.isEmpty()) {
      throw new IllegalStateException("A client failed", failures.get(0));
    }
    return load;
  }

  private static Submitted submit(HttpClient http, String baseUrl, String marker) throws IOException,
      InterruptedException {
    String json = """
        {"title": "Seen quickly at night %1$s",
         "text": "I was seen in the emergency department late at night. The nurse who triaged me explained \
        everything and the wait was shorter than I expected. Thank you to the whole team, %1$s.",
         "pseudonym": "Told by phone", "email": "author-%1$s@example.org", "relationship": "PATIENT",
         "happenedIn": "%2$s", "services": ["hairmyres-emergency-department"], "tags": ["improve:waiting-time"],
         "channel": "PHONE", "consent": true}
        """.formatted(marker, YearMonth.now().minusMonths(1));
    long startedAt = System.currentTimeMillis();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/stories"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((STAFF_USER + ":" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("POST /api/v1/stories answered " + response.statusCode() + ": "
          + response.body());
    }
    java.util.regex.Matcher reference = java.util.regex.Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"")
        .matcher(response.body());
    if (!reference.find()) {
      throw new IllegalStateException("No reference in " + response.body());
    }
    return new Submitted(reference.group(1), startedAt);
  }

  // --- watching the database (outside the counted data source) --------------------------------

  /** Waits until each story's "Moderate story" task exists. */
  private static void awaitCase(Connection watch, List<String> references) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    for (String reference : references) {
      while (count(watch, "select count(*) from act_ru_task t join act_ru_execution e on t.proc_inst_id_ = e.id_"
          + " where e.business_key_ = '" + reference + "' and t.task_def_key_ = 'userTask_moderateStory'") == 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("No moderation task for " + reference + " after 120 s");
        }
        Thread.sleep(5);
      }
    }
  }

  /** Waits until no job is due and every email has left the outbox. */
  private static void awaitQuiet(Connection watch) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (count(watch, "select count(*) from act_ru_job where duedate_ is null or duedate_ <= now()") > 0
        || count(watch, "select count(*) from outbox_message where status <> 'SENT'") > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Jobs or emails still waiting after 120 s");
      }
      Thread.sleep(20);
    }
  }

  /** Each story's whole case: from the request's start until its moderation task was created. */
  private static List<Double> caseLatencies(Connection watch, Load load) throws SQLException {
    Map<String, Long> created = new java.util.HashMap<>();
    try (PreparedStatement query = watch.prepareStatement("select p.business_key_, t.start_time_"
        + " from act_hi_taskinst t join act_hi_procinst p on t.proc_inst_id_ = p.id_"
        + " where t.task_def_key_ = 'userTask_moderateStory' and p.business_key_ = any (?)")) {
      query.setArray(1, watch.createArrayOf("varchar", load.references().toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          created.put(rows.getString(1), rows.getTimestamp(2).getTime());
        }
      }
    }
    List<Double> latencies = new ArrayList<>();
    synchronized (load.submitted) {
      for (Submitted submitted : load.submitted) {
        latencies.add((double) (created.get(submitted.reference()) - submitted.startedAtMillis()));
      }
    }
    return latencies;
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  // --- counting JDBC round trips by thread -----------------------------------------------------

  /**
   * Wraps the application's data source: every statement execution and batch counts one round
   * trip, and so does a commit or rollback of a connection that ran a statement since its last one.
   */
  static final class Counter {
    private final Map<String, LongAdder[]> byThread = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> statements = new ConcurrentHashMap<>();

    BeanPostProcessor postProcessor() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)) {
            return new CountingDataSource(dataSource, Counter.this);
          }
          return bean;
        }
      };
    }

    void reset() {
      byThread.clear();
      statements.clear();
    }

    Map<String, long[]> snapshot() {
      Map<String, long[]> copy = new java.util.TreeMap<>();
      byThread.forEach((thread, counts) -> copy.put(thread, new long[] {counts[0].sum(), counts[1].sum()}));
      return copy;
    }

    Map<String, LongAdder> statements() {
      return statements;
    }

    void roundTrip(String sql, int statementCount) {
      String thread = Thread.currentThread().getName().replaceAll("[-_#]?\\d+$", "");
      LongAdder[] counts = byThread.computeIfAbsent(thread, key -> new LongAdder[] {new LongAdder(), new LongAdder()});
      counts[0].increment();
      counts[1].add(statementCount);
      String shortSql = sql.replaceAll("\\s+", " ").strip();
      statements.computeIfAbsent(String.format("%-22.22s %s", thread,
          shortSql.length() > 110 ? shortSql.substring(0, 110) : shortSql), key -> new LongAdder()).increment();
    }
  }

  static final class CountingDataSource extends DelegatingDataSource {
    private final Counter counter;

    CountingDataSource(DataSource target, Counter counter) {
      super(target);
      this.counter = counter;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return wrap(super.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
      boolean[] dirty = {false};
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, methodArgs) -> {
            String name = method.getName();
            if ((name.equals("commit") || name.equals("rollback")) && dirty[0]) {
              counter.roundTrip(name.toUpperCase(java.util.Locale.ROOT), 1);
              dirty[0] = false;
            }
            Object result = invoke(connection, method, methodArgs);
            if (result instanceof Statement statement) {
              String sql = methodArgs != null && methodArgs.length > 0 && methodArgs[0] instanceof String s ? s : null;
              return statement(statement, sql, dirty);
            }
            return result;
          });
    }

    private Statement statement(Statement statement, String preparedSql, boolean[] dirty) {
      Class<?> type = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
          : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
      int[] batched = {0};
      String[] lastSql = {preparedSql};
      InvocationHandler handler = (proxy, method, methodArgs) -> {
        String name = method.getName();
        if (name.equals("addBatch")) {
          batched[0]++;
          if (methodArgs != null && methodArgs.length == 1) {
            lastSql[0] = (String) methodArgs[0];
          }
        } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
          counter.roundTrip("BATCH " + lastSql[0], batched[0]);
          batched[0] = 0;
          dirty[0] = true;
        } else if (name.startsWith("execute")) {
          String sql = methodArgs != null && methodArgs.length > 0 && methodArgs[0] instanceof String s ? s
              : lastSql[0];
          counter.roundTrip(String.valueOf(sql), 1);
          dirty[0] = true;
        }
        return invoke(statement, method, methodArgs);
      };
      return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] methodArgs) throws Throwable {
      try {
        return method.invoke(target, methodArgs);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static String load() {
    try {
      return "load average " + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " "
          + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[1] + " "
          + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[2];
    } catch (IOException e) {
      return "load average unknown";
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void adminSql(String sql) throws SQLException {
    try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), USER, PASSWORD);
  }

  private static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
