package org.carevoice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Who reaches what, over real HTTP (the REST API is a Jersey servlet, outside MockMvc). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class EndpointSecurityTest {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void engineRest_requiresBasicAuthAgainstCamundaUsers() throws Exception {
    assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task", "shona:wrong").statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task", "morag:demo").statusCode()).isEqualTo(200);
  }

  @Test
  void engineRest_appliesCamundaAuthorizations() throws Exception {
    assertThat(get("/engine-rest/process-definition/count", "admin:admin").body()).doesNotContain("\"count\":0");
    assertThat(get("/engine-rest/process-definition/count", "craig:demo").body()).contains("\"count\":0");
    assertThat(get("/engine-rest/process-definition/count", "graham:demo").body()).doesNotContain("\"count\":0");
  }

  @Test
  void homePageOwnsTheRoot_andWebappsLiveUnderCamunda() throws Exception {
    HttpResponse<String> home = get("/", null);
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Tell your story");
    assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
    assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(home.headers().firstValue("Referrer-Policy")).contains("same-origin");
    assertThat(get("/camunda/app/tasklist/default/", null).statusCode()).isEqualTo(200);
  }

  @Test
  void webappStyleOverride_hidesTheEndOfLifeBanner() throws Exception {
    for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
      assertThat(get("/camunda/app/" + app + "/styles/user-styles.css", null).body()).contains(".ce-eol-banner");
    }
  }

  @Test
  void actuatorShowsHealthOnly() throws Exception {
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    HttpResponse<String> env = get("/actuator/env", null);
    assertThat(env.statusCode()).as("refused, or sent to the staff sign-in").isIn(302, 403, 404);
    assertThat(env.body()).doesNotContain("propertySources");
  }

  @Test
  void demoMailbox_isThereInTheDemoProfile() throws Exception {
    assertThat(get("/dev/mailbox", null).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (credentials != null) {
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
