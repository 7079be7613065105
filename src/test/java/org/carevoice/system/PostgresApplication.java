package org.carevoice.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.carevoice.CarevoiceApplication;
import org.carevoice.RequiredService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application with its web server on a free port, on a PostgreSQL database of its own
 * created for the test and dropped afterwards (as {@link PostgresStartupIT} does): profiles
 * postgres, demo and test. Connection from PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (default
 * 127.0.0.1:5432, database test, user postgres, trust authentication).
 */
final class PostgresApplication implements AutoCloseable {

  private static final String HOST = env("PGHOST", "127.0.0.1");
  private static final String PORT = env("PGPORT", "5432");
  private static final String ADMIN_DATABASE = env("PGDATABASE", "test");
  private static final String USER = env("PGUSER", "postgres");
  private static final String PASSWORD = env("PGPASSWORD", "");

  private final String database;
  private final ConfigurableApplicationContext context;

  private PostgresApplication(String database, ConfigurableApplicationContext context) {
    this.database = database;
    this.context = context;
  }

  /** Skips (or fails under CI=true) when PostgreSQL is not there. Arguments outrank every profile. */
  static PostgresApplication start(String... arguments) {
    RequiredService.require(canConnect(), "PostgreSQL at " + HOST + ":" + PORT + "/" + ADMIN_DATABASE);
    String database = "carevoice_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    adminSql("create database " + database);
    try {
      ConfigurableApplicationContext context = new SpringApplicationBuilder(CarevoiceApplication.class)
          .profiles("postgres", "demo", "test")
          // Command-line arguments outrank the test profile's H2 settings.
          .run(java.util.stream.Stream.concat(java.util.stream.Stream.of(
              "--spring.datasource.url=jdbc:postgresql://" + HOST + ":" + PORT + "/" + database,
              "--spring.datasource.username=" + USER,
              "--spring.datasource.password=" + PASSWORD,
              "--server.port=0"), java.util.Arrays.stream(arguments)).toArray(String[]::new));
      return new PostgresApplication(database, context);
    } catch (RuntimeException e) {
      adminSql("drop database if exists " + database + " with (force)");
      throw e;
    }
  }

  /** The server's address, e.g. http://127.0.0.1:41234 */
  String baseUrl() {
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    try {
      context.close();
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
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + name, USER, PASSWORD);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
