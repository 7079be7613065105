package org.carevoice.system;

import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The application's rate limits (see {@link RateLimitProperties}), counted in the database so that
 * all nodes share them ({@link SharedBuckets}).
 */
@Component
public class RateLimits {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);

  private final RateLimiter api;
  private final RateLimiter submissionPerIp;
  private final RateLimiter submissionPerEmail;
  private final RateLimiter submissionPerStaff;
  private final SharedBuckets buckets;
  private final Clock clock;

  RateLimits(RateLimitProperties properties, Clock clock, DataSource dataSource) {
    this.buckets = new SharedBuckets(dataSource);
    this.clock = clock;
    this.api = limiter("api", properties.api(), clock, buckets);
    this.submissionPerIp = limiter("submission-ip", properties.submissionPerIp(), clock, buckets);
    this.submissionPerEmail = limiter("submission-email", properties.submissionPerEmail(), clock, buckets);
    this.submissionPerStaff = limiter("submission-staff", properties.submissionPerStaff(), clock, buckets);
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

  /**
   * Deletes the buckets that are full again, on every node (a delete that another node made first
   * deletes nothing): a full bucket and no row mean the same.
   */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  void forgetFullBuckets() {
    java.time.Instant now = clock.instant();
    int forgotten = buckets.purgeFull(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    LOG.debug("Forgot {} full rate-limit buckets", forgotten);
  }

  private static RateLimiter limiter(String name, RateLimitProperties.Limit limit, Clock clock, SharedBuckets buckets) {
    return new RateLimiter(name, limit.capacity(), limit.period(), clock, buckets);
  }
}
