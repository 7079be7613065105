package org.carevoice.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client of a started server over real HTTP: its own cookies (so its own session and CSRF
 * token), kept-alive connections, no redirects followed. Every request counts in the {@link Tally}.
 */
final class Visitor {

  static final String STAFF = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final Tally tally;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private String csrf;

  Visitor(String base, Tally tally) {
    this.base = base;
    this.tally = tally;
  }

  /** What came back. */
  record Reply(String request, int status, String contentType, String body, HttpHeaders headers) {

    String location() {
      return headers.firstValue("Location").orElse("");
    }

    boolean isHtml() {
      return contentType.startsWith("text/html");
    }

    boolean isJson() {
      return contentType.contains("json");
    }

    @Override
    public String toString() {
      return request + " -> " + status + " " + contentType;
    }
  }

  /** GET as a browser asks for a page. */
  Reply page(String pathAndQuery) {
    return get(pathAndQuery, builder -> builder.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"));
  }

  Reply get(String pathAndQuery, Consumer<HttpRequest.Builder> extra) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
    extra.accept(builder);
    Reply reply = send("GET " + pathAndQuery, builder.build());
    rememberCsrf(reply);
    return reply;
  }

  /** POSTs a form of the public site as a browser does, with this visitor's CSRF token. */
  Reply form(String path, List<Map.Entry<String, String>> fields) {
    if (csrf == null) {
      page(path);
    }
    StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf));
    fields.forEach(field -> body.append('&').append(encode(field.getKey())).append('=').append(encode(field.getValue())));
    return post(path, "application/x-www-form-urlencoded", body.toString(),
        builder -> builder.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"));
  }

  Reply post(String path, String contentType, String body, Consumer<HttpRequest.Builder> extra) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    extra.accept(builder);
    Reply reply = send("POST " + path + " " + abbreviate(body), builder.build());
    rememberCsrf(reply);
    return reply;
  }

  /** POSTs JSON to the API as a member of staff (the demo's administrator). */
  Reply staffJson(String path, String contentType, String json) {
    return post(path, contentType, json, builder -> builder.header("Authorization", STAFF)
        .header("Accept", "application/json, application/problem+json"));
  }

  private Reply send(String description, HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Reply reply = new Reply(description, response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
      tally.count(reply);
      return reply;
    } catch (IOException e) {
      throw new UncheckedIOException(description, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void rememberCsrf(Reply reply) {
    if (reply.isHtml()) {
      Matcher token = CSRF.matcher(reply.body());
      if (token.find()) {
        csrf = token.group(1);
      }
    }
  }

  /** The value of a cookie the server set, or null. */
  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
        .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A value as one path segment: "/" and everything else percent-encoded, spaces as %20. */
  static String segment(String value) {
    return encode(value).replace("+", "%20");
  }

  static String abbreviate(String text) {
    String visible = text.codePoints().limit(120)
        .collect(StringBuilder::new, (b, c) -> b.append(c < 0x20 ? String.format("\\u%04x", c) : Character.toString(c)),
            StringBuilder::append).toString();
    return text.length() > 120 ? visible + "…" : visible;
  }
}
