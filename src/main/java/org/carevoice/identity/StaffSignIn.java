package org.carevoice.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * How staff sign in, at each door that {@link SecurityConfiguration} guards:
 *
 * <ul>
 *   <li>local accounts ({@code carevoice.identity.local-accounts}, on unless switched off): the
 *       Camunda user's password on the staff sign-in page, the Camunda webapps' own sign-in, and
 *       HTTP Basic on {@code /api} and {@code /engine-rest};
 *   <li>single sign-on ({@code carevoice.oidc.enabled}, off unless configured): OpenID Connect at
 *       the organisation's provider for the staff pages and the Camunda webapps, and the provider's
 *       bearer tokens on {@code /api} and {@code /engine-rest} ({@link SingleSignOn}).
 * </ul>
 *
 * Either signs in to the staff pages and the webapps at once ({@link WebappsSignIn}), and signing
 * out ends both (at the provider too, when it offers that).
 */
@Component
class StaffSignIn {

  static final String SIGN_IN_PAGE = "/login";
  static final String SIGNED_OUT = "/login?signedOut";

  private static final Logger LOG = LoggerFactory.getLogger(StaffSignIn.class);

  private final boolean localAccounts;
  private final SingleSignOn singleSignOn;

  StaffSignIn(IdentityProperties identity, SingleSignOnProperties sso, IdentityService identityService,
      RestClient.Builder http) {
    this.localAccounts = identity.localAccounts();
    this.singleSignOn = sso.enabled() ? new SingleSignOn(sso, identityService, identity.adminUser(), http) : null;
    if (!localAccounts && singleSignOn == null) {
      throw new IllegalStateException("Local accounts are switched off (carevoice.identity.local-accounts=false) and"
          + " single sign-on is not on (carevoice.oidc.enabled): nobody could sign in. Turn one of them on.");
    }
    if (singleSignOn != null) {
      LOG.info("Single sign-on with OpenID Connect is on; local accounts are {}", localAccounts ? "on" : "off");
    }
  }

  boolean localAccounts() {
    return localAccounts;
  }

  /** Single sign-on, or null when it is off. */
  SingleSignOn singleSignOn() {
    return singleSignOn;
  }

  /** The staff site: the password form and/or the provider's sign-in, and sign-out for both. */
  void site(HttpSecurity http, ProcessEngine engine) throws Exception {
    if (localAccounts) {
      // After signing in, staff land on their home, unless they were on their way to another staff
      // page (the saved request wins).
      http.formLogin(login -> login.loginPage(SIGN_IN_PAGE).successHandler(new WebappsSignIn(engine)).permitAll());
    }
    if (singleSignOn != null) {
      http.oauth2Login(login -> login.loginPage(SIGN_IN_PAGE)
          .clientRegistrationRepository(singleSignOn.registrations())
          .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
          .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(singleSignOn.authorizationRequests()))
          .userInfoEndpoint(userInfo -> userInfo.oidcUserService(singleSignOn.users()))
          .successHandler(new WebappsSignIn(engine))
          .failureUrl(SIGN_IN_PAGE + "?ssoFailed")
          .permitAll());
    }
    // Sign out is a POST with the CSRF token (the header's form). It ends the HTTP session, and
    // with it the sign-in to the Camunda webapps held in it; then the provider's session, if any.
    http.logout(logout -> logout.logoutSuccessHandler(singleSignOn != null ? singleSignOn.signOut(SIGNED_OUT)
            : signedOut())
        .invalidateHttpSession(true).deleteCookies("JSESSIONID"));
  }

  private static SimpleUrlLogoutSuccessHandler signedOut() {
    SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
    handler.setDefaultTargetUrl(SIGNED_OUT);
    return handler;
  }

  /**
   * The site's Content-Security-Policy, letting the sign-out form go on to the provider's sign-out
   * (a redirect after a form's POST is held to {@code form-action}).
   */
  String contentSecurityPolicy(String policy) {
    if (singleSignOn == null) {
      return policy;
    }
    java.net.URI issuer = singleSignOn.properties().issuerUri();
    String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
    return policy.replace("form-action 'self'", "form-action 'self' " + origin);
  }

  /** The JSON API: HTTP Basic with local accounts, the provider's bearer tokens with single sign-on. */
  void api(HttpSecurity http, AuthenticationEntryPoint basicChallenge) throws Exception {
    if (localAccounts) {
      http.httpBasic(basic -> basic.authenticationEntryPoint(basicChallenge));
    } else {
      http.httpBasic(AbstractHttpConfigurer::disable);
    }
    if (singleSignOn != null) {
      http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(singleSignOn.bearerTokens())
          .jwtAuthenticationConverter(singleSignOn::bearerUser)));
    }
  }

  /** The Camunda webapps: their own password sign-in is refused (403) when local accounts are off. */
  void camunda(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
      String webappPath) {
    if (!localAccounts) {
      requests.requestMatchers(SecurityConfiguration.path(HttpMethod.POST, webappPath + "/api/*/auth/user/*/login/*"))
          .denyAll();
    }
  }
}
