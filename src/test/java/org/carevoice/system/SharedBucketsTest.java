package org.carevoice.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one database share one allowance: requests from many threads of two
 * {@link SharedBuckets} (each as a node has its own) for one key are allowed exactly the bucket's
 * capacity, never more. On H2 here; on PostgreSQL in {@link SharedBucketsPostgresIT}.
 */
class SharedBucketsTest {

  static final int CAPACITY = 25;
  static final int THREADS_PER_NODE = 6;
  static final int REQUESTS_PER_THREAD = 15;

  @Test
  void twoNodesOnOneDatabase_allowTheCapacityOnceBetweenThem() throws Exception {
    twoNodesShareOneAllowance(RateLimiterTest.bucketDatabase());
  }

  @Test
  void fullBucketsAreForgotten_andAForgottenKeyStartsFull() {
    DataSource database = RateLimiterTest.bucketDatabase();
    SharedBuckets buckets = new SharedBuckets(database);
    long second = 1_000_000_000L;
    assertThat(buckets.take("t", "a".repeat(64), 100 * second, 10 * second, 0)).isZero();
    assertThat(buckets.take("t", "a".repeat(64), 101 * second, 10 * second, 0)).isEqualTo(9 * second);
    assertThat(buckets.purgeFull(109 * second)).isZero();
    assertThat(buckets.purgeFull(110 * second)).isEqualTo(1);
    assertThat(new JdbcTemplate(database).queryForObject("select count(*) from rate_limit_bucket", Integer.class))
        .isZero();
    assertThat(buckets.take("t", "a".repeat(64), 110 * second, 10 * second, 0)).isZero();
  }

  /** Many threads of two nodes ask for one key at once: exactly {@link #CAPACITY} are allowed. */
  static void twoNodesShareOneAllowance(DataSource database) throws Exception {
    List<RateLimiter> nodes = List.of(limiter(database), limiter(database));
    ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
    try {
      List<Future<Integer>> allowed = new ArrayList<>();
      for (RateLimiter node : nodes) {
        for (int t = 0; t < THREADS_PER_NODE; t++) {
          allowed.add(threads.submit(requests(node)));
        }
      }
      int total = 0;
      for (Future<Integer> count : allowed) {
        total += count.get();
      }
      assertThat(total).isEqualTo(CAPACITY);
      // Another key has its own allowance.
      nodes.get(1).acquire("198.51.100.9");
    } finally {
      threads.shutdownNow();
    }
  }

  private static RateLimiter limiter(DataSource database) {
    // A day's period: no token comes back while the test runs.
    return new RateLimiter("shared", CAPACITY, Duration.ofDays(1), Clock.systemUTC(), new SharedBuckets(database));
  }

  private static Callable<Integer> requests(RateLimiter node) {
    return () -> {
      int allowed = 0;
      for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
        try {
          node.acquire("203.0.113.7");
          allowed++;
        } catch (RateLimitExceededException refused) {
          assertThat(refused.retryAfterSeconds()).isPositive();
        }
      }
      return allowed;
    };
  }
}
