package org.carevoice.benchmark;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.carevoice.benchmark.ClosedLoop.Answer;
import org.carevoice.benchmark.ClosedLoop.Result;
import org.carevoice.benchmark.ClosedLoop.Scenario;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carevoice.CarevoiceApplication;
import org.carevoice.organisation.CareService;
import org.carevoice.organisation.OrganisationService;
import org.carevoice.story.PublishedStorySearch;
import org.carevoice.story.Story;
import org.carevoice.story.StorySearch;
import org.carevoice.story.StorySearchResult;
import org.carevoice.story.StorySort;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public site on PostgreSQL with many published stories: latency and throughput of the story
 * list, searches and story pages, measured over HTTP by a closed-loop load generator of N
 * concurrent users (each sends its next request when the last one answered). Not a test: run it
 * on a quiet machine and copy the numbers into docs/performance.md.
 *
 * <p>It drops and re-creates the database {@code carevoice_bench} (PGHOST, PGPORT, PGUSER,
 * PGPASSWORD as for PostgresStartupIT), starts the whole application in this JVM on a random
 * port with the profile {@code postgres}, writes the stories straight into the tables, runs
 * VACUUM ANALYZE and then each scenario for each number of users (warm-up, then the measured
 * run). Every answer must be a 200 with the expected content: the exact page of a list with a
 * known order, only matching stories for a search, the requested story for a story page.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.carevoice.benchmark.PublicSiteBenchmark \
 *     -Dbench.stories=100000 -Dbench.seconds=20 -Dbench.warmup=5 -Dbench.users=1,4,16</pre>
 *
 * <p>Other settings: {@code -Dbench.reuse=true} keeps the database of an earlier run if it holds
 * the same number of stories (no drop, no load); {@code -Dbench.scenarios=list,story} runs only
 * the scenarios whose names start with one of these; {@code -Dexec.args="--some.property=value"}
 * passes arguments to the application. The database is left in place for EXPLAIN ANALYZE.
 */
public final class PublicSiteBenchmark {

  static final String HOST = env("PGHOST", "127.0.0.1");
  static final String PORT = env("PGPORT", "5432");
  static final String ADMIN_DATABASE = env("PGDATABASE", "postgres");
  static final String USER = env("PGUSER", "postgres");
  static final String PASSWORD = env("PGPASSWORD", "");

  private static final int STORIES = Integer.getInteger("bench.stories", 100_000);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 5);
  /** Seconds shared by all scenarios before the first measurement, to compile the hot paths. */
  private static final int JVM_WARMUP = Integer.getInteger("bench.jvmWarmup", 60);
  private static final List<Integer> USERS = Arrays.stream(System.getProperty("bench.users", "1,4,16").split(","))
      .map(String::strip).map(Integer::valueOf).toList();
  private static final String DATABASE = System.getProperty("bench.database", "carevoice_bench");
  private static final boolean REUSE = Boolean.getBoolean("bench.reuse");
  private static final List<String> ONLY = Arrays.stream(System.getProperty("bench.scenarios", "").split(","))
      .map(String::strip).filter(s -> !s.isEmpty()).toList();

  private static final int PAGE_SIZE = 10;
  private static final StoryTextGenerator WORDS = new StoryTextGenerator(60_000, 1.0);
  /** A frequent care word; the rare word is a made-up word from the long tail, found in a few dozen stories. */
  private static final String COMMON_WORD = "nurse";

  private PublicSiteBenchmark() {}

  public static void main(String[] args) throws Exception {
    StringBuilder report = new StringBuilder();
    report.append(machine());
    boolean load = !REUSE || publishedIn(DATABASE) != STORIES;
    if (load) {
      adminSql("drop database if exists " + DATABASE + " with (force)");
      adminSql("create database " + DATABASE);
    }
    try (ConfigurableApplicationContext app = start(args);
        Connection db = DriverManager.getConnection(jdbcUrl(DATABASE) + "?reWriteBatchedInserts=true", USER,
            PASSWORD)) {
      OrganisationService organisation = app.getBean(OrganisationService.class);
      if (load) {
        List<CareService> services = BenchData.organisationTree(organisation);
        long started = System.nanoTime();
        BenchData.Loaded loaded = new BenchData(WORDS).stories(db, services, STORIES, Instant.now());
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        try (Statement statement = db.createStatement()) {
          statement.execute("vacuum analyze");
        }
        System.out.printf(Locale.UK, "Loaded %,d published and %,d rejected stories, %,d responses in %.0f s;"
            + " VACUUM ANALYZE %.0f s%n", loaded.published(), loaded.rejected(), loaded.responses(), loadSeconds,
            (System.nanoTime() - started) / 1e9);
      }
      report.append(data(db));
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      List<Scenario> scenarios = scenarios(db, base, app.getBean(PublishedStorySearch.class), report);
      report.append(String.format(Locale.UK, "%nLoad: closed loop; %d s warm-up over all scenarios, then per row"
          + " %d s warm-up and %d s measured; latency from sending the request to the whole answer read;"
          + " load: the machine's 1-minute load average at the end of the row.%n%n", JVM_WARMUP, WARMUP, SECONDS));
      report.append("| scenario | request | users | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | load |\n");
      report.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      List<String> skipped = new ArrayList<>();
      List<Scenario> available = new ArrayList<>();
      for (Scenario scenario : scenarios) {
        if (!ONLY.isEmpty() && ONLY.stream().noneMatch(scenario.name()::startsWith)) {
          continue;
        }
        String problem = scenario.check(scenario.action().apply(new Random(1)));
        if (problem != null) {
          skipped.add(scenario.name() + " (" + scenario.request() + "): " + problem);
          System.out.println("SKIPPED " + scenario.name() + ": " + problem);
        } else {
          available.add(scenario);
        }
      }
      // The JVM compiles the hot paths of every page first, so the first scenario is not slower.
      for (Scenario scenario : available) {
        ClosedLoop.run(scenario, 2, Math.max(1, JVM_WARMUP / available.size()));
      }
      for (Scenario scenario : available) {
        for (int users : USERS) {
          ClosedLoop.run(scenario, users, WARMUP);
          Result result = ClosedLoop.run(scenario, users, SECONDS);
          String row = result.row();
          System.out.println(row);
          report.append(row).append('\n');
        }
      }
      if (!skipped.isEmpty()) {
        report.append("\nNot measured (not available or wrong answers on this build):\n\n");
        skipped.forEach(line -> report.append("- ").append(line).append('\n'));
      }
      report.append(String.format(Locale.UK, "%nLoad average at the end: %s%n", ClosedLoop.loadAverage()));
    }
    Path out = Path.of("target", "benchmark", "public-site-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println();
    System.out.println(report);
    System.out.println("Written to " + out);
  }

  // --- scenarios -----------------------------------------------------------------------------

  static List<Scenario> scenarios(Connection db, String base, PublishedStorySearch search,
      StringBuilder report) throws SQLException {
    HttpClient http = ClosedLoop.client();
    List<String> published = strings(db, "select reference from story where status = 'PUBLISHED'");
    Set<String> publishedSet = new HashSet<>(published);
    int pages = (published.size() + PAGE_SIZE - 1) / PAGE_SIZE;
    int deepPage = Math.max(1, pages / 2);
    String newest = "select reference from story where status = 'PUBLISHED' order by published_at desc, id desc";
    List<String> firstPage = strings(db, newest + " limit 10");
    List<String> deep = strings(db, newest + " limit 10 offset " + (deepPage - 1) * PAGE_SIZE);
    String service = biggestService(db);
    String filtered = "select s.reference from story s where s.status = 'PUBLISHED'"
        + " and exists (select 1 from story_service ss join care_service cs on cs.id = ss.service_id"
        + " where ss.story_id = s.id and cs.slug = '" + service + "')"
        + " and exists (select 1 from response r where r.story_id = s.id and r.status = 'PUBLISHED')"
        + " order by s.published_at desc, s.id desc";
    List<String> filteredFirstPage = strings(db, filtered + " limit 10");
    Set<String> common = textMatches(db, COMMON_WORD);
    String rareWord = null;
    Set<String> rare = Set.of();
    for (int rank = 40_000; rank >= 1_000 && rare.size() < 10; rank /= 2) {
      rareWord = WORDS.word(rank);
      rare = textMatches(db, rareWord);
    }
    String words = String.format(Locale.UK, "Search words: '%s' in %,d published stories, '%s' in %,d;"
        + " filtered list: service %s with a published response, %,d stories%n", COMMON_WORD, common.size(), rareWord,
        rare.size(), service, Long.parseLong(value(db, "select count(*) from (" + filtered + ") f")));
    System.out.print(words);
    report.append(words);

    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(page("list", http, base, "/stories", firstPage));
    scenarios.add(page("list-deep", http, base, "/stories?page=" + deepPage, deep));
    scenarios.add(page("list-filtered", http, base, "/stories?service=" + service + "&responded=yes",
        filteredFirstPage));
    scenarios.add(matches("search-common", http, base, "/stories?q=" + encode(COMMON_WORD), common));
    scenarios.add(matches("search-rare", http, base, "/stories?q=" + encode(rareWord), rare));
    scenarios.add(new Scenario("story", "/stories/{random reference}", random -> {
      String reference = published.get(random.nextInt(published.size()));
      return ClosedLoop.get(http, base + "/stories/" + reference, reference);
    }, answer -> ClosedLoop.references(answer.body()).equals(List.of(answer.marker())) ? null
        : "expected only " + answer.marker() + ", found " + ClosedLoop.references(answer.body())));
    scenarios.add(matches("api-list", http, base, "/api/v1/stories?take=10", publishedSet));
    scenarios.add(matches("api-search-common", http, base, "/api/v1/stories?q=" + encode(COMMON_WORD) + "&take=10",
        common));
    // The search alone, called in this JVM: no HTTP, no template.
    scenarios.add(direct("direct-search-common", "PublishedStorySearch q=" + COMMON_WORD, search,
        new StorySearch(COMMON_WORD, null, null, null, null, null, null, null, null), common, null));
    scenarios.add(direct("direct-search-rare", "PublishedStorySearch q=" + rareWord, search,
        new StorySearch(rareWord, null, null, null, null, null, null, null, null), rare, null));
    scenarios.add(direct("direct-filtered", "PublishedStorySearch service, responded", search,
        new StorySearch(null, null, null, service, null, null, null, true, StorySort.NEWEST), null,
        filteredFirstPage));
    scenarios.add(direct("direct-list", "PublishedStorySearch all", search, StorySearch.all(), null, firstPage));
    return scenarios;
  }

  /** A list in a known order: exactly the expected page. */
  private static Scenario page(String name, HttpClient http, String base, String path, List<String> expected) {
    return new Scenario(name, path, random -> ClosedLoop.get(http, base + path, "CV-"), answer -> {
      List<String> found = ClosedLoop.references(answer.body());
      return found.equals(expected) ? null : "expected " + expected + ", found " + found;
    });
  }

  /** A search: a full page (or all matches) of matching stories only. */
  private static Scenario matches(String name, HttpClient http, String base, String path, Set<String> expected) {
    return new Scenario(name, path, random -> ClosedLoop.get(http, base + path, "CV-"), answer -> matching(answer, expected));
  }

  private static Scenario direct(String name, String request, PublishedStorySearch search, StorySearch query,
      Set<String> expected, List<String> expectedPage) {
    return new Scenario(name, request, random -> {
      StorySearchResult result = search.search(query, 0, PAGE_SIZE);
      String body = result.total() + " " + result.stories().stream().map(Story::getReference)
          .collect(Collectors.joining(" "));
      return new Answer(200, body, "CV-");
    }, answer -> expected != null ? matching(answer, expected)
        : ClosedLoop.references(answer.body()).equals(expectedPage) ? null : "expected " + expectedPage + ", found "
            + ClosedLoop.references(answer.body()));
  }

  private static String matching(Answer answer, Set<String> expected) {
    List<String> found = ClosedLoop.references(answer.body());
    if (found.size() != Math.min(PAGE_SIZE, expected.size())) {
      return "expected " + Math.min(PAGE_SIZE, expected.size()) + " stories, found " + found.size();
    }
    List<String> wrong = found.stream().filter(reference -> !expected.contains(reference)).toList();
    return wrong.isEmpty() ? null : "stories that do not match: " + wrong;
  }

  // --- application and database --------------------------------------------------------------

  private static ConfigurableApplicationContext start(String[] extra) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + jdbcUrl(DATABASE),
        "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD,
        "--server.port=0",
        "--carevoice.identity.admin-password=" + UUID.randomUUID(),
        "--camunda.bpm.job-execution.enabled=false",
        "--carevoice.rate-limit.api.capacity=100000000",
        "--carevoice.rate-limit.submission-per-ip.capacity=100000000",
        "--carevoice.rate-limit.submission-per-email.capacity=100000000",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        // The test class path carries FreeMarker (through the OIDC test server); the application's
        // jar does not. Left on, Boot adds it as a second view resolver with its cache off, and
        // every page pays for building a FreeMarker view (a fifth of a story page's CPU here).
        "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.freemarker.FreeMarkerAutoConfiguration"));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(CarevoiceApplication.class).profiles("postgres").run(args.toArray(String[]::new));
  }

  private static String biggestService(Connection db) throws SQLException {
    return strings(db, "select cs.slug from story_service ss join care_service cs on cs.id = ss.service_id"
        + " group by cs.slug order by count(*) desc limit 1").get(0);
  }

  private static Set<String> textMatches(Connection db, String text) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement("select reference from story where status = 'PUBLISHED'"
        + " and search_vector @@ websearch_to_tsquery('english', ?)")) {
      statement.setString(1, text);
      Set<String> references = new HashSet<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          references.add(rows.getString(1));
        }
      }
      return references;
    }
  }

  static List<String> strings(Connection db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  static long publishedIn(String database) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD)) {
      List<String> count = strings(connection, "select count(*) from story where status = 'PUBLISHED'");
      return Long.parseLong(count.get(0));
    } catch (SQLException e) {
      return -1;
    }
  }

  static String machine() throws IOException {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
        .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("?");
    String postgres;
    try (Connection connection = DriverManager.getConnection(jdbcUrl(ADMIN_DATABASE), USER, PASSWORD)) {
      postgres = strings(connection, "select version()").get(0).replaceAll(" on .*", "") + ", "
          + strings(connection, "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name)"
              + " from pg_settings where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'jit',"
              + " 'random_page_cost', 'max_parallel_workers_per_gather')").get(0);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is not reachable", e);
    }
    return String.format(Locale.UK, "Machine: %d cores (%s), %.0f GiB RAM, Java %s (max heap %,d MiB), %s %s;"
            + " load average at start %s%nPostgreSQL on the same machine: %s%n", Runtime.getRuntime().availableProcessors(),
        cpu, totalMemoryGib(), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("os.name"), System.getProperty("os.arch"), ClosedLoop.loadAverage(), postgres);
  }

  static String data(Connection db) throws SQLException {
    return String.format(Locale.UK, "Data: %s published stories (%s rejected), %s with a published response,"
            + " %s tags, %s services; words per story %s; story table %s with indexes and TOAST, database %s%n",
        value(db, "select to_char(count(*), 'FM999,999,999') from story where status = 'PUBLISHED'"),
        value(db, "select to_char(count(*), 'FM999,999,999') from story where status <> 'PUBLISHED'"),
        value(db, "select to_char(count(distinct story_id), 'FM999,999,999') from response where status = 'PUBLISHED'"),
        value(db, "select to_char(count(*), 'FM999,999,999') from story_tag"),
        value(db, "select count(*) from care_service"),
        value(db, "select min(n) || '-' || max(n) || ' (mean ' || round(avg(n)) || ')' from"
            + " (select array_length(string_to_array(body, ' '), 1) n from story) w"),
        value(db, "select pg_size_pretty(pg_total_relation_size('story'))"),
        value(db, "select pg_size_pretty(pg_database_size(current_database()))"));
  }

  static String value(Connection db, String sql) throws SQLException {
    return strings(db, sql).get(0);
  }

  private static double totalMemoryGib() throws IOException {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
        .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0L) / 1024.0 / 1024.0;
  }

  static void adminSql(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(ADMIN_DATABASE), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static String jdbcUrl(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
