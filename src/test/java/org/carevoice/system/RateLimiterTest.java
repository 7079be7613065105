package org.carevoice.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The token bucket behind every rate limit, on a clock the test moves, with its buckets in a real
 * (in-memory H2) database made by the application's own migration.
 */
class RateLimiterTest {

  private final SharedBuckets buckets = new SharedBuckets(bucketDatabase());

  private Instant now = Instant.parse("2026-11-26T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @Test
  void aFullBucketAllowsItsCapacityAtOnce_thenOneRequestPerShare() {
    RateLimiter limiter = new RateLimiter("test", 3, Duration.ofMinutes(1), clock, buckets);
    limiter.acquire("203.0.113.7");
    limiter.acquire("203.0.113.7");
    limiter.acquire("203.0.113.7");
    assertThatThrownBy(() -> limiter.acquire("203.0.113.7"))
        .isInstanceOfSatisfying(RateLimitExceededException.class, e -> {
          assertThat(e.limit()).isEqualTo("test");
          assertThat(e.retryAfterSeconds()).isEqualTo(20);
        });

    now = now.plusSeconds(19);
    assertThatThrownBy(() -> limiter.acquire("203.0.113.7"))
        .isInstanceOfSatisfying(RateLimitExceededException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
    now = now.plusSeconds(1);
    limiter.acquire("203.0.113.7");
    assertThatThrownBy(() -> limiter.acquire("203.0.113.7")).isInstanceOf(RateLimitExceededException.class);
  }

  @Test
  void refusedRequestsDoNotCount_andAQuietKeyRefillsCompletely() {
    RateLimiter limiter = new RateLimiter("test", 2, Duration.ofHours(1), clock, buckets);
    limiter.acquire("a");
    limiter.acquire("a");
    for (int i = 0; i < 50; i++) {
      assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimitExceededException.class);
    }
    now = now.plus(Duration.ofHours(1));
    limiter.acquire("a");
    limiter.acquire("a");
    assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimitExceededException.class);
  }

  @Test
  void keysAreCountedApart_andEmailAddressesIgnoreCase() {
    RateLimiter limiter = new RateLimiter("test", 1, Duration.ofDays(1), clock, buckets);
    limiter.acquire("Author@Example.org");
    assertThatThrownBy(() -> limiter.acquire("author@example.org")).isInstanceOf(RateLimitExceededException.class);
    limiter.acquire("someone.else@example.org");
  }

  @Test
  void aLimitNeedsACapacityAndAPeriod() {
    assertThatThrownBy(() -> new RateLimiter("broken", 0, Duration.ofMinutes(1), clock, buckets))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimiter("broken", 1, Duration.ZERO, clock, buckets))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** An in-memory H2 database of its own with the table of migration V18. */
  static DataSource bucketDatabase() {
    DataSource dataSource = new DriverManagerDataSource(
        "jdbc:h2:mem:buckets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    new ResourceDatabasePopulator(new ClassPathResource("db/migration/V18__shared_rate_limits.sql")).execute(dataSource);
    return dataSource;
  }
}
