package org.carevoice.story;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a story form (the author's or staff's) or private-page form far larger than any real one (HTTP 400 and the error page's
 * message) before anything reads it. Without this, the server would drop the fields of a post over
 * its form size limit, CSRF token included, and answer a confusing 403. Forms under the limit but
 * over a field's size get the field's own message from validation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class OversizeFormFilter extends OncePerRequestFilter {

  /** A story's 20,000 characters, percent-encoded at worst, and the other answers fit well inside. */
  static final long MAX_FORM_BYTES = 512 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod())
        || !(isInFlow(path, StoryFlow.AUTHOR) || isInFlow(path, StoryFlow.STAFF) || path.startsWith("/my-story/"));
  }

  private static boolean isInFlow(String path, StoryFlow flow) {
    return path.equals(flow.base()) || path.startsWith(flow.base() + "/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_FORM_BYTES) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    chain.doFilter(request, response);
  }
}
