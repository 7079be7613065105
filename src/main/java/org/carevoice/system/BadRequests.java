package org.carevoice.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Refuses a request in the style of where it was sent: a problem detail (application/problem+json)
 * with a plain {@code detail} for the JSON APIs (ours under /api, Camunda's REST API and the
 * webapps' /camunda/api), the site's error page for everything else.
 */
@Component
class BadRequests {

  private final ObjectMapper json;
  private final MessageSource messages;

  BadRequests(ObjectMapper json, MessageSource messages) {
    this.json = json;
    this.messages = messages;
  }

  static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.startsWith("/api;") || path.equals("/api") || path.startsWith("/engine-rest")
        || path.startsWith("/camunda/api/");
  }

  String message(String key, Object... arguments) {
    return messages.getMessage(key, arguments, Locale.UK);
  }

  /** The API's problem detail with the message {@code apiKey}, or the site's error page for the status. */
  void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String apiKey,
      Object... arguments) throws IOException {
    if (isApi(request)) {
      writeProblem(request, response, status, message(apiKey, arguments));
    } else {
      response.sendError(status.value());
    }
  }

  void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    try {
      problem.setInstance(URI.create(request.getRequestURI().replace(";", "%3B")));
    } catch (IllegalArgumentException e) {
      // an address java.net.URI cannot hold: the problem goes without its instance
    }
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("X-Content-Type-Options", "nosniff");
    json.writeValue(response.getOutputStream(), problem);
  }
}
