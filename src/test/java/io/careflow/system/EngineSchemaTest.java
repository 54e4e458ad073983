package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.system.EngineScripts.Version;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The engine's tables made and upgraded with the engine's own scripts ({@link EngineSchema}), on
 * PostgreSQL and H2: an empty database gets the jar's schema; a database of the engine version
 * before (Camunda {@value #PREVIOUS}, created with that version's own scripts, copied from Maven
 * Central by the build: pom.xml, previous-engine) is upgraded to exactly the tables of a fresh
 * one; a second run changes nothing.
 */
class EngineSchemaTest {

  static final String PREVIOUS = "7.23.0";
  static final Path PREVIOUS_JAR = Path.of("target", "engine", "previous-engine.jar");

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  private static DataSource freshPostgres(String name) throws Exception {
    try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
      superuser.createStatement().execute("create database " + name);
    }
    return postgres.getDatabase("postgres", name);
  }

  private static DataSource freshH2(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  private static Version logged(DataSource database) {
    return new JdbcTemplate(database).queryForList("select VERSION_ from ACT_GE_SCHEMA_LOG", String.class).stream()
        .map(Version::of).max(Version::compareTo).orElseThrow();
  }

  private static List<String> recorded(DataSource database) {
    return new JdbcTemplate(database).queryForList("select \"description\" from \"" + EngineSchema.HISTORY_TABLE
        + "\" where \"success\" order by \"installed_rank\"", String.class);
  }

  /** Every column of the engine's tables, with its type and length, as PostgreSQL describes them. */
  private static List<String> columns(DataSource database) {
    return new JdbcTemplate(database).queryForList("select table_name || '.' || column_name || ' ' || data_type"
        + " || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable"
        + " from information_schema.columns where table_schema = 'public' and table_name like 'act_%'"
        + " order by 1", String.class);
  }

  private static List<String> indexes(DataSource database) {
    return new JdbcTemplate(database).queryForList("select indexdef from pg_indexes where schemaname = 'public'"
        + " and tablename like 'act_%' order by 1", String.class);
  }

  /** The previous engine version's tables, made with its own create scripts, as its engine would. */
  private static void createWithPreviousEngine(DataSource database, String vendor) throws Exception {
    assertThat(PREVIOUS_JAR).as("copied by the build (mvn process-test-resources)").exists();
    try (ZipFile jar = new ZipFile(PREVIOUS_JAR.toFile()); Connection connection = database.getConnection()) {
      for (String part : EngineScripts.CREATE_PARTS) {
        String path = EngineScripts.ROOT + "create/activiti." + vendor + ".create." + part + ".sql";
        try (InputStream in = jar.getInputStream(jar.getEntry(path))) {
          ScriptUtils.executeSqlScript(connection, new ByteArrayResource(in.readAllBytes(), path));
        }
      }
    }
  }

  @Test
  void shouldCreateTheEngineTablesOfAnEmptyPostgresDatabaseFromTheEngineScripts() throws Exception {
    DataSource database = freshPostgres("engine_fresh");
    // careflow's own migrations run first: the schema is not empty when the engine's tables come
    new JdbcTemplate(database).execute("create table careflow_table_before (id int)");
    EngineSchema schema = new EngineSchema(database);

    List<String> first = schema.migrate();

    Version jar = EngineScripts.of("postgres").version();
    assertThat(first).containsExactly("camunda engine " + jar + " create");
    assertThat(logged(database)).isEqualTo(jar);
    assertThat(recorded(database)).containsExactly("no engine tables yet", "camunda engine " + jar + " create");
    assertThat(columns(database)).hasSizeGreaterThan(400);
    assertThat(schema.migrate()).as("the second start").isEmpty();
  }

  @Test
  void shouldUpgradeTheTablesOfThePreviousEngineVersionToThoseOfAFreshDatabase() throws Exception {
    DataSource fresh = freshPostgres("engine_reference");
    new EngineSchema(fresh).migrate();
    DataSource previous = freshPostgres("engine_previous");
    createWithPreviousEngine(previous, "postgres");
    assertThat(logged(previous)).isEqualTo(Version.of(PREVIOUS));

    List<String> upgrade = new EngineSchema(previous).migrate();

    assertThat(upgrade).contains("camunda engine 7.23 to 7.24");
    assertThat(logged(previous)).isEqualTo(EngineScripts.of("postgres").version());
    assertThat(recorded(previous)).first().asString().contains(PREVIOUS + " found");
    assertThat(recorded(previous)).contains("camunda engine 7.23 to 7.24");
    assertThat(columns(previous)).as("the upgraded tables").isEqualTo(columns(fresh));
    assertThat(indexes(previous)).as("the upgraded indexes").isEqualTo(indexes(fresh));
    assertThat(new EngineSchema(previous).migrate()).as("the second start").isEmpty();
  }

  @Test
  void shouldTakeOverTheTablesTheEngineMadeItselfWithoutChangingThem() throws Exception {
    DataSource database = freshPostgres("engine_by_itself");
    String script = EngineScripts.of("postgres").create();
    try (Connection connection = database.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)));
    }
    List<String> before = columns(database);

    List<String> takeOver = new EngineSchema(database).migrate();

    assertThat(takeOver).isEmpty();
    assertThat(recorded(database)).containsExactly(
        "camunda engine " + EngineScripts.of("postgres").version() + " found, created by the engine");
    assertThat(columns(database)).isEqualTo(before);
  }

  @Test
  void shouldCreateAndUpgradeOnH2Too() throws Exception {
    DataSource fresh = freshH2("engine_fresh");
    assertThat(new EngineSchema(fresh).migrate()).hasSize(1);
    assertThat(logged(fresh)).isEqualTo(EngineScripts.of("h2").version());

    DataSource previous = freshH2("engine_previous");
    createWithPreviousEngine(previous, "h2");
    new EngineSchema(previous).migrate();
    assertThat(logged(previous)).isEqualTo(EngineScripts.of("h2").version());
    assertThat(recorded(previous)).contains("camunda engine 7.23 to 7.24");
  }

  @Test
  void shouldOrderTheUpgradeScriptsByTheVersionTheyReach() {
    EngineScripts scripts = EngineScripts.of("postgres");
    List<String> fromSevenTwenty = scripts.after(Version.of("7.20.0")).stream()
        .map(EngineScripts.Upgrade::fileName).toList();

    assertThat(fromSevenTwenty).containsExactly("postgres_engine_7.20_to_7.21.sql", "postgres_engine_7.21_to_7.22.sql",
        "postgres_engine_7.22_to_7.23.sql", "postgres_engine_7.23_to_7.24.sql");
    assertThat(scripts.after(scripts.version())).isEmpty();
    assertThat(scripts.after(Version.of("7.12.5")).stream().map(EngineScripts.Upgrade::fileName))
        .as("a move across minor lines takes the minor steps, not the older lines' patches")
        .doesNotContain("postgres_engine_7.12_patch_7.12.10_to_7.12.11.sql")
        .contains("postgres_engine_7.12_to_7.13.sql");
  }
}
