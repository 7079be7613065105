package org.carevoice.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A token bucket per key (an IP address, an email address): {@code capacity} requests at once,
 * refilled evenly over {@code period}. Keys are kept as SHA-256 hashes, so no email address or IP
 * address is stored in the clear. The buckets are rows in the database ({@link SharedBuckets}), so
 * every node behind a load balancer counts against the same allowance (docs/operations.md,
 * "Running several nodes").
 */
public final class RateLimiter {

  private final String name;
  private final int capacity;
  private final long nanosPerToken;
  private final Clock clock;
  private final SharedBuckets buckets;

  public RateLimiter(String name, int capacity, Duration period, Clock clock, SharedBuckets buckets) {
    if (capacity < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("Rate limit " + name + " needs a capacity >= 1 and a positive period");
    }
    this.name = name;
    this.capacity = capacity;
    this.nanosPerToken = Math.max(1, period.toNanos() / capacity);
    this.clock = clock;
    this.buckets = buckets;
  }

  /**
   * Takes one request for the key.
   *
   * @throws RateLimitExceededException when the key has used up its requests, with how long to wait
   */
  public void acquire(String key) {
    long allowedAhead = (long) (capacity - 1) * nanosPerToken;
    long waitNanos = buckets.take(name, hash(key), nanosNow(), nanosPerToken, allowedAhead);
    if (waitNanos > 0) {
      throw new RateLimitExceededException(name, Duration.ofNanos(waitNanos));
    }
  }

  public String name() {
    return name;
  }

  public int capacity() {
    return capacity;
  }

  private long nanosNow() {
    java.time.Instant instant = clock.instant();
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static String hash(String key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(key.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
