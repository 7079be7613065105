package org.carevoice.identity;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who calls the engine REST API ({@code /engine-rest/**}): Camunda's own filter, which runs each
 * call as the caller with the caller's groups (the engine then checks their authorizations), with
 * Carevoice's doors into it:
 *
 * <ul>
 *   <li>{@code Authorization: Bearer} with a token of the single sign-on provider (signature,
 *       issuer, audience and lifetime checked): the user its claims name, with the Carevoice groups
 *       its group claim maps to;
 *   <li>{@code Authorization: Basic} with a Camunda user's password, while local accounts are on.
 * </ul>
 *
 * Anything else gets 401 with the challenges of the doors that are open.
 */
final class EngineRestAuthentication extends ProcessEngineAuthenticationFilter {

  private static final String BEARER = "bearer ";
  private static final String BASIC = "basic ";

  EngineRestAuthentication(StaffSignIn signIn) {
    this.authenticationProvider = new Provider(signIn);
  }

  @Override
  public void init(FilterConfig filterConfig) {
    // The provider is set in the constructor, with Spring's beans; Camunda's filter would make one by class name.
    servletPathPrefix = filterConfig.getInitParameter(SERVLET_PATH_PREFIX);
  }

  private static final class Provider implements AuthenticationProvider {
    private final StaffSignIn signIn;
    private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

    Provider(StaffSignIn signIn) {
      this.signIn = signIn;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (authorization == null) {
        return AuthenticationResult.unsuccessful();
      }
      if (startsWith(authorization, BEARER)) {
        return bearer(authorization.substring(BEARER.length()).strip());
      }
      if (startsWith(authorization, BASIC) && signIn.localAccounts()) {
        return basic.extractAuthenticatedUser(request, engine);
      }
      return AuthenticationResult.unsuccessful();
    }

    private AuthenticationResult bearer(String token) {
      SingleSignOn sso = signIn.singleSignOn();
      if (sso == null || token.isEmpty()) {
        return AuthenticationResult.unsuccessful();
      }
      try {
        Jwt jwt = sso.bearerTokens().decode(token);
        JwtAuthenticationToken user = sso.bearerUser(jwt);
        AuthenticationResult result = AuthenticationResult.successful(user.getName());
        result.setGroups(new ArrayList<>(sso.groups(jwt)));
        return result;
      } catch (JwtException | org.springframework.security.core.AuthenticationException e) {
        return AuthenticationResult.unsuccessful();
      }
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
      if (signIn.singleSignOn() != null) {
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Carevoice\"");
      }
      if (signIn.localAccounts()) {
        basic.augmentResponseByAuthenticationChallenge(response, engine);
      }
    }

    private static boolean startsWith(String header, String scheme) {
      return header.regionMatches(true, 0, scheme, 0, scheme.length());
    }
  }
}
