package io.careflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The two databases of every scenario. H2: a file database per use (as careflow runs by
 * default). PostgreSQL 17: one embedded server for the whole run, made durable — embedded-
 * postgres turns fsync and synchronous_commit off (PITFALLS 13); here both are on — and a
 * database per use.
 */
abstract class Database implements AutoCloseable {

  abstract String name();

  /** A fresh, empty database for one use: its JDBC URL. */
  abstract String create(String purpose) throws Exception;

  /** The URL another process (careflow) uses for it; for H2 the bench connects through it too. */
  String urlForNode(String url) {
    return url;
  }

  abstract String user();

  abstract String password();

  boolean isPostgres() {
    return false;
  }

  /** A pool like careflow's (HikariCP, 20 connections). */
  HikariDataSource pool(String url, int size) {
    var ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setUsername(user());
    ds.setPassword(password());
    ds.setMaximumPoolSize(size);
    return ds;
  }

  Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, user(), password());
  }

  @Override
  public void close() throws Exception {}

  static final class H2 extends Database {
    private final Path dir;

    H2(Path dir) throws IOException {
      this.dir = Files.createDirectories(dir);
    }

    @Override
    String name() {
      return "H2 (file)";
    }

    @Override
    String create(String purpose) {
      Path file = dir.resolve(purpose + "-" + UUID.randomUUID().toString().substring(0, 8));
      return "jdbc:h2:file:" + file.toAbsolutePath();
    }

    /** The bench's own engine holds the file alone: as careflow's default URL (PITFALLS 6). */
    @Override
    HikariDataSource pool(String url, int size) {
      return super.pool(url + ";DB_CLOSE_ON_EXIT=FALSE", size);
    }

    /**
     * careflow opens the file itself; AUTO_SERVER lets the bench reach the same file (P3 moves
     * due dates, P5 loads closed contacts) while careflow keeps its embedded connection. H2
     * refuses AUTO_SERVER together with DB_CLOSE_ON_EXIT=FALSE, so that one is left out.
     */
    @Override
    String urlForNode(String url) {
      return url + ";AUTO_SERVER=TRUE";
    }

    @Override
    String user() {
      return "sa";
    }

    @Override
    String password() {
      return "";
    }
  }

  static final class Postgres extends Database {
    private final EmbeddedPostgres server;

    Postgres(Path dir) throws IOException {
      var builder = EmbeddedPostgres.builder();
      if (Boolean.getBoolean("bench.pg.explain")) {
        // diagnosis: the plans of slow statements into the bench's output
        builder.setServerConfig("shared_preload_libraries", "auto_explain")
            .setServerConfig("auto_explain.log_min_duration", System.getProperty("bench.pg.explain.ms", "50") + "ms")
            .setServerConfig("auto_explain.log_analyze", "on")
            .setServerConfig("logging_collector", "on")
            .setServerConfig("log_directory", System.getProperty("bench.pg.explain.dir", "/tmp"))
            .setServerConfig("log_filename", "bench-postgres.log");
      }
      this.server = builder
          .setDataDirectory(Files.createDirectories(dir))
          .setCleanDataDirectory(true)
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("max_connections", "300")
          .setServerConfig("shared_buffers", "256MB")
          .start();
    }

    @Override
    String name() {
      return "PostgreSQL 17 (fsync on)";
    }

    @Override
    boolean isPostgres() {
      return true;
    }

    @Override
    String create(String purpose) throws SQLException {
      String db = (purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).replace('-', '_');
      try (Connection c = connect(server.getJdbcUrl("postgres", "postgres")); Statement s = c.createStatement()) {
        s.execute("create database " + db);
      }
      return server.getJdbcUrl("postgres", db);
    }

    /** The settings as the server reports them, so the table shows durability was on. */
    String durability() throws SQLException {
      try (Connection c = connect(server.getJdbcUrl("postgres", "postgres")); Statement s = c.createStatement();
          var rs = s.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit'),"
              + " current_setting('server_version')")) {
        rs.next();
        return "fsync=" + rs.getString(1) + ", synchronous_commit=" + rs.getString(2) + ", version "
            + rs.getString(3);
      }
    }

    @Override
    String user() {
      return "postgres";
    }

    @Override
    String password() {
      return "postgres";
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
