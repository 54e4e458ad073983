package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careflow.CareflowApplication;
import io.careflow.contact.ContactIntakeService;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.support.OwnCareflow;
import io.careflow.support.TestMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The backup of docs/operations.md, done as the operator does it: {@code pg_dump} of a running
 * careflow's database (careflow's tables and the engine's in one dump), {@code pg_restore} into
 * a fresh database, careflow started on it: the open case is there, waiting where it waited, and
 * nothing the first careflow had sent is sent again. Needs PostgreSQL's client tools
 * ({@code apt-get install -y postgresql-client}); CI installs them and requires this test.
 */
@Tag(OwnCareflow.TAG)
class BackupRestoreTest {

  private static final String INSTALL = "apt-get install -y postgresql-client";

  @TempDir
  Path work;

  static EmbeddedPostgres postgres() throws Exception {
    byte[] binaries = PostgresSetupTest.oldestBinaries();
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setPgBinaryResolver((system, hardware) -> new ByteArrayInputStream(binaries)).start();
    try (Connection superuser = postgres.getPostgresDatabase().getConnection();
        Statement sql = superuser.createStatement()) {
      for (String statement : PostgresSetupTest.setupSql()) {
        sql.execute(statement);
      }
    }
    return postgres;
  }

  static ConfigurableApplicationContext careflow(EmbeddedPostgres postgres) {
    return new SpringApplicationBuilder(CareflowApplication.class).run("--server.port=0",
        "--spring.profiles.active=postgres", "--spring.mail.port=" + TestMail.port(),
        "--CAREFLOW_DB_URL=" + postgres.getJdbcUrl("careflow", "careflow").replace("user=postgres",
            "user=careflow"),
        "--CAREFLOW_DB_USER=careflow", "--CAREFLOW_DB_PASSWORD=" + PostgresSetupTest.DB_PASSWORD,
        "--CAREFLOW_ADMIN_USER=admin", "--CAREFLOW_ADMIN_PASSWORD=Correct-horse-battery-7",
        "--CAREFLOW_LINK_SECRET=" + "s".repeat(40));
  }

  private static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes());
    int exit = process.waitFor();
    assertThat(exit).as(String.join(" ", command) + "\n" + output).isZero();
  }

  private static List<String> client(String tool, EmbeddedPostgres postgres, String... args) {
    List<String> command = new ArrayList<>(List.of(tool, "--host=localhost", "--port=" + postgres.getPort(),
        "--username=careflow", "--no-password", "--dbname=careflow"));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void shouldResumeTheOpenCasesOfARestoredDumpWithoutSendingAnythingTwice() throws Exception {
    boolean installed = new File("/usr/bin/pg_dump").canExecute() && new File("/usr/bin/pg_restore").canExecute();
    if (!installed) {
      String message = "The backup test needs PostgreSQL's client tools: " + INSTALL;
      if ("true".equalsIgnoreCase(System.getenv("CAREFLOW_REQUIRE_PG_CLIENT"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    Path pgpass = work.resolve("pgpass");
    Files.writeString(pgpass, "*:*:*:careflow:" + PostgresSetupTest.DB_PASSWORD + "\n");
    Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    String customer = "backup-" + UUID.randomUUID() + "@example.com";
    Path dump = work.resolve("careflow.dump");
    String contactId;

    try (EmbeddedPostgres before = postgres()) {
      try (var first = careflow(before)) {
        contactId = first.getBean(ContactIntakeService.class).receive(new NewContact("EMAIL",
            "<" + UUID.randomUUID() + "@mail.example>", null, new CustomerDetails(customer, null, "Jan", "en"),
            "Broken lid", "The lid of my kettle broke.", "COMPLAINT", null, null), "intake").contact().id();
        ProcessEngine engine = first.getBean(ProcessEngine.class);
        await("the acknowledgement sent and the investigation waiting").atMost(Duration.ofSeconds(60)).until(() ->
            TestMail.SMTP.getReceivedMessagesForDomain(customer).length == 1
                && engine.getTaskService().createTaskQuery().processInstanceBusinessKey(contactId).count() == 1);
        // the backup, careflow running (pg_dump takes one consistent snapshot)
        run(withPassword(client("pg_dump", before, "--format=custom", "--file=" + dump), pgpass));
      }
    }

    try (EmbeddedPostgres restored = postgres()) {
      run(withPassword(client("pg_restore", restored, "--no-owner", "--exit-on-error", dump.toString()), pgpass));
      try (var second = careflow(restored)) {
        ProcessEngine engine = second.getBean(ProcessEngine.class);
        // the job executor's first rounds on the restored jobs: the customer's mailbox keeps its one e-mail throughout
        await("nothing sent again").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
            .until(() -> TestMail.SMTP.getReceivedMessagesForDomain(customer).length == 1);
        Task waiting = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(contactId).singleResult();
        assertThat(waiting).as("the open case, restored").isNotNull();
        assertThat(engine.getManagementService().createJobQuery().executable().count()).isZero();
        assertThat(TestMail.SMTP.getReceivedMessagesForDomain(customer)).as("nothing sent twice").hasSize(1);
      }
    }
  }

  private static List<String> withPassword(List<String> command, Path pgpass) {
    List<String> all = new ArrayList<>(List.of("env", "PGPASSFILE=" + pgpass));
    all.addAll(command);
    return all;
  }
}
