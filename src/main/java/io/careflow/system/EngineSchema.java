package io.careflow.system;

import io.careflow.system.EngineScripts.Upgrade;
import io.careflow.system.EngineScripts.Version;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * The engine's tables are created and upgraded explicitly, with the SQL scripts of the engine's
 * own jar ({@link EngineScripts}), applied by Flyway under its own history table
 * {@value #HISTORY_TABLE} — never by the engine's {@code schema-update}, which only creates
 * missing tables and would start a newer engine on an old schema. careflow runs with
 * {@code camunda.bpm.database.schema-update: false}.
 *
 * <ul>
 *   <li>An empty database gets the create scripts of the jar's version, recorded as that version.
 *   <li>A database whose engine tables exist but have no history here — made by careflow releases
 *       that let the engine create its tables — is taken over as it is: its version is read from
 *       the engine's own log ({@code ACT_GE_SCHEMA_LOG}) and recorded as the baseline.
 *   <li>Then every upgrade script above the schema's version runs, oldest first, each recorded;
 *       the scripts themselves add their version to the engine's log.
 * </ul>
 *
 * <p>It runs after careflow's own migrations and before the engine starts, inside the cluster's
 * start-up lock ({@link ClusterStartupLock}), so two nodes never upgrade at once. A database newer
 * than the jar (a roll-back of the binaries after an upgrade) is left alone: Camunda's schema of a
 * minor version serves the engine of the version before it.
 */
public class EngineSchema implements InitializingBean {

  /** Flyway's record of what was applied to the engine's tables. */
  public static final String HISTORY_TABLE = "careflow_engine_schema_history";

  private static final Logger LOG = LoggerFactory.getLogger(EngineSchema.class);

  private final DataSource dataSource;

  public EngineSchema(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() {
    migrate();
  }

  /**
   * Brings the engine's tables to the jar's version; returns the descriptions of the scripts it
   * applied. Flyway runs only when there is something to record: a start on an up-to-date schema
   * reads the engine's log and stops.
   */
  public List<String> migrate() {
    Found state = inspect();
    String database = state.database();
    EngineScripts scripts = EngineScripts.of(database);
    Optional<Version> found = state.version();
    boolean recorded = state.recorded();
    Map<String, String> migrations = new LinkedHashMap<>();
    if (found.isEmpty()) {
      migrations.put(fileName(scripts.version(), 0, "camunda engine " + scripts.version() + " create"),
          scripts.create());
    }
    for (Upgrade upgrade : scripts.after(found.orElse(scripts.version()))) {
      migrations.put(fileName(upgrade.target(), upgrade.part(), upgrade.description()), upgrade.sql());
    }
    if (recorded && migrations.isEmpty()) {
      LOG.info("Engine schema {} (careflow's engine {}): nothing to apply", found.orElseThrow(), scripts.version());
      return List.of();
    }
    Flyway flyway = Flyway.configure(EngineSchema.class.getClassLoader())
        .dataSource(dataSource)
        .table(HISTORY_TABLE)
        .resourceProvider(new Scripts(migrations))
        .javaMigrationClassProvider(List::of)
        .placeholderReplacement(false)
        .baselineOnMigrate(true)
        .baselineVersion(found.map(Version::toString).orElse("0"))
        .baselineDescription(found.map(version -> "camunda engine " + version + " found, created by the engine")
            .orElse("no engine tables yet"))
        // the scripts below the schema's version are not offered again, so Flyway misses them
        .ignoreMigrationPatterns("*:missing", "*:future")
        .cleanDisabled(true)
        .load();
    if (migrations.isEmpty()) {
      // tables of an earlier careflow release, up to date: only recorded
      flyway.baseline();
      LOG.info("Engine schema {}: the engine's tables, made by the engine itself, are now managed by careflow",
          found.orElseThrow());
      return List.of();
    }
    MigrateResult result = flyway.migrate();
    Version now = foundVersion().orElseThrow(() -> new IllegalStateException(
        "The engine's tables are still missing after careflow applied the engine's create scripts"));
    List<String> applied = result.migrations.stream().map(migration -> migration.description).toList();
    LOG.info("Engine schema {} → {}: applied {}", found.map(Version::toString).orElse("none"), now, applied);
    if (now.compareTo(scripts.version()) < 0) {
      throw new StartRefused("The engine's tables are at " + now + " after the upgrade scripts, but this careflow"
          + " needs " + scripts.version() + ": restore the backup taken before the upgrade and report it");
    }
    return applied;
  }

  /** What the database holds: Camunda's name for it, the engine schema's version, whether careflow records it. */
  private record Found(String database, Optional<Version> version, boolean recorded) {}

  /** One look at the database before anything is applied. */
  private Found inspect() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      String database = switch (product) {
        case "PostgreSQL" -> "postgres";
        case "H2" -> "h2";
        default -> throw new StartRefused("careflow runs on PostgreSQL (or H2 for a demo), not on " + product);
      };
      return new Found(database, foundVersion(connection), tableExists(connection, HISTORY_TABLE));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not reach the database to check the engine's tables", e);
    }
  }

  /** The engine schema's version from the engine's own log, or empty when it has no tables yet. */
  Optional<Version> foundVersion() {
    try (Connection connection = dataSource.getConnection()) {
      return foundVersion(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the engine's schema version", e);
    }
  }

  private static Optional<Version> foundVersion(Connection connection) throws SQLException {
    if (!tableExists(connection, "ACT_GE_PROPERTY")) {
      return Optional.empty();
    }
    if (!tableExists(connection, "ACT_GE_SCHEMA_LOG")) {
      throw new StartRefused("The engine's tables predate Camunda 7.11 (no ACT_GE_SCHEMA_LOG): upgrade them"
          + " to 7.11 with Camunda's scripts first");
    }
    List<Version> versions = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
      while (rows.next()) {
        Version.parse(rows.getString(1)).ifPresent(versions::add);
      }
    }
    return versions.stream().max(Version::compareTo).or(() -> {
      throw new StartRefused("The engine's log ACT_GE_SCHEMA_LOG names no version: careflow cannot tell which"
          + " upgrade scripts the engine's tables need");
    });
  }


  private static boolean tableExists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : List.of(table, table.toLowerCase())) {
      try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String fileName(Version version, int part, String description) {
    return "V" + version + "." + part + "__" + description.replace(' ', '_') + ".sql";
  }

  /** The scripts, offered to Flyway as if they were files named the Flyway way. */
  private record Scripts(Map<String, String> byFileName) implements ResourceProvider {

    @Override
    public LoadableResource getResource(String name) {
      String sql = byFileName.get(name);
      return sql == null ? null : new Script(name, sql);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
      return byFileName.entrySet().stream()
          .filter(entry -> entry.getKey().startsWith(prefix)
              && Arrays.stream(suffixes).anyMatch(entry.getKey()::endsWith))
          .<LoadableResource>map(entry -> new Script(entry.getKey(), entry.getValue()))
          .toList();
    }
  }

  private static final class Script extends LoadableResource {
    private final String fileName;
    private final String sql;

    Script(String fileName, String sql) {
      this.fileName = fileName;
      this.sql = sql;
    }

    @Override
    public Reader read() {
      return new StringReader(sql);
    }

    @Override
    public String getAbsolutePath() {
      return EngineScripts.ROOT + fileName;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return fileName;
    }

    @Override
    public String getRelativePath() {
      return fileName;
    }
  }
}
