package org.carevoice.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carevoice.PostgresApplication;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of the built application ({@code target/carevoice-*.jar}), each a JVM of its own with
 * its job executor on, on one PostgreSQL database of the test's own, sending mail to one GreenMail
 * that the test starts: the cluster of docs/operations.md, "Running several nodes".
 *
 * <ol>
 *   <li>A member of staff signs in on node A and works on node B: the staff home, the Camunda
 *       webapps' API, and a task claimed on B with the Camunda CSRF token that A issued.
 *   <li>An author starts a story on A and finishes and sends it on B (no 403); the thank-you page
 *       shows on A.
 *   <li>The limit per email address is counted once for both nodes.
 *   <li>Clients submit stories on both nodes; node A is killed ({@code kill -9}) half-way; then every
 *       story answered 2xx must have exactly one row, one case with its moderation task and one
 *       acknowledgement email, and all the work left behind by A must be done by B. The job locks
 *       and outbox leases held at the kill must run out within a minute (the design), and the
 *       work must be done within {@link #RESUME_LIMIT} of the kill (generous, for a loaded machine).
 * </ol>
 *
 * <p>The counts are printed at the end ("Cluster counts").
 */
class ClusterIT {

  private static final Duration START_LIMIT = Duration.ofMinutes(4);
  private static final Duration LOAD = Duration.ofSeconds(24);
  private static final Duration KILL_AFTER = Duration.ofSeconds(10);
  private static final int CLIENTS_PER_NODE = 2;
  /** The production settings of application.yaml: job lock 30 s, idle look every 10 s, outbox lease 45 s. */
  private static final Duration JOB_LOCK = Duration.ofSeconds(30);
  private static final Duration SENDING_LEASE = Duration.ofSeconds(45);
  private static final Duration RESUME_LIMIT = Duration.ofSeconds(150);
  private static final String STAFF = "morag";
  private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((STAFF + ":demo").getBytes(StandardCharsets.UTF_8));
  private static final String SERVICE = "hairmyres-emergency-department";
  private static final String LOAD_TITLE = "Cluster load";
  private static final Pattern REFERENCE = Pattern.compile("CV-\\d{4}-\\d{6}");

  @Test
  void twoNodesOnOneDatabase_shareSessionsLimitsAndWork_andTheSurvivorFinishesAfterAKill() throws Exception {
    Path jar = jar();
    Path logs = Files.createDirectories(Path.of("target", "cluster-it"));
    GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Node a = null;
    Node b = null;
    try (PostgresApplication postgres = PostgresApplication.createDatabase()) {
      JdbcTemplate db = new JdbcTemplate(postgres.dataSource());
      // One node first: it makes the schema (Flyway, Camunda) and the demo users; then the second.
      a = Node.start("a", jar, postgres, smtp, logs);
      a.awaitReady();
      b = Node.start("b", jar, postgres, smtp, logs);
      b.awaitReady();

      Browser staff = new Browser();
      String webappsToken = signInOnAWorkOnB(staff, a, b);
      String draftReference = draftStartedOnAFinishedOnB(new Browser(), a, b, db);
      claimOnBWithTheCsrfTokenOfA(staff, webappsToken, b, db, draftReference);
      limitPerEmailIsShared(a, b);

      Load load = new Load(a, b);
      Instant killedAt = load.runKillingAHalfWay(db);
      Map<String, Long> lockedAtKill = load.lockExpiriesAtKill;
      Set<String> accepted = load.accepted.keySet();
      assertThat(accepted).as("stories accepted under load").hasSizeGreaterThan(10);

      Duration resumed = awaitAllWorkDone(db, smtp, load, killedAt);
      Counts counts = count(db, smtp, load);
      System.out.printf("%nCluster counts: %d stories answered 2xx (%d by A, %d by B); %d requests failed, %d of them"
              + " after the kill at %s.%n  Of the 2xx stories: %d with exactly one row, %d with exactly one case, %d with"
              + " their moderation task, %d with their acknowledgement (one Message-ID); %d deliveries in all, so %d"
              + " repeated with the same Message-ID (sent by A, which died before marking them sent).%n  %d stories"
              + " written but never answered (in flight at the kill), %d of them with their case. At the kill %d jobs"
              + " and %d outbox messages were locked. All work done %d s after the kill; %d incidents.%n%n",
          accepted.size(), load.acceptedOn.get("a").get(), load.acceptedOn.get("b").get(), load.failures.get(),
          load.failuresAfterKill.get(), killedAt, counts.rows, counts.cases, counts.tasks, counts.emails,
          counts.rawEmails, counts.rawEmails - counts.emails, counts.unanswered, counts.unansweredCases,
          lockedAtKill.size(), load.claimedAtKill.size(), resumed.toSeconds(), counts.incidents);

      assertThat(counts.rows).as("one row per 2xx story").isEqualTo(accepted.size());
      assertThat(counts.cases).as("one case per 2xx story").isEqualTo(accepted.size());
      assertThat(counts.tasks).as("one moderation task per 2xx story").isEqualTo(accepted.size());
      assertThat(counts.emails).as("one acknowledgement per 2xx story").isEqualTo(accepted.size());
      assertThat(counts.incidents).isZero();
      // Only a message the dead node had claimed can reach the SMTP server twice.
      assertThat(counts.rawEmails - counts.emails).isLessThanOrEqualTo(load.claimedAtKill.size());
      // Nothing half-made either: a story written before the kill but never answered has its case.
      assertThat(counts.unansweredCases).isEqualTo(counts.unanswered);
      // The design: whatever the dead node held is free again within a minute of the kill.
      long killMillis = killedAt.toEpochMilli();
      lockedAtKill.values().forEach(expiry ->
          assertThat(expiry - killMillis).as("a job lock held at the kill").isLessThanOrEqualTo(JOB_LOCK.toMillis() + 1000));
      load.claimedAtKill.values().forEach(claimed ->
          assertThat(claimed + SENDING_LEASE.toMillis() - killMillis).as("an outbox lease held at the kill")
              .isLessThanOrEqualTo(Duration.ofMinutes(1).toMillis()));
      assertThat(resumed).as("all work done on the survivor after the kill").isLessThanOrEqualTo(RESUME_LIMIT);
    } finally {
      if (a != null) {
        a.kill();
      }
      if (b != null) {
        b.kill();
      }
      smtp.stop();
    }
  }

  // --- the scenes --------------------------------------------------------------------------

  /** Returns the Camunda webapps' CSRF token, issued by A. */
  private static String signInOnAWorkOnB(Browser staff, Node a, Node b) {
    Browser.Reply login = staff.get(a, "/login");
    Browser.Reply signedIn = staff.post(a, "/login", Map.of("username", STAFF, "password", "demo",
        "_csrf", login.csrf()));
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.location()).endsWith("/staff");
    Browser.Reply home = staff.get(b, "/staff");
    assertThat(home.status()).as("the staff home on B, signed in on A").isEqualTo(200);
    assertThat(home.body()).as("not the sign-in page").doesNotContain("name=\"password\"");
    // The webapps issue their CSRF token once per session, on its first request to them: here on A.
    Browser.Reply onA = staff.get(a, "/camunda/api/admin/auth/user/default");
    assertThat(onA.status()).isEqualTo(200);
    String token = onA.header("X-XSRF-TOKEN");
    assertThat(token).as("Camunda's CSRF token, issued on A").isNotBlank();
    Browser.Reply webapps = staff.get(b, "/camunda/api/admin/auth/user/default");
    assertThat(webapps.status()).as("Camunda webapps on B, signed in on A").isEqualTo(200);
    assertThat(webapps.body()).contains("\"userId\":\"" + STAFF + "\"").contains("tasklist");
    return token;
  }

  private static String draftStartedOnAFinishedOnB(Browser author, Node a, Node b, JdbcTemplate db) {
    Long serviceId = db.queryForObject("select id from care_service where slug = ?", Long.class, SERVICE);
    YearMonth last = YearMonth.now().minusMonths(1);
    String csrf = author.get(a, "/tell-your-story/service").csrf();
    author.step(a, "service", Map.of("serviceId", serviceId.toString(), "_csrf", csrf), "who-and-when");
    author.step(a, "who-and-when", Map.of("relationship", "CARER", "happenedMonth", String.valueOf(last.getMonthValue()),
        "happenedYear", String.valueOf(last.getYear()), "_csrf", csrf), "what-happened");
    // Node B goes on with the draft and the CSRF token of A's page.
    Browser.Reply page = author.get(b, "/tell-your-story/what-happened");
    assertThat(page.status()).isEqualTo(200);
    author.step(b, "what-happened", Map.of("title", "A draft that moved between nodes", "body", Stories.body(0),
        "_csrf", csrf), "what-stood-out");
    author.step(b, "what-stood-out", Map.of("_csrf", csrf), "name-and-email");
    author.step(b, "name-and-email", Map.of("pseudonym", "Moving author", "email", "moving.author@example.org",
        "_csrf", csrf), "check-answers");
    Browser.Reply check = author.get(b, "/tell-your-story/check-answers");
    assertThat(check.body()).contains("A draft that moved between nodes").contains("moving.author@example.org");
    author.step(b, "check-answers", Map.of("consent", "true", "_csrf", check.csrf()), "thank-you");
    Browser.Reply thanks = author.get(a, "/tell-your-story/thank-you");
    Matcher reference = REFERENCE.matcher(thanks.body());
    assertThat(reference.find()).as("the reference on A's thank-you page").isTrue();
    return reference.group();
  }

  private static void claimOnBWithTheCsrfTokenOfA(Browser staff, String token, Node b, JdbcTemplate db, String reference)
      throws InterruptedException {
    String task = null;
    Instant until = Instant.now().plus(Duration.ofSeconds(90));
    while (task == null && Instant.now().isBefore(until)) {
      List<String> tasks = db.queryForList("select t.id_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
          + " where e.business_key_ = ? and t.task_def_key_ = 'userTask_moderateStory'", String.class, reference);
      task = tasks.isEmpty() ? null : tasks.get(0);
      Thread.sleep(500);
    }
    assertThat(task).as("the moderation task of the story sent on B").isNotNull();
    Browser.Reply claim = staff.send(b, "POST", "/camunda/api/engine/engine/default/task/" + task + "/claim",
        "{\"userId\":\"" + STAFF + "\"}", Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", token));
    assertThat(claim.status()).as("a claim on B with A's token").isEqualTo(204);
    assertThat(db.queryForObject("select assignee_ from act_ru_task where id_ = ?", String.class, task)).isEqualTo(STAFF);
  }

  /** The nodes run with 3 stories a day per email address: the fourth is refused, on either node. */
  private static void limitPerEmailIsShared(Node a, Node b) {
    Browser api = new Browser();
    List<Integer> statuses = new ArrayList<>();
    for (Node node : List.of(a, b, a, b)) {
      statuses.add(api.send(node, "POST", "/api/v1/stories", Stories.json("Same author", 900, "same.author@example.org"),
          Map.of("Content-Type", "application/json", "Authorization", BASIC)).status());
    }
    assertThat(statuses).containsExactly(201, 201, 201, 429);
  }

  // --- under load, with a kill --------------------------------------------------------------

  /** Clients that submit stories on both nodes; those of A go on with B once A is gone. */
  private static final class Load {
    final Node a;
    final Node b;
    final Map<String, String> accepted = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> acceptedOn = Map.of("a", new AtomicInteger(), "b", new AtomicInteger());
    final AtomicInteger failures = new AtomicInteger();
    final AtomicInteger failuresAfterKill = new AtomicInteger();
    final AtomicInteger sequence = new AtomicInteger();
    volatile boolean killed;
    Map<String, Long> lockExpiriesAtKill = Map.of();
    Map<Long, Long> claimedAtKill = Map.of();

    Load(Node a, Node b) {
      this.a = a;
      this.b = b;
    }

    Instant runKillingAHalfWay(JdbcTemplate db) throws InterruptedException {
      Instant stopAt = Instant.now().plus(LOAD);
      List<Thread> clients = new ArrayList<>();
      for (Node node : List.of(a, b)) {
        for (int i = 0; i < CLIENTS_PER_NODE; i++) {
          Thread client = new Thread(() -> submitUntil(node, stopAt), "client-" + node.name + "-" + i);
          client.start();
          clients.add(client);
        }
      }
      Thread.sleep(KILL_AFTER.toMillis());
      a.kill();
      Instant killedAt = Instant.now();
      killed = true;
      lockExpiriesAtKill = db.query("select id_, lock_exp_time_ from act_ru_job where lock_owner_ is not null",
          rs -> {
            Map<String, Long> locks = new HashMap<>();
            while (rs.next()) {
              locks.put(rs.getString(1), rs.getTimestamp(2).getTime());
            }
            return locks;
          });
      claimedAtKill = db.query("select id, claimed_at from outbox_message where status = 'SENDING'", rs -> {
        Map<Long, Long> claims = new HashMap<>();
        while (rs.next()) {
          claims.put(rs.getLong(1), rs.getTimestamp(2).getTime());
        }
        return claims;
      });
      for (Thread client : clients) {
        client.join();
      }
      return killedAt;
    }

    private void submitUntil(Node own, Instant stopAt) {
      Browser client = new Browser();
      while (Instant.now().isBefore(stopAt)) {
        Node node = own == a && killed ? b : own;
        int n = sequence.incrementAndGet();
        String email = "cluster.author." + n + "@example.org";
        Browser.Reply reply;
        try {
          reply = client.send(node, "POST", "/api/v1/stories", Stories.json(LOAD_TITLE, n, email),
              Map.of("Content-Type", "application/json", "Authorization", BASIC));
        } catch (UncheckedIOException e) {
          reply = null;
        }
        if (reply != null && reply.status() == 201) {
          Matcher reference = REFERENCE.matcher(reply.body());
          assertThat(reference.find()).isTrue();
          accepted.put(reference.group(), email);
          acceptedOn.get(node.name).incrementAndGet();
        } else {
          failures.incrementAndGet();
          if (killed) {
            failuresAfterKill.incrementAndGet();
          }
        }
      }
    }
  }

  /** Waits until every accepted story has its task and email and nothing is left to do; returns how long after the kill. */
  private static Duration awaitAllWorkDone(JdbcTemplate db, GreenMail smtp, Load load, Instant killedAt)
      throws InterruptedException {
    Instant until = killedAt.plus(RESUME_LIMIT).plusSeconds(30);
    while (Instant.now().isBefore(until)) {
      Counts counts = count(db, smtp, load);
      int accepted = load.accepted.size();
      Integer waitingJobs = db.queryForObject("select count(*) from act_ru_job where retries_ > 0"
          + " and (duedate_ is null or duedate_ <= ?)", Integer.class, Timestamp.from(Instant.now()));
      Integer unsent = db.queryForObject("select count(*) from outbox_message where status in ('PENDING', 'SENDING')"
          + " and next_attempt_at <= now()", Integer.class);
      if (counts.tasks == accepted && counts.emails == accepted && waitingJobs == 0 && unsent == 0) {
        return Duration.between(killedAt, Instant.now());
      }
      Thread.sleep(1000);
    }
    return Duration.between(killedAt, Instant.now());
  }

  private record Counts(int rows, int cases, int tasks, int emails, int rawEmails, int unanswered, int unansweredCases,
      int incidents) {}

  private static Counts count(JdbcTemplate db, GreenMail smtp, Load load) {
    Set<String> accepted = load.accepted.keySet();
    Map<String, Integer> rows = countBy(db, "select reference, count(*) from story where title like 'Cluster load %'"
        + " group by reference");
    Map<String, Integer> cases = countBy(db, "select business_key_, count(*) from act_hi_procinst"
        + " where proc_def_key_ = 'story-lifecycle' group by business_key_");
    Map<String, Integer> tasks = countBy(db, "select e.business_key_, count(*) from act_ru_task t"
        + " join act_ru_execution e on e.id_ = t.proc_inst_id_ where t.task_def_key_ = 'userTask_moderateStory'"
        + " group by e.business_key_");
    Map<String, Set<String>> messageIds = new HashMap<>();
    int raw = 0;
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        String subject = message.getSubject();
        Matcher reference = REFERENCE.matcher(subject == null ? "" : subject);
        if (subject != null && subject.contains("has been received") && reference.find()
            && accepted.contains(reference.group())) {
          raw++;
          messageIds.computeIfAbsent(reference.group() + " " + recipient(message), k -> new HashSet<>())
              .add(message.getMessageID());
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    int rowCount = 0;
    int caseCount = 0;
    int taskCount = 0;
    int emailCount = 0;
    for (String reference : accepted) {
      rowCount += rows.getOrDefault(reference, 0) == 1 ? 1 : 0;
      caseCount += cases.getOrDefault(reference, 0) == 1 ? 1 : 0;
      taskCount += tasks.getOrDefault(reference, 0) == 1 ? 1 : 0;
      Set<String> ids = messageIds.get(reference + " " + load.accepted.get(reference));
      emailCount += ids != null && ids.size() == 1 ? 1 : 0;
    }
    Set<String> unanswered = rows.keySet().stream().filter(reference -> !accepted.contains(reference))
        .collect(Collectors.toSet());
    int unansweredCases = (int) unanswered.stream().filter(reference -> cases.getOrDefault(reference, 0) == 1).count();
    Integer incidents = db.queryForObject("select count(*) from act_ru_incident", Integer.class);
    return new Counts(rowCount, caseCount, taskCount, emailCount, raw, unanswered.size(), unansweredCases, incidents);
  }

  private static String recipient(MimeMessage message) throws MessagingException {
    var to = message.getRecipients(Message.RecipientType.TO);
    return to == null || to.length == 0 ? "" : to[0].toString();
  }

  private static Map<String, Integer> countBy(JdbcTemplate db, String sql) {
    Map<String, Integer> counts = new HashMap<>();
    db.query(sql, rs -> {
      counts.put(rs.getString(1), rs.getInt(2));
    });
    return counts;
  }

  // --- the parts ----------------------------------------------------------------------------

  /** Story texts that differ from each other, as real ones do. */
  private static final class Stories {
    private static final String[] WORDS = {"nurse", "doctor", "porter", "ward", "clinic", "waiting", "kind", "quick",
        "explained", "listened", "discharge", "medication", "night", "morning", "family", "parking", "food", "clean"};

    static String body(int n) {
      StringBuilder body = new StringBuilder("I came to the emergency department and want to tell you how it went.");
      java.util.Random random = new java.util.Random(n);
      for (int sentence = 0; sentence < 4; sentence++) {
        body.append(" The");
        for (int word = 0; word < 8; word++) {
          body.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        body.append('.');
      }
      return body.append(" Visit number ").append(n).append('.').toString();
    }

    static String json(String title, int n, String email) {
      return "{\"title\":\"" + title + " " + n + "\",\"text\":\"" + body(n) + "\",\"pseudonym\":\"Told by phone\","
          + "\"email\":\"" + email + "\",\"relationship\":\"PATIENT\",\"happenedIn\":\""
          + YearMonth.now().minusMonths(1) + "\",\"services\":[\"" + SERVICE + "\"],\"tags\":[],"
          + "\"channel\":\"PHONE\",\"consent\":true}";
    }
  }

  /** One node: the application's jar in a JVM of its own, its output in target/cluster-it/node-NAME.log. */
  private static final class Node {
    final String name;
    final int port;
    final Process process;
    final Path log;

    private Node(String name, int port, Process process, Path log) {
      this.name = name;
      this.port = port;
      this.process = process;
      this.log = log;
    }

    static Node start(String name, Path jar, PostgresApplication postgres, GreenMail smtp, Path logs) throws IOException {
      int port = freePort();
      String[] credentials = PostgresApplication.credentials();
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx640m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-jar", jar.toString(),
          "--spring.profiles.active=postgres,demo",
          "--spring.datasource.url=" + postgres.jdbcUrl(),
          "--spring.datasource.username=" + credentials[0],
          "--spring.datasource.password=" + credentials[1],
          "--spring.datasource.hikari.maximum-pool-size=10",
          "--server.port=" + port,
          "--carevoice.public-base-url=http://127.0.0.1:" + port,
          "--spring.mail.host=127.0.0.1",
          "--spring.mail.port=" + smtp.getSmtp().getPort(),
          "--carevoice.demo.mail-capture.enabled=false",
          "--carevoice.demo.history=false",
          // The load comes from one address: only the limit per email address is left low (and checked).
          "--carevoice.rate-limit.api.capacity=1000000",
          "--carevoice.rate-limit.submission-per-ip.capacity=1000000",
          "--carevoice.rate-limit.submission-per-email.capacity=3",
          "--carevoice.rate-limit.submission-per-email.period=P1D"));
      Path log = logs.resolve("node-" + name + ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new Node(name, port, process, log);
    }

    void awaitReady() throws IOException, InterruptedException {
      HttpClient http = HttpClient.newHttpClient();
      Instant until = Instant.now().plus(START_LIMIT);
      while (Instant.now().isBefore(until)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("Node " + name + " stopped while starting:\n" + tail());
        }
        try {
          HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
          if (ready.statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // Not listening yet.
        }
        Thread.sleep(1000);
      }
      throw new IllegalStateException("Node " + name + " was not ready within " + START_LIMIT + ":\n" + tail());
    }

    /** kill -9: no shutdown hook, no graceful stop. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
    }

    String base() {
      return "http://127.0.0.1:" + port;
    }

    private String tail() throws IOException {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
  }

  /**
   * One browser (or API client) in front of both nodes, as behind a load balancer: one set of
   * cookies for both, whichever node a request goes to. No redirect is followed.
   */
  private static final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
      String location() {
        return headers.firstValue("Location").orElse("");
      }

      String header(String name) {
        return headers.firstValue(name).orElse(null);
      }

      String csrf() {
        Matcher csrf = CSRF.matcher(body);
        assertThat(csrf.find()).as("a CSRF token in the page").isTrue();
        return csrf.group(1);
      }
    }

    Reply get(Node node, String path) {
      return send(node, "GET", path, null, Map.of());
    }

    Reply post(Node node, String path, Map<String, String> form) {
      String body = form.entrySet().stream()
          .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
          .collect(Collectors.joining("&"));
      return send(node, "POST", path, body, Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** Posts one step of the story form and expects to be sent on to the next. */
    void step(Node node, String step, Map<String, String> form, String next) {
      Reply reply = post(node, "/tell-your-story/" + step, form);
      assertThat(reply.status()).as("step " + step + " on node " + node.name).isEqualTo(302);
      assertThat(reply.location()).endsWith("/tell-your-story/" + next);
    }

    Reply send(Node node, String method, String path, String body, Map<String, String> headers) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + path))
          .timeout(Duration.ofSeconds(60))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(request::header);
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response.headers());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(file -> file.getFileName().toString().matches("carevoice-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No target/carevoice-*.jar: ClusterIT runs in ./mvnw verify"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
