package org.carevoice.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one check in front of every door where staff sign in, before the door checks a password:
 *
 * <ul>
 *   <li>the staff site's sign-in form ({@code POST /login}, Spring Security);
 *   <li>HTTP Basic, on the JSON API {@code /api/**} (Spring Security) and on the engine's REST API
 *       {@code /engine-rest/**} (Camunda's filter) — any request that carries Basic credentials;
 *   <li>the Camunda webapps' sign-in ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}).
 * </ul>
 *
 * An attempt that {@link LoginThrottle} refuses never reaches the password check: the sign-in form
 * goes back to the sign-in page with a plain message saying how long to wait; the APIs get HTTP 429
 * with {@code Retry-After} and a problem detail. Every request's client address is bound for the
 * engine's password check, which reports each outcome and refuses on its own at doors not listed.
 * The address is the connection's, or the client's as the trusted proxy reports it
 * ({@code server.forward-headers-strategy}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private static final RequestMatcher SIGN_IN_FORM =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
  private static final String BASIC = "basic ";

  private final LoginThrottle throttle;
  private final MessageSource messages;
  private final ObjectMapper json;
  /** The Camunda webapps' sign-in, on the path the servlet container has decoded and normalised. */
  private final Pattern webappSignIn;

  LoginThrottleFilter(LoginThrottle throttle, MessageSource messages, ObjectMapper json, String webappPath) {
    this.throttle = throttle;
    this.messages = messages;
    this.json = json;
    this.webappSignIn = Pattern.compile(Pattern.quote(webappPath) + "/api/[^/]+/auth/user/[^/]+/login/[^/]+/?");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isWebappSignIn(request)) {
      WebappSignInRequest webapp = WebappSignInRequest.read(request);
      if (webapp == null) {
        response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
        return;
      }
      request = webapp;
    }
    String address = request.getRemoteAddr();
    Optional<String> account = signingInAs(request);
    if (account.isPresent()) {
      Optional<Duration> wait = throttle.refusal(address, account.get());
      if (wait.isPresent()) {
        refuse(request, response, wait.get());
        return;
      }
    }
    // Every request, as any may check a password (REST API /identity/verify, password changes).
    try (LoginThrottle.ClientRequest bound = throttle.requestFrom(address)) {
      chain.doFilter(request, response);
    }
  }

  /** The user name this request signs in with, if it is a sign-in ("" when it names none). */
  private Optional<String> signingInAs(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return Optional.of(basicUser(authorization.substring(BASIC.length()).strip()));
    }
    if (request instanceof WebappSignInRequest webapp) {
      return Optional.of(webapp.username());
    }
    if (isSignInForm(request)) {
      String user = request.getParameter("username");
      return Optional.of(user == null ? "" : user);
    }
    return Optional.empty();
  }

  private static boolean isSignInForm(HttpServletRequest request) {
    return SIGN_IN_FORM.matches(request);
  }

  private boolean isWebappSignIn(HttpServletRequest request) {
    return HttpMethod.POST.matches(request.getMethod()) && webappSignIn.matcher(pathOf(request)).matches();
  }

  private static String pathOf(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }

  /** The user part of Basic credentials, decoded as Spring Security and Camunda decode them. */
  private static String basicUser(String token) {
    try {
      String credentials = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = credentials.indexOf(':');
      return colon < 0 ? credentials : credentials.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    if (isSignInForm(request)) {
      long minutes = Math.max(1, (seconds + 59) / 60);
      response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
      return;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        messages.getMessage("signIn.throttled", new Object[] {seconds}, Locale.UK));
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
