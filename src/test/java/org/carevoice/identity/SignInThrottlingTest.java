package org.carevoice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Password guessing at each door where staff sign in, over real HTTP: the staff site's form, HTTP
 * Basic on the JSON API and on the engine's REST API, and the Camunda webapps' sign-in. With the
 * numbers of application.yaml; the client's address comes from X-Forwarded-For through a trusted
 * proxy (server.forward-headers-strategy=native, as docs/operations.md says to set it), and time
 * is moved on with the application's clock, never waited for.
 *
 * <p>The engine is named "signin", so the REST API and the webapps are addressed by that name and
 * the engine named "default" of the other real-server tests is left alone. Every test uses its own
 * addresses and users: the counts live as long as the context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.process-engine-name=signin",
    "server.forward-headers-strategy=native",
    // application.yaml's numbers (the test profile raises them for the other tests).
    "carevoice.login-throttle.per-address.free-failures=5",
    "carevoice.login-throttle.per-account.free-failures=10",
    "carevoice.login-throttle.alert.also-to=security-team@demo.carevoice.local"})
@ActiveProfiles({"demo", "test"})
@Import(SignInThrottlingTest.ClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottlingTest {

  private static final String ENGINE = "signin";
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired MovableClock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

  @Test
  void staffSiteForm_wrongPasswordsFromOneAddress_areRefusedWithAPlainMessage_theOwnerStillSignsInElsewhere()
      throws Exception {
    String attacker = "203.0.113.10";
    for (int i = 1; i <= 5; i++) {
      assertThat(formSignIn(attacker, "craig", "guess-" + i)).as("wrong password %d", i).isEqualTo("/login?error");
    }

    assertThat(formSignIn(attacker, "craig", "demo")).as("refused before the password is checked")
        .isEqualTo("/login?throttled=1");
    assertThat(formSignIn(attacker, "graham", "guess")).as("every user, from that address").isEqualTo("/login?throttled=1");
    HttpResponse<String> page = send(attacker, HttpRequest.newBuilder(url("/login?throttled=1")).GET());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("There have been too many wrong passwords. Wait 1 minute, then try again.")
        .contains("<title>Error: Staff sign in - Carevoice</title>");

    assertThat(formSignIn("198.51.100.10", "craig", "demo")).as("the owner, from another address").isEqualTo("/staff");
    assertThat(send("198.51.100.10", HttpRequest.newBuilder(url("/staff/subscriptions")).GET()).statusCode())
        .as("signed in to the staff pages").isEqualTo(200);

    clock.moveOn(Duration.ofMinutes(1));
    assertThat(formSignIn(attacker, "craig", "demo")).as("a minute later, from the refused address").isEqualTo("/staff");
    assertThat(formSignIn(attacker, "graham", "guess")).as("the sign-in started the address's count afresh")
        .isEqualTo("/login?error");
  }

  @Test
  void jsonApi_wrongPasswordsFromOneAddress_get429WithRetryAfter_theOwnerStillSignsInElsewhere() throws Exception {
    String attacker = "203.0.113.20";
    for (int i = 1; i <= 5; i++) {
      assertThat(api(attacker, "aileen", "guess-" + i).statusCode()).as("wrong password %d", i).isEqualTo(401);
    }

    HttpResponse<String> refused = api(attacker, "aileen", "demo");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("60");
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("\"status\":429")
        .contains("Too many wrong passwords from your address or for this user. Try again in 60 seconds.");

    assertThat(api("198.51.100.20", "aileen", "demo").statusCode()).as("the owner, from another address").isEqualTo(200);

    clock.moveOn(Duration.ofSeconds(30));
    assertThat(api(attacker, "aileen", "demo").headers().firstValue("Retry-After")).contains("30");
    clock.moveOn(Duration.ofSeconds(30));
    assertThat(api(attacker, "aileen", "demo").statusCode()).as("after the minute").isEqualTo(200);
  }

  @Test
  void engineRestApi_wrongPasswordsFromOneAddress_get429_theOwnerStillSignsInElsewhere() throws Exception {
    String attacker = "203.0.113.30";
    for (int i = 1; i <= 5; i++) {
      assertThat(engineRest(attacker, "morag", "guess-" + i).statusCode()).as("wrong password %d", i).isEqualTo(401);
    }

    HttpResponse<String> refused = engineRest(attacker, "morag", "demo");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("60");
    assertThat(refused.body()).contains("Try again in 60 seconds.");
    assertThat(engineRest(attacker, "morag", "demo").statusCode()).as("refused again, not counted").isEqualTo(429);

    assertThat(engineRest("198.51.100.30", "morag", "demo").statusCode()).as("the owner, from another address")
        .isEqualTo(200);

    clock.moveOn(Duration.ofMinutes(1));
    assertThat(engineRest(attacker, "morag", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void camundaWebappSignIn_wrongPasswordsFromOneAddress_get429_theOwnerStillSignsInElsewhere(CapturedOutput log)
      throws Exception {
    String attacker = "203.0.113.40";
    for (int i = 1; i <= 5; i++) {
      assertThat(webappSignIn(attacker, "iain", "guess-" + i).statusCode()).as("wrong password %d", i).isEqualTo(401);
    }

    HttpResponse<String> refused = webappSignIn(attacker, "iain", "demo");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("60");

    HttpResponse<String> owner = webappSignIn("198.51.100.40", "iain", "demo");
    assertThat(owner.statusCode()).as("the owner, from another address").isEqualTo(200);
    assertThat(owner.body()).contains("\"userId\":\"iain\"");

    clock.moveOn(Duration.ofMinutes(1));
    assertThat(webappSignIn(attacker, "iain", "demo").statusCode()).isEqualTo(200);
    assertThat(log).as("Camunda's resource gets the form body as sent").doesNotContain("has been consumed");
  }

  @Test
  void camundaWebappSignIn_withABodyLargerThanAnySignInForm_isRefusedWith413() throws Exception {
    HttpResponse<String> huge = send("203.0.113.50", HttpRequest.newBuilder(
            url("/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(form(Map.of("password", "x".repeat(WebappSignInRequest.MAX_BODY), "username", "iain"))));
    assertThat(huge.statusCode()).isEqualTo(413);
  }

  /**
   * Someone tries passwords for one user from many addresses, through every door in turn: the
   * user's sign-in slows down for minutes at most, is never locked (Camunda's own lock would have
   * locked it for good at the tenth), stays open from where the user signed in before, and the
   * administrators get one email within the hour.
   */
  @Test
  void oneUserGuessedFromManyAddressesThroughEveryDoor_isSlowedNeverLocked_andAdministratorsAreEmailedOnce(
      CapturedOutput log) throws Exception {
    String usual = "198.51.100.77";
    assertThat(api(usual, "shona", "demo").statusCode()).as("shona signs in where she works").isEqualTo(200);

    int address = 1;
    for (int i = 1; i <= 10; i++) {
      assertThat(wrongPasswordThroughDoor(i, "192.0.2." + address++, "shona"))
          .as("wrong password %d", i).isIn(401, 302);
    }
    HttpResponse<String> elsewhere = api("192.0.2." + address++, "shona", "demo");
    assertThat(elsewhere.statusCode()).as("from a new address, the account waits").isEqualTo(429);
    assertThat(elsewhere.headers().firstValue("Retry-After")).contains("30");
    assertThat(api(usual, "shona", "demo").statusCode()).as("from her usual address, at once").isEqualTo(200);

    // More guesses, each as soon as the account lets one through: the waits double up to 5 minutes.
    for (int i = 11; i <= 25; i++) {
      HttpResponse<String> waiting = api("192.0.2." + address++, "shona", "guess");
      assertThat(waiting.statusCode()).isEqualTo(429);
      long seconds = Long.parseLong(waiting.headers().firstValue("Retry-After").orElseThrow());
      assertThat(seconds).as("30 s after the tenth, doubling, never more than 5 minutes")
          .isEqualTo(Math.min(300, 30L << (i - 11)));
      clock.moveOn(Duration.ofSeconds(seconds));
      assertThat(wrongPasswordThroughDoor(i, "192.0.2." + address++, "shona")).as("wrong password %d", i).isIn(401, 302);
    }

    assertThat(api("192.0.2." + address++, "shona", "demo").headers().firstValue("Retry-After")).contains("300");
    clock.moveOn(Duration.ofMinutes(5));
    assertThat(api("192.0.2." + address++, "shona", "demo").statusCode())
        .as("the right password, from a new address, 5 minutes after the last guess").isEqualTo(200);
    assertThat(webappSignIn("192.0.2." + address++, "shona", "demo").statusCode())
        .as("and in the Camunda webapps: the engine has not locked her").isEqualTo(200);

    List<Map<String, Object>> alerts = jdbc.queryForList(
        "select recipient, subject, text_body from outbox_message where template = ?", SignInAlerts.TEMPLATE);
    assertThat(alerts).as("one alert within the hour, to the security address (the demo admin has no email)")
        .hasSize(1);
    Map<String, Object> alert = alerts.get(0);
    assertThat(alert.get("recipient")).isEqualTo("security-team@demo.carevoice.local");
    assertThat(alert.get("subject")).isEqualTo("Many failed sign-ins to a Carevoice staff account");
    assertThat((String) alert.get("text_body"))
        .contains("20 wrong passwords have been tried for the staff user shona since")
        .contains("never locks the account")
        .doesNotContain("192.0.2.").doesNotContain("guess-");
    assertThat(log).contains("Sign-in failures: 20 wrong passwords since")
        .contains("1 administrator(s) emailed").doesNotContain("guess-");
  }

  /**
   * The REST API's POST /identity/verify lets any signed-in user test anyone's password: the
   * engine's password check itself refuses while the throttle does, and the caller's own
   * successful sign-ins do not wipe the count of the guesses.
   */
  @Test
  void engineRestVerify_cannotBeUsedToGuessOtherUsersPasswordsPastTheThrottle() throws Exception {
    if (identity.createUserQuery().userId("kirsty").count() == 0) {
      User kirsty = identity.newUser("kirsty");
      kirsty.setPassword("the-right-one");
      identity.saveUser(kirsty);
    }
    String insider = "203.0.113.60";
    for (int i = 1; i <= 5; i++) {
      HttpResponse<String> guess = verify(insider, "kirsty", "guess-" + i);
      assertThat(guess.statusCode()).isEqualTo(200);
      assertThat(guess.body()).contains("\"authenticated\":false");
    }
    assertThat(verify(insider, "kirsty", "the-right-one").statusCode())
        .as("the address is refused, though the caller's own sign-ins succeeded").isEqualTo(429);

    for (int i = 6; i <= 10; i++) {
      assertThat(verify("198.51.100.1" + i, "kirsty", "guess-" + i).body()).contains("\"authenticated\":false");
    }
    assertThat(verify("198.51.100.120", "kirsty", "the-right-one").body())
        .as("the account's refusal, inside the engine: the password is not even looked at")
        .contains("\"authenticated\":false");
    assertThat(api("198.51.100.121", "kirsty", "the-right-one").statusCode()).isEqualTo(429);

    clock.moveOn(Duration.ofSeconds(30));
    assertThat(verify("198.51.100.122", "kirsty", "the-right-one").body()).contains("\"authenticated\":true");
  }

  @Test
  void neighboursInOneIpv6Network_shareOneCount() throws Exception {
    for (int i = 1; i <= 5; i++) {
      assertThat(api("2001:db8:77:1::" + Integer.toHexString(i), "fiona", "guess").statusCode()).isEqualTo(401);
    }
    assertThat(api("2001:db8:77:1::ff", "graham", "demo").statusCode()).as("the same /64").isEqualTo(429);
    assertThat(api("2001:db8:77:2::1", "graham", "demo").statusCode()).as("another /64").isEqualTo(200);
  }

  /** Doors in turn: the same count for the user whichever door the guess comes through. */
  private int wrongPasswordThroughDoor(int i, String address, String user) throws Exception {
    return switch (i % 4) {
      case 0 -> api(address, user, "guess-" + i).statusCode();
      case 1 -> engineRest(address, user, "guess-" + i).statusCode();
      case 2 -> webappSignIn(address, user, "guess-" + i).statusCode();
      default -> {
        assertThat(formSignIn(address, user, "guess-" + i)).isEqualTo("/login?error");
        yield 302;
      }
    };
  }

  // The doors, each as a new client from the given address.

  /** Signs in on the staff site's form; returns where it sends the browser (path and query). */
  private String formSignIn(String address, String user, String password) throws Exception {
    cookies.getCookieStore().removeAll();
    String page = send(address, HttpRequest.newBuilder(url("/login")).GET()).body();
    Matcher csrf = CSRF_FIELD.matcher(page);
    assertThat(csrf.find()).as("the sign-in form has a CSRF token").isTrue();
    HttpResponse<String> response = send(address, HttpRequest.newBuilder(url("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(form(Map.of("username", user, "password", password, "_csrf", csrf.group(1)))));
    assertThat(response.statusCode()).isEqualTo(302);
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
  }

  private HttpResponse<String> api(String address, String user, String password) throws Exception {
    cookies.getCookieStore().removeAll();
    return send(address, HttpRequest.newBuilder(url("/api/v1/tags")).header("Authorization", basic(user, password)).GET());
  }

  private HttpResponse<String> engineRest(String address, String user, String password) throws Exception {
    cookies.getCookieStore().removeAll();
    return send(address, HttpRequest.newBuilder(url("/engine-rest/engine/" + ENGINE + "/task/count"))
        .header("Authorization", basic(user, password)).GET());
  }

  /** An administrator asks the REST API whether a user's password is right. */
  private HttpResponse<String> verify(String address, String user, String password) throws Exception {
    cookies.getCookieStore().removeAll();
    String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
    return send(address, HttpRequest.newBuilder(url("/engine-rest/engine/" + ENGINE + "/identity/verify"))
        .header("Authorization", basic("admin", "admin")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** As Tasklist's sign-in page does it: a CSRF token from the webapp's API first. */
  private HttpResponse<String> webappSignIn(String address, String user, String password) throws Exception {
    cookies.getCookieStore().removeAll();
    HttpResponse<String> first = send(address, HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/" + ENGINE)).GET());
    String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    return send(address, HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(form(Map.of("username", user, "password", password))));
  }

  private HttpResponse<String> send(String address, HttpRequest.Builder request) throws Exception {
    return http.send(request.header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return HttpRequest.BodyPublishers.ofString(body.toString());
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class ClockConfiguration {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  /** The application's clock, moved on by the tests. */
  static final class MovableClock extends Clock {

    private volatile Instant now = Instant.now();

    void moveOn(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }
  }
}
