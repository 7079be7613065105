package org.carevoice.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Signing in on the staff sign-in page signs in to Tasklist, Cockpit and Admin too (those the
 * user's groups may open): the same user, checked by the same password against Camunda's
 * identity service, in the same HTTP session, exactly as the webapps' own sign-in records it.
 * Without it, opening Tasklist from the staff home asked for the password again, and the webapps'
 * sign-in then replaced the session, which signed the user out of the staff pages.
 *
 * <p>Then the staff home, or the staff page the user was on the way to. Signing out ends the
 * session, and with it both sign-ins.
 */
final class WebappsSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

  static final String HOME = "/staff";

  private final ProcessEngine engine;

  WebappsSignIn(ProcessEngine engine) {
    this.engine = engine;
    setDefaultTargetUrl(HOME);
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws ServletException, IOException {
    UserAuthentication webapps = AuthenticationUtil.createAuthentication(engine, authentication.getName());
    if (webapps != null) {
      HttpSession session = request.getSession();
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      authentications.addOrReplace(webapps);
      AuthenticationUtil.updateSession(session, authentications);
    }
    super.onAuthenticationSuccess(request, response, authentication);
  }
}
