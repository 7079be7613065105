package org.carevoice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * No expression from a task query or a Tasklist filter is ever evaluated, for any role, on any
 * path: engine-rest and the webapps' API, GET and POST, counts and lists, nested {@code orQueries},
 * filters saved, filters run with an extending query, and a filter stored before the guard.
 *
 * <p>The proof is a side effect that cannot be missed: every expression sent calls {@code
 * queryCanary}, a bean that counts its calls. Before {@link QueryExpressionGuard}, a responder's
 * {@code POST /engine-rest/task} with an expression in {@code orQueries} ran it (HTTP 500, but the
 * bean was called); now every such request is a 400 that says why, and the count stays 0.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class QueryExpressionSecurityTest implements BasicAuthRequests {

  /** Counts every evaluation: the side effect an attacker's expression would have. */
  static final AtomicInteger EVALUATIONS = new AtomicInteger();

  public static class QueryCanary {
    public Date fire() {
      EVALUATIONS.incrementAndGet();
      return new Date();
    }

    public String name() {
      EVALUATIONS.incrementAndGet();
      return "morag";
    }
  }

  @TestConfiguration
  static class Canary {
    @Bean
    QueryCanary queryCanary() {
      return new QueryCanary();
    }
  }

  private static final String DATE = "${queryCanary.fire()}";
  private static final String NAME = "${queryCanary.name()}";

  /** Every staff role of the demo, by a user who holds it. */
  static Stream<String> roles() {
    return Stream.of("morag:demo", "craig:demo", "graham:demo", "shona:demo", "fiona:demo", "admin:admin");
  }

  @LocalServerPort int port;
  @Autowired FilterService filters;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void reset() {
    EVALUATIONS.set(0);
  }

  @ParameterizedTest
  @MethodSource("roles")
  void engineRest_refusesExpressionsAnywhereInATaskQuery(String credentials) throws Exception {
    for (String body : List.of(
        "{\"orQueries\":[{\"dueDateExpression\":\"" + DATE + "\"}]}",
        "{\"orQueries\":[{\"dueBeforeExpression\":\"" + DATE + "\",\"assigneeExpression\":\"" + NAME + "\"}]}",
        "{\"orQueries\":[{\"orQueries\":[{\"followUpDateExpression\":\"" + DATE + "\"}]}]}",
        "{\"dueAfterExpression\":\"" + DATE + "\"}",
        "{\"assigneeExpression\":\"" + NAME + "\"}")) {
      for (String path : List.of("/engine-rest/task", "/engine-rest/task/count")) {
        HttpResponse<String> response = send(post(path, body), credentials);
        assertRefused(response, path + " " + body);
      }
    }
    for (String query : List.of("dueDateExpression=" + encode(DATE), "assigneeExpression=" + encode(NAME),
        "candidateUserExpression=" + encode(NAME))) {
      assertRefused(send(get("/engine-rest/task?" + query), credentials), "GET task " + query);
      assertRefused(send(get("/engine-rest/task/count?" + query), credentials), "GET count " + query);
    }
    assertThat(EVALUATIONS).as("expressions evaluated").hasValue(0);
  }

  /** The hostile-input mitigations hold for every role on Camunda's doors too (docs/security.md). */
  @ParameterizedTest
  @MethodSource("roles")
  void malformedRequests_areRefusedWith4xxForEveryRole(String credentials) throws Exception {
    assertThat(send(get("/engine-rest;x=y/task"), credentials).statusCode()).isEqualTo(400);
    assertThat(send(get("/engine-rest/task%3Bx=y"), credentials).statusCode()).isEqualTo(400);
    assertThat(send(get("/camunda;x=y/api/admin/auth/user/default"), credentials).statusCode()).isEqualTo(400);
    assertThat(send(get("/engine-rest/task?name=a%00b"), credentials).statusCode()).isEqualTo(400);
    for (String contentType : List.of("application/", ";;;", "application/json; charset=nonsense", "*/*")) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/engine-rest/task")).header("Content-Type", contentType)
          .POST(HttpRequest.BodyPublishers.ofString("{}")), credentials);
      assertThat(response.statusCode()).as(contentType).isBetween(400, 499);
    }
    Webapp tasklist = Webapp.signIn(port, credentials);
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task?name=a%00b").statusCode()).isEqualTo(400);
    assertThat(tasklist.get("/camunda;x=y/api/engine/engine/default/task").statusCode()).isEqualTo(400);
  }

  @Test
  void anonymous_isAskedToSignInAndNothingIsEvaluated() throws Exception {
    HttpResponse<String> response = send(post("/engine-rest/task",
        "{\"orQueries\":[{\"dueDateExpression\":\"" + DATE + "\"}]}"), null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(EVALUATIONS).hasValue(0);
  }

  @ParameterizedTest
  @MethodSource("roles")
  void webappApi_refusesExpressionsInTaskQueries(String credentials) throws Exception {
    Webapp tasklist = Webapp.signIn(port, credentials);
    for (String body : List.of("{\"orQueries\":[{\"dueDateExpression\":\"" + DATE + "\"}]}",
        "{\"orQueries\":[{\"orQueries\":[{\"dueDateExpression\":\"" + DATE + "\"}]}]}")) {
      assertRefused(tasklist.post("/camunda/api/engine/engine/default/task", body), "webapp task " + body);
      assertRefused(tasklist.post("/camunda/api/engine/engine/default/task/count", body), "webapp count " + body);
    }
    assertRefused(tasklist.get("/camunda/api/engine/engine/default/task?dueDateExpression=" + encode(DATE)),
        "webapp GET task");
    assertThat(EVALUATIONS).hasValue(0);
  }

  @ParameterizedTest
  @MethodSource("roles")
  void filters_withExpressionsAreNotStoredAndNotRunWithAnExtendingQuery(String credentials) throws Exception {
    long before = filters.createFilterQuery().count();
    String query = "{\"orQueries\":[{\"dueDateExpression\":\"" + DATE + "\"}]}";
    HttpResponse<String> create = send(post("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"evil\",\"query\":" + query + "}"), credentials);
    assertThat(create.statusCode()).as("create a filter: refused, or not allowed at all").isIn(400, 403);
    assertThat(filters.createFilterQuery().count()).as("no filter stored").isEqualTo(before);

    String moderation = filters.createFilterQuery().filterName(CamundaAccessSetup.FILTER_MY_TASKS).singleResult().getId();
    for (String path : List.of("/list", "/count")) {
      assertRefused(send(post("/engine-rest/filter/" + moderation + path, query), credentials), "filter " + path);
    }
    // engine-rest words every failure of a single result its own way; still a 400, nothing run.
    HttpResponse<String> single = send(post("/engine-rest/filter/" + moderation + "/singleResult", query), credentials);
    assertThat(single.statusCode()).as(single.body()).isEqualTo(400);
    Webapp tasklist = Webapp.signIn(port, credentials);
    assertRefused(tasklist.post("/camunda/api/engine/engine/default/filter/" + moderation + "/list", query),
        "webapp filter list");
    assertThat(EVALUATIONS).hasValue(0);
  }

  @Test
  void aFilterStoredBeforeTheGuard_isNeverEvaluated() throws Exception {
    Filter filter = filters.saveFilter(filters.newTaskFilter("stored-before-the-guard"));
    try {
      // Written behind the engine's back, as a filter saved by an older version would be.
      jdbc.update("update ACT_RU_FILTER set QUERY_ = ? where ID_ = ?",
          "{\"orQueries\":[{\"dueDateExpression\":\"" + DATE + "\"}]}", filter.getId());
      assertRefused(send(get("/engine-rest/filter/" + filter.getId() + "/list"), "admin:admin"), "stored filter");
      assertRefused(send(get("/engine-rest/filter/" + filter.getId() + "/count"), "admin:admin"), "stored filter count");
      assertThat(EVALUATIONS).hasValue(0);
    } finally {
      filters.deleteFilter(filter.getId());
    }
  }

  @Test
  void theEngineStillHasTheFieldsTheGuardReads() {
    for (QueryExpressionGuard.CommandFields field : QueryExpressionGuard.CommandFields.values()) {
      assertThat(field.present()).as(field + " in this Camunda version").isTrue();
    }
  }

  @Test
  void queriesWithoutExpressions_stillWork() throws Exception {
    HttpResponse<String> list = send(post("/engine-rest/task",
        "{\"orQueries\":[{\"assignee\":\"morag\"},{\"candidateGroup\":\"moderators\"}]}"), "morag:demo");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).startsWith("[");
    String mine = filters.createFilterQuery().filterName(CamundaAccessSetup.FILTER_MY_TASKS).singleResult().getId();
    assertThat(send(get("/engine-rest/filter/" + mine + "/count"), "morag:demo").statusCode()).isEqualTo(200);
  }

  private void assertRefused(HttpResponse<String> response, String what) {
    assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(400);
    assertThat(response.body()).as(what).contains("Expressions are");
  }

  @Override
  public int port() {
    return port;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
