package org.carevoice.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests one client may make, instead of a CAPTCHA.
 *
 * @param api the public JSON API, per IP address
 * @param submissionPerIp new stories from one IP address (the web form and the API)
 * @param submissionPerEmail new stories giving one email address
 * @param submissionPerStaff new stories one member of staff enters at /staff/stories/new (in place of
 *     the limit per IP address: a ward's staff share one address, and one of them may type in a pile
 *     of paper forms in an afternoon)
 */
@ConfigurationProperties("carevoice.rate-limit")
public record RateLimitProperties(Limit api, Limit submissionPerIp, Limit submissionPerEmail,
    Limit submissionPerStaff) {

  public RateLimitProperties {
    api = api != null ? api : new Limit(120, Duration.ofMinutes(1));
    submissionPerIp = submissionPerIp != null ? submissionPerIp : new Limit(10, Duration.ofHours(1));
    submissionPerEmail = submissionPerEmail != null ? submissionPerEmail : new Limit(5, Duration.ofDays(1));
    submissionPerStaff = submissionPerStaff != null ? submissionPerStaff : new Limit(60, Duration.ofHours(1));
  }

  /** {@code capacity} requests at once, refilled evenly over {@code period}. */
  public record Limit(int capacity, Duration period) {}
}
