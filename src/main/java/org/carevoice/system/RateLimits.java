package org.carevoice.system;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** The application's rate limits (see {@link RateLimitProperties}). */
@Component
public class RateLimits {

  private final RateLimiter api;
  private final RateLimiter submissionPerIp;
  private final RateLimiter submissionPerEmail;
  private final RateLimiter submissionPerStaff;

  RateLimits(RateLimitProperties properties, Clock clock) {
    this.api = limiter("api", properties.api(), clock);
    this.submissionPerIp = limiter("submission-ip", properties.submissionPerIp(), clock);
    this.submissionPerEmail = limiter("submission-email", properties.submissionPerEmail(), clock);
    this.submissionPerStaff = limiter("submission-staff", properties.submissionPerStaff(), clock);
  }

  /** One request to the public JSON API from this IP address. */
  public void apiRequest(String ipAddress) {
    api.acquire(ipAddress);
  }

  /**
   * One new story from this IP address giving this email address, from the web form or from staff
   * entering a story taken by phone or on paper (either may be null: a story without an email
   * address has no email limit).
   */
  public void storySubmission(String ipAddress, String email) {
    if (ipAddress != null) {
      submissionPerIp.acquire(ipAddress);
    }
    if (email != null && !email.isBlank()) {
      submissionPerEmail.acquire(email.strip());
    }
  }

  /**
   * One story a signed-in member of staff enters on its author's behalf at /staff/stories/new:
   * counted per staff user, not per IP address (a ward's computers share one), and per author's
   * email address like any story, so no author is sent a flood of emails.
   */
  public void staffStoryEntry(String staffUserId, String email) {
    submissionPerStaff.acquire(staffUserId);
    if (email != null && !email.isBlank()) {
      submissionPerEmail.acquire(email.strip());
    }
  }

  private static RateLimiter limiter(String name, RateLimitProperties.Limit limit, Clock clock) {
    return new RateLimiter(name, limit.capacity(), limit.period(), clock);
  }
}
