package org.carevoice;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A PostgreSQL database of the test's own, created for it and dropped on {@link #close()}, and the
 * whole application with its web server on a free port on that database: profiles postgres, demo
 * and test. {@link #start} gives both at once; {@link #createDatabase} gives the empty database,
 * for a test that prepares it ({@link #connect}) or starts the application on it more than once
 * ({@link #startApplication}). Connection from PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD
 * (default 127.0.0.1:5432, database test, user postgres, trust authentication).
 */
public final class PostgresApplication implements AutoCloseable {

  private static final String HOST = env("PGHOST", "127.0.0.1");
  private static final String PORT = env("PGPORT", "5432");
  private static final String ADMIN_DATABASE = env("PGDATABASE", "test");
  private static final String USER = env("PGUSER", "postgres");
  private static final String PASSWORD = env("PGPASSWORD", "");

  private final String database;
  private ConfigurableApplicationContext context;

  private PostgresApplication(String database) {
    this.database = database;
  }

  /**
   * A new, empty database and no application yet. Skips (or fails under CI=true) when PostgreSQL
   * is not there.
   */
  public static PostgresApplication createDatabase() {
    RequiredService.require(canConnect(), "PostgreSQL at " + HOST + ":" + PORT + "/" + ADMIN_DATABASE);
    String database = "carevoice_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    adminSql("create database " + database);
    return new PostgresApplication(database);
  }

  /** A new database with the application running on it. Arguments outrank every profile. */
  public static PostgresApplication start(String... arguments) {
    PostgresApplication postgres = createDatabase();
    try {
      postgres.startApplication(arguments);
      return postgres;
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  /**
   * Starts the application on this database, after stopping the one started before, if any.
   * Arguments outrank every profile. Closing the context returned stops it; {@link #close()} does
   * too.
   */
  public ConfigurableApplicationContext startApplication(String... arguments) {
    if (context != null) {
      context.close();
    }
    context = new SpringApplicationBuilder(CarevoiceApplication.class)
        .profiles("postgres", "demo", "test")
        // Command-line arguments outrank the test profile's H2 settings.
        .run(Stream.concat(Stream.of(
            "--spring.datasource.url=" + url(database),
            "--spring.datasource.username=" + USER,
            "--spring.datasource.password=" + PASSWORD,
            "--server.port=0"), Arrays.stream(arguments)).toArray(String[]::new));
    return context;
  }

  /** A connection to this test's database, e.g. to create tables before the application starts. */
  public Connection connect() throws SQLException {
    return connect(database);
  }

  /** This test's database as a JDBC URL, e.g. for applications started in processes of their own. */
  public String jdbcUrl() {
    return url(database);
  }

  /** The user name and password of {@link #jdbcUrl()}. */
  public static String[] credentials() {
    return new String[] {USER, PASSWORD};
  }

  /** A data source on this test's database (a new connection each time), for tests without an application. */
  public javax.sql.DataSource dataSource() {
    return new org.springframework.jdbc.datasource.DriverManagerDataSource(url(database), USER, PASSWORD);
  }

  /** The server's address, e.g. http://127.0.0.1:41234 */
  public String baseUrl() {
    return "http://127.0.0.1:" + context().getEnvironment().getProperty("local.server.port");
  }

  /** The application last started on this database. */
  public ConfigurableApplicationContext context() {
    if (context == null) {
      throw new IllegalStateException("The application has not been started on " + database);
    }
    return context;
  }

  /** Stops the application, if it runs, and drops the database. */
  @Override
  public void close() {
    try {
      if (context != null) {
        context.close();
      }
    } finally {
      adminSql("drop database if exists " + database + " with (force)");
    }
  }

  private static boolean canConnect() {
    try (Connection ignored = connect(ADMIN_DATABASE)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void adminSql(String sql) {
    try (Connection connection = connect(ADMIN_DATABASE); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run '" + sql + "' on PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static Connection connect(String name) throws SQLException {
    return DriverManager.getConnection(url(name), USER, PASSWORD);
  }

  private static String url(String name) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
