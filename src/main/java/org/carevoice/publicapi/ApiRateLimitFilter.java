package org.carevoice.publicapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.carevoice.system.RateLimitExceededException;
import org.carevoice.system.RateLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request to {@code /api/**} counts against its client address's allowance
 * ({@code carevoice.rate-limit.api}); over it, 429 with {@code Retry-After} and a JSON detail. It
 * runs before Spring Security, so password guessing through HTTP Basic is limited too. The client
 * address is the connection's, or the one the trusted proxy reports when
 * {@code server.forward-headers-strategy} is set (docs/operations.md).
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

  private final RateLimits limits;
  private final ApiMessages messages;
  private final ObjectMapper json;

  ApiRateLimitFilter(RateLimits limits, ApiMessages messages, ObjectMapper json) {
    this.limits = limits;
    this.messages = messages;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      limits.apiRequest(request.getRemoteAddr());
    } catch (RateLimitExceededException e) {
      ResponseEntity<ProblemDetail> refusal = ApiProblems.tooManyRequests(messages, e);
      ProblemDetail problem = refusal.getBody();
      problem.setInstance(URI.create(request.getRequestURI()));
      response.setStatus(refusal.getStatusCode().value());
      response.setHeader(HttpHeaders.RETRY_AFTER, refusal.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    chain.doFilter(request, response);
  }
}
