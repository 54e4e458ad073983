package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.CareflowApplication;
import io.careflow.support.OwnCareflow;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator's set-up of docs/operations.md on the oldest PostgreSQL careflow supports: the
 * SQL block of the docs, run as the superuser, is all careflow needs — it then starts as the
 * database's own user (no superuser, no grant on {@code public}), Flyway and the engine create
 * their tables. PostgreSQL 17 runs every other PostgreSQL test; 15 is this one's, its binaries
 * copied from Maven Central by the build (pom.xml, oldest-postgres).
 */
@Tag(OwnCareflow.TAG)
class PostgresSetupTest {

  static final Path OLDEST = Path.of("target", "postgres", "oldest-postgres.jar");

  /** The database password the tests choose in place of the docs' example, which careflow refuses. */
  static final String DB_PASSWORD = "Test-database-password-5";

  /** The set-up SQL of the docs, with the password an operator chooses instead of the example. */
  static List<String> setupSql() throws IOException {
    String doc = Files.readString(Path.of("docs", "operations.md"));
    String block = doc.substring(doc.indexOf("<!-- setup-sql:start -->"), doc.indexOf("<!-- setup-sql:end -->"));
    return Pattern.compile(";\\s*\\n").splitAsStream(block.replaceAll("(?s).*```sql\\n", "")
        .replaceAll("(?s)```.*", "")).map(String::trim).filter(s -> !s.isEmpty())
        .map(statement -> statement.replace("Choose-a-DB-password-1", DB_PASSWORD)).toList();
  }

  /** PostgreSQL 15's binaries, as the build copied them from Maven Central. */
  static byte[] oldestBinaries() throws IOException {
    try (ZipFile jar = new ZipFile(OLDEST.toFile());
        InputStream txz = jar.getInputStream(jar.getEntry("postgres-linux-x86_64.txz"))) {
      return txz.readAllBytes();
    }
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @ValueSource(ints = {15, 17})
  void shouldStartOnPostgresSetUpAsTheDocsSay(int version) throws Exception {
    var builder = EmbeddedPostgres.builder();
    if (version == 15) {
      Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
          && System.getProperty("os.arch").contains("64"), "the copied PostgreSQL 15 binaries are for Linux x86-64");
      assertThat(OLDEST).as("PostgreSQL 15 copied by the build (mvn process-test-resources)").exists();
      byte[] binaries = oldestBinaries();
      builder.setPgBinaryResolver((system, hardware) -> new ByteArrayInputStream(binaries));
    }
    try (EmbeddedPostgres postgres = builder.start()) {
      try (Connection superuser = postgres.getPostgresDatabase().getConnection();
          Statement sql = superuser.createStatement()) {
        for (String statement : setupSql()) {
          sql.execute(statement);
        }
      }
      String url = postgres.getJdbcUrl("postgres", "careflow").replace("user=postgres", "user=careflow");
      try (var careflow = new SpringApplicationBuilder(CareflowApplication.class).run("--server.port=0",
          "--spring.profiles.active=postgres", "--camunda.bpm.job-execution.enabled=false",
          "--CAREFLOW_DB_URL=" + url, "--CAREFLOW_DB_USER=careflow",
          "--CAREFLOW_DB_PASSWORD=" + DB_PASSWORD, "--CAREFLOW_ADMIN_USER=admin",
          "--CAREFLOW_ADMIN_PASSWORD=Correct-horse-battery-7", "--CAREFLOW_LINK_SECRET=" + "s".repeat(40))) {
        JdbcClient jdbc = careflow.getBean(JdbcClient.class);
        assertThat(jdbc.sql("show server_version_num").query(Integer.class).single() / 10000).isEqualTo(version);
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("careflow");
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class)
            .single()).isFalse();
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
            .isPositive();
        assertThat(jdbc.sql("select count(*) from act_id_user where id_ = 'admin'").query(Long.class).single())
            .isOne();
      }
    }
  }
}
