package org.carevoice.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With single sign-on, the Camunda webapps sign in and out with the staff pages:
 *
 * <ul>
 *   <li>opening Tasklist, Cockpit or Admin without being signed in goes to the staff sign-in page
 *       (and, signed in there, back to the webapp) instead of the webapps' own password form;
 *   <li>signing out in a webapp ends the whole session, so the staff pages are signed out too.
 * </ul>
 *
 * Without single sign-on the webapps keep their own sign-in page, as in the demo.
 */
final class WebappsSingleSignOn extends OncePerRequestFilter {

  private final Pattern page;
  private final Pattern signOut;
  private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

  WebappsSingleSignOn(String webappPath) {
    String base = Pattern.quote(webappPath);
    // A webapp's page (its engine's name has no dot; the files beside it, such as favicon.ico, have).
    this.page = Pattern.compile(base + "/app/(?:tasklist|cockpit|admin|welcome)(?:/([^/.]+))?/?");
    this.signOut = Pattern.compile(base + "/api/admin/auth/user/[^/]+/logout/?");
    // Back to the webapp's own address after signing in, without Spring's "?continue" marker.
    requests.setMatchingRequestParameterName(null);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = pathOf(request);
    if (HttpMethod.GET.matches(request.getMethod()) && acceptsHtml(request)) {
      Matcher matcher = page.matcher(path);
      if (matcher.matches() && !signedIn(request, matcher.group(1) == null ? "default" : matcher.group(1))) {
        requests.saveRequest(request, response);
        response.sendRedirect(request.getContextPath() + StaffSignIn.SIGN_IN_PAGE);
        return;
      }
    }
    chain.doFilter(request, response);
    if (HttpMethod.POST.matches(request.getMethod()) && signOut.matcher(path).matches()
        && response.getStatus() < 300) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
    }
  }

  private static boolean acceptsHtml(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    // A browser opening a page; its scripts, styles and API calls ask for other types.
    return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
  }

  private static boolean signedIn(HttpServletRequest request, String engine) {
    HttpSession session = request.getSession(false);
    return session != null && AuthenticationUtil.getAuthsFromSession(session).hasAuthenticationForProcessEngine(engine);
  }

  private static String pathOf(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }
}
