package org.carevoice.system;

import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The token buckets of every rate limit, in the table {@code rate_limit_bucket}, so that all nodes
 * on one database count against one allowance per client. A bucket is one number, the moment it
 * will be full again ({@code full_at}, the generic cell rate algorithm): taking a token is a single
 * conditional {@code UPDATE}, which the database applies to the row one node at a time, so two nodes
 * never both take the last token. A key seen for the first time gets its row by an insert that
 * leaves an existing row alone. Nothing is held between statements and no transaction is needed.
 *
 * <p>Works on PostgreSQL and H2 alike; only the insert of a new row differs.
 */
public final class SharedBuckets {

  /** A row changed by another node between our statements is looked at again, at most this often. */
  private static final int ATTEMPTS = 5;

  private static final String TAKE = "update rate_limit_bucket set full_at = greatest(full_at, ?) + ?"
      + " where limiter = ? and key_hash = ? and greatest(full_at, ?) - ? <= ?";
  private static final String INSERT = "insert into rate_limit_bucket (limiter, key_hash, full_at) values (?, ?, ?)";
  private static final String FULL_AT = "select full_at from rate_limit_bucket where limiter = ? and key_hash = ?";

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  public SharedBuckets(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.postgres = productName(dataSource).contains("postgres");
  }

  /**
   * Takes one token from the bucket of {@code keyHash} in {@code limiter}.
   *
   * @param now the current time, in nanoseconds since 1970
   * @param nanosPerToken how long one token takes to come back
   * @param allowedAhead how far into the future the bucket's full time may be pushed (capacity - 1 tokens)
   * @return 0 when the token was taken; otherwise the nanoseconds to wait, and nothing was counted
   */
  long take(String limiter, String keyHash, long now, long nanosPerToken, long allowedAhead) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (jdbc.update(TAKE, now, nanosPerToken, limiter, keyHash, now, now, allowedAhead) == 1) {
        return 0;
      }
      if (insertIfAbsent(limiter, keyHash, now + nanosPerToken)) {
        return 0;
      }
      List<Long> fullAt = jdbc.queryForList(FULL_AT, Long.class, limiter, keyHash);
      if (!fullAt.isEmpty()) {
        long wait = Math.max(fullAt.get(0), now) - now - allowedAhead;
        if (wait > 0) {
          return wait;
        }
      }
      // Another node changed or purged the row between our statements: look again.
    }
    throw new IllegalStateException("Rate limit " + limiter + ": the bucket kept changing under us");
  }

  /** Forgets the buckets that are full again by {@code now}: such a row counts nothing. */
  int purgeFull(long now) {
    return jdbc.update("delete from rate_limit_bucket where full_at <= ?", now);
  }

  private boolean insertIfAbsent(String limiter, String keyHash, long fullAt) {
    if (postgres) {
      // Never an error, so a caller's transaction (if any) is not aborted.
      return jdbc.update(INSERT + " on conflict do nothing", limiter, keyHash, fullAt) == 1;
    }
    try {
      return jdbc.update(INSERT, limiter, keyHash, fullAt) == 1;
    } catch (DuplicateKeyException e) {
      // H2 undoes the statement only: the row exists, someone else inserted it first.
      return false;
    }
  }

  private static String productName(DataSource dataSource) {
    try {
      String name = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return name.toLowerCase(Locale.ROOT);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database holds the rate limits", e);
    }
  }
}
