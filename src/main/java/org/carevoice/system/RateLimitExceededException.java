package org.carevoice.system;

import java.time.Duration;

/**
 * Too many requests from one IP address or for one email address: answered with HTTP 429 and a
 * {@code Retry-After} header, never with the request's content lost silently.
 */
public class RateLimitExceededException extends RuntimeException {

  private final String limit;
  private final Duration retryAfter;

  public RateLimitExceededException(String limit, Duration retryAfter) {
    super("Rate limit " + limit + " reached; retry after " + retryAfter.toSeconds() + " s");
    this.limit = limit;
    this.retryAfter = retryAfter;
  }

  /** Which limit: "api", "submission-ip", "submission-email". */
  public String limit() {
    return limit;
  }

  /** Whole seconds to wait, at least one. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
