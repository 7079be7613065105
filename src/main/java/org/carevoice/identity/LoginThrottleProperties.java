package org.carevoice.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard wrong passwords are slowed down, at every door where staff sign in (docs/security.md,
 * "Sign-in throttling").
 *
 * @param perAddress failures counted per client address (IPv6: per /64 network), whatever the user name
 * @param perAccount failures counted per user name, from whatever address
 * @param trustAddressFor how long an address where a user signed in stays exempt from that user's
 *     account throttle (so someone else's failures do not keep the owner out)
 * @param alert when administrators are emailed about an account under attack
 * @param maxTracked at most this many addresses, accounts and trusted addresses each are kept in memory
 */
@ConfigurationProperties("carevoice.login-throttle")
public record LoginThrottleProperties(Limit perAddress, Limit perAccount, Duration trustAddressFor, Alert alert,
    int maxTracked) {

  public LoginThrottleProperties {
    perAddress = perAddress != null ? perAddress
        : new Limit(5, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1));
    perAccount = perAccount != null ? perAccount
        : new Limit(10, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(1));
    trustAddressFor = trustAddressFor != null ? trustAddressFor : Duration.ofDays(30);
    alert = alert != null ? alert : new Alert(20, Duration.ofHours(1), List.of());
    maxTracked = maxTracked > 0 ? maxTracked : 100_000;
  }

  /**
   * {@code freeFailures} wrong passwords are allowed; the one that reaches it and each further one
   * refuse every attempt for {@code firstDelay}, doubling up to {@code maxDelay}. The count is
   * forgotten {@code forgetAfter} after the last failure (longer than {@code maxDelay}, so waiting
   * out the longest refusal does not start the count afresh).
   */
  public record Limit(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    public Limit {
      if (freeFailures < 1 || firstDelay == null || maxDelay == null || forgetAfter == null
          || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
          || forgetAfter.compareTo(maxDelay) <= 0) {
        throw new IllegalArgumentException("carevoice.login-throttle: free-failures >= 1 and"
            + " 0 < first-delay <= max-delay < forget-after are needed");
      }
    }

    /** How long attempts are refused after the n-th failure in a row. */
    Duration delayAfter(int failures) {
      if (failures < freeFailures) {
        return Duration.ZERO;
      }
      int doublings = Math.min(failures - freeFailures, 30);
      Duration delay = firstDelay.multipliedBy(1L << doublings);
      return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
  }

  /**
   * After {@code failures} wrong passwords for one existing user (counted as {@link Limit}, so
   * across hours while they keep coming), the administrators are emailed; again at most every
   * {@code interval} while it goes on.
   *
   * @param alsoTo addresses emailed besides the members of camunda-admin who have one
   */
  public record Alert(int failures, Duration interval, List<String> alsoTo) {

    public Alert {
      alsoTo = alsoTo != null ? alsoTo.stream().filter(to -> to != null && !to.isBlank()).map(String::strip).toList()
          : List.of();
    }
  }
}
