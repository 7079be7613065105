package org.carevoice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A signed-in session of the Camunda webapps (Tasklist, Cockpit), with their CSRF token, as a
 * browser holds it: what the webapps' own API ({@code /camunda/api/...}) answers this user.
 */
final class Webapp {
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final int port;
  private String csrfToken;

  private Webapp(int port) {
    this.port = port;
  }

  /** Signed in to Tasklist, as "user:password". */
  static Webapp signIn(int port, String credentials) throws Exception {
    return signIn(port, credentials, "tasklist");
  }

  /** Signed in to one of the webapps ("tasklist", "cockpit", "admin"), as "user:password". */
  static Webapp signIn(int port, String credentials, String app) throws Exception {
    Webapp webapp = new Webapp(port);
    webapp.get("/camunda/app/" + app + "/default/");
    String[] user = credentials.split(":", 2);
    HttpResponse<String> login = webapp.send(HttpRequest.newBuilder(webapp.uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user[0]) + "&password=" + encode(user[1]))));
    assertThat(login.statusCode()).as(app + " sign-in of " + user[0] + ": " + login.body()).isEqualTo(200);
    // Signing in starts a new session; its first read hands out the new session's token.
    webapp.get("/camunda/api/admin/auth/user/default");
    return webapp;
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> put(String path, String json) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The webapps send their CSRF token in a cookie and expect it back in a header, renewed at sign-in. */
  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (csrfToken != null) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
    response.headers().allValues("Set-Cookie").stream().flatMap(header -> HttpCookie.parse(header).stream())
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).forEach(cookie -> csrfToken = cookie.getValue());
    return response;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
