package org.carevoice.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per key (an IP address, an email address): {@code capacity} requests at once,
 * refilled evenly over {@code period}. Keys are kept as SHA-256 hashes, so no email address or IP
 * address sits in memory in the clear. The buckets live in this node's memory: with several
 * nodes behind a load balancer each node counts on its own (docs/operations.md).
 */
public final class RateLimiter {

  /** Purge buckets that have refilled completely every this many calls. */
  private static final int PURGE_EVERY = 10_000;

  private final String name;
  private final int capacity;
  private final long nanosPerToken;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();

  public RateLimiter(String name, int capacity, Duration period, Clock clock) {
    if (capacity < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("Rate limit " + name + " needs a capacity >= 1 and a positive period");
    }
    this.name = name;
    this.capacity = capacity;
    this.nanosPerToken = Math.max(1, period.toNanos() / capacity);
    this.clock = clock;
  }

  /**
   * Takes one request for the key.
   *
   * @throws RateLimitExceededException when the key has used up its requests, with how long to wait
   */
  public void acquire(String key) {
    long now = nanosNow();
    if (calls.incrementAndGet() % PURGE_EVERY == 0) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    Bucket bucket = buckets.computeIfAbsent(hash(key), k -> new Bucket(now));
    long waitNanos = bucket.take(now);
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

  /**
   * The generic cell rate algorithm: {@code fullAt} is when the bucket will be full again; each
   * request moves it on by one token's time, and a request that would push it more than the
   * bucket's size into the future is refused.
   */
  private final class Bucket {
    private long fullAt;

    Bucket(long now) {
      this.fullAt = now;
    }

    /** Nanoseconds to wait, or 0 when the request is allowed (and counted). */
    synchronized long take(long now) {
      long from = Math.max(fullAt, now);
      long allowedAhead = (long) (capacity - 1) * nanosPerToken;
      if (from - now > allowedAhead) {
        return from - now - allowedAhead;
      }
      fullAt = from + nanosPerToken;
      return 0;
    }

    synchronized boolean isFull(long now) {
      return fullAt <= now;
    }
  }
}
