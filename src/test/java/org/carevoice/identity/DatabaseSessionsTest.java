package org.carevoice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sessions live in the database (Spring Session JDBC) on H2, as in the demo, with the session
 * configuration of application.yaml (the test profile otherwise keeps them in memory for MockMvc):
 * the staff sign-in, the Camunda webapps' own sign-in (which replaces the session) and a story
 * draft are rows, and a session deleted from the database is gone on the next request, so nothing
 * rests in one node's memory. Two nodes on PostgreSQL: {@code org.carevoice.system.ClusterIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@ActiveProfiles({"demo", "test"})
class DatabaseSessionsTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void staffSignIn_isARowInTheDatabase_andEndsWhenTheRowIsDeleted() throws Exception {
    HttpResponse<String> login = get("/login");
    HttpResponse<String> signedIn = post("/login", Map.of("username", "iain", "password", "demo", "_csrf", csrf(login)));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(get("/staff").statusCode()).isEqualTo(200);
    assertThat(get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"iain\"");

    List<String> attributes = jdbc.queryForList("select a.attribute_name from spring_session_attributes a"
        + " join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = 'iain'", String.class);
    // Spring Security's sign-in, and the webapps' sign-in that WebappsSignIn added (Camunda's name).
    assertThat(attributes).contains("SPRING_SECURITY_CONTEXT", "authenticatedUser");

    jdbc.update("delete from spring_session where principal_name = 'iain'");
    HttpResponse<String> after = get("/staff");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
  }

  @Test
  void theWebappsOwnSignIn_replacesTheSessionInTheDatabase_andWorks() throws Exception {
    Webapp tasklist = Webapp.signIn(port, "fiona:demo");
    HttpResponse<String> count = tasklist.get("/camunda/api/engine/engine/default/task/count");
    assertThat(count.statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name is null or principal_name = 'fiona'",
        Integer.class)).isPositive();
  }

  @Test
  void aStoryDraft_isKeptInTheDatabaseBetweenSteps() throws Exception {
    HttpResponse<String> page = get("/tell-your-story/service");
    Long serviceId = jdbc.queryForObject("select min(id) from care_service", Long.class);
    HttpResponse<String> step = post("/tell-your-story/service", Map.of("serviceId", serviceId.toString(), "_csrf", csrf(page)));
    assertThat(step.statusCode()).isEqualTo(302);
    assertThat(jdbc.queryForList("select attribute_name from spring_session_attributes", String.class))
        .contains("org.carevoice.story.StoryDraft.author");
    assertThat(get("/tell-your-story/who-and-when").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream()
        .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String csrf(HttpResponse<String> page) {
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).as("a CSRF token in the page").isTrue();
    return csrf.group(1);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
