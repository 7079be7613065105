package org.carevoice.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.carevoice.CarevoiceApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Staff single sign-on against a real OpenID Connect provider started here (NAV's
 * mock-oauth2-server): Carevoice with the demo data, single sign-on on and local accounts off.
 *
 * <p>In headless Chromium: the provider's sign-in lands on the staff home and opens Tasklist
 * without a second sign-in; signing out ends both; the provider's groups map to Carevoice's by
 * configuration. Over HTTP: the provider's bearer tokens on engine-rest (an expired one, one of
 * another issuer, one for another audience refused), and every password door refused.
 */
class SingleSignOnIT extends OneBrowserPerClass {

  static final String ISSUER_ID = "carevoice-idp";
  static final String CLIENT_ID = "carevoice";
  static final String AUDIENCE = "carevoice-api";

  MockOAuth2Server provider;
  ConfigurableApplicationContext app;
  IdentityService identity;
  int port;
  final HttpClient http = HttpClient.newHttpClient();

  SingleSignOnIT() {
    super("sso-");
  }

  @BeforeAll
  void start() {
    provider = new MockOAuth2Server();
    provider.start();
    app = new SpringApplicationBuilder(CarevoiceApplication.class).profiles("demo", "test").run(
        "--server.port=0",
        "--carevoice.identity.local-accounts=false",
        "--carevoice.oidc.enabled=true",
        "--carevoice.oidc.display-name=NHS Test Board",
        "--carevoice.oidc.issuer-uri=" + provider.issuerUrl(ISSUER_ID),
        "--carevoice.oidc.client-id=" + CLIENT_ID,
        "--carevoice.oidc.client-secret=not-a-real-secret",
        "--carevoice.oidc.audience=" + AUDIENCE,
        "--carevoice.oidc.user-id-local-part=true",
        "--carevoice.oidc.group-mapping.[NHSL Carevoice Moderators]=moderators",
        "--carevoice.oidc.group-prefix=carevoice-");
    identity = app.getBean(IdentityService.class);
    port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    if (provider != null) {
      provider.shutdown();
    }
  }

  @Test
  void signInAtTheProvider_landsOnTheStaffHome_opensTasklistWithoutASecondSignIn_andSignOutEndsBoth() {
    nextSignInAs("Mhairi.Moderator@nhs-test.scot", "Mhairi", "Moderator",
        List.of("NHSL Carevoice Moderators", "carevoice-safeguarding", "Finance Team"));

    driver.get(url("/staff"));
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("single-sign-on")).click();
    // Back to the page asked for (Spring marks a saved request with "?continue").
    wait.until(ExpectedConditions.urlMatches("^" + Pattern.quote(url("/staff")) + "(\\?continue)?$"));
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("mhairi.moderator");
    assertThat(driver.findElements(By.id("tasks"))).as("the moderation queue on the staff home").hasSize(1);
    assertThat(driver.findElements(By.id("safeguarding"))).as("the safeguarding section").hasSize(1);

    // Just in time: a Camunda user with the claims' names and exactly the mapped groups.
    User user = identity.createUserQuery().userId("mhairi.moderator").singleResult();
    assertThat(user.getFirstName()).isEqualTo("Mhairi");
    assertThat(user.getEmail()).isEqualTo("Mhairi.Moderator@nhs-test.scot");
    assertThat(groupsOf("mhairi.moderator")).containsExactlyInAnyOrder("moderators", "safeguarding");

    // Tasklist, signed in already: the moderators' filter, no password form.
    driver.get(url("/camunda/app/tasklist/default/"));
    new WebDriverWait(driver, Duration.ofSeconds(90)).until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Stories to moderate"));
    assertThat(driver.findElements(By.cssSelector("input[ng-model='password']"))).isEmpty();

    // Signing out on the staff pages ends both, at the provider too, and comes back to the sign-in page.
    driver.get(url("/staff"));
    driver.findElement(By.id("nav-sign-out")).click();
    wait.until(ExpectedConditions.urlContains("/login?signedOut"));
    driver.get(url("/staff"));
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.get(url("/camunda/app/tasklist/default/"));
    wait.until(ExpectedConditions.urlContains("/login"));
    assertThat(driver.findElements(By.id("password"))).as("no password form: local accounts are off").isEmpty();
  }

  @Test
  void signInAgainWithOtherGroups_setsTheMembershipsToExactlyThese() {
    nextSignInAs("rhona.returning@nhs-test.scot", "Rhona", "Returning", List.of("NHSL Carevoice Moderators"));
    signInThroughTheBrowser();
    assertThat(groupsOf("rhona.returning")).containsExactly("moderators");

    driver.manage().deleteAllCookies();
    nextSignInAs("rhona.returning@nhs-test.scot", "Rhona", "Returning", List.of("carevoice-safeguarding"));
    signInThroughTheBrowser();
    assertThat(groupsOf("rhona.returning")).containsExactly("safeguarding");
  }

  @Test
  void aUserWithNoMappedGroup_signsInToNothing() throws Exception {
    nextSignInAs("una.unmapped@nhs-test.scot", "Una", "Unmapped", List.of("Finance Team", "All Staff"));
    signInThroughTheBrowser();
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("in no Carevoice staff group");
    assertThat(driver.findElements(By.id("tasks"))).isEmpty();
    assertThat(groupsOf("una.unmapped")).isEmpty();

    String token = token("una.unmapped@nhs-test.scot", List.of("Finance Team"), AUDIENCE, 3600);
    HttpResponse<String> definitions = get("/engine-rest/process-definition/count", "Bearer " + token);
    assertThat(definitions.statusCode()).isEqualTo(200);
    assertThat(definitions.body()).contains("\"count\":0");
  }

  @Test
  void engineRest_takesTheProvidersBearerToken_asThatUserWithTheMappedGroups() throws Exception {
    String moderator = token("morven.api@nhs-test.scot", List.of("NHSL Carevoice Moderators"), AUDIENCE, 3600);
    HttpResponse<String> definitions = get("/engine-rest/process-definition/count", "Bearer " + moderator);
    assertThat(definitions.statusCode()).isEqualTo(200);
    assertThat(definitions.body()).doesNotContain("\"count\":0");
    // The engine call ran as that user with the mapped groups: Camunda answers who is asking.
    HttpResponse<String> filters = get("/engine-rest/filter?resourceType=Task", "Bearer " + moderator);
    assertThat(filters.statusCode()).isEqualTo(200);
    assertThat(filters.body()).contains("Stories to moderate");
  }

  @Test
  void engineRest_refusesAnExpiredToken_aForeignIssuersToken_andAnotherAudiencesToken() throws Exception {
    List<String> groups = List.of("NHSL Carevoice Moderators");
    String expired = token("morven.api@nhs-test.scot", groups, AUDIENCE, -600);
    String foreign = provider.issueToken("somewhere-else", CLIENT_ID, new DefaultOAuth2TokenCallback("somewhere-else",
        "morven", JOSEObjectType.JWT.getType(), List.of(AUDIENCE),
        Map.of("preferred_username", "morven.api@nhs-test.scot", "groups", groups), 3600)).serialize();
    String otherAudience = token("morven.api@nhs-test.scot", groups, "some-other-app", 3600);
    for (String token : List.of(expired, foreign, otherAudience, "not.a.token")) {
      HttpResponse<String> answer = get("/engine-rest/process-definition/count", "Bearer " + token);
      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          challenge -> assertThat(challenge).startsWith("Bearer"));
    }
    assertThat(get("/engine-rest/process-definition/count", null).statusCode()).isEqualTo(401);
  }

  @Test
  void localAccountsOff_everyPasswordDoorIsRefused() throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    assertThat(get("/engine-rest/process-definition/count", basic).statusCode()).isEqualTo(401);
    HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(url("/api/v1/stories")))
        .header("Authorization", basic).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(api.statusCode()).isEqualTo(401);

    // The staff sign-in form, sent as a browser would, with a valid CSRF token (the sign-in page
    // has no form to take one from: the story form's first step has).
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String page = browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(page).contains("Sign in with NHS Test Board").doesNotContain("id=\"password\"");
    String form = browser.send(HttpRequest.newBuilder(URI.create(url("/tell-your-story/service"))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
    assertThat(csrf.find()).as("a CSRF token of this session").isTrue();
    HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isBetween(400, 499);
    HttpResponse<String> staff = browser.send(HttpRequest.newBuilder(URI.create(url("/staff"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(staff.statusCode()).isEqualTo(302);
    assertThat(staff.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));

    // The Camunda webapps' own sign-in.
    HttpResponse<String> webapp = send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/default/login/tasklist")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin")));
    assertThat(webapp.statusCode()).isEqualTo(403);
  }

  private void nextSignInAs(String username, String firstName, String lastName, List<String> groups) {
    provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "subject-of-" + firstName,
        JOSEObjectType.JWT.getType(), null, Map.of("preferred_username", username, "given_name", firstName,
            "family_name", lastName, "email", username, "groups", groups), 3600));
  }

  private void signInThroughTheBrowser() {
    driver.get(url("/login"));
    driver.findElement(By.id("single-sign-on")).click();
    wait.until(ExpectedConditions.urlToBe(url("/staff")));
  }

  private String token(String username, List<String> groups, String audience, long expirySeconds) {
    return provider.issueToken(ISSUER_ID, CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID, "subject-api",
        JOSEObjectType.JWT.getType(), List.of(audience), Map.of("preferred_username", username, "groups", groups),
        expirySeconds)).serialize();
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
