package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.contact.ContactIntakeService;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.support.OwnCareflow;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The upgrade of docs/operations.md from the careflow release before this one, whose engine made
 * its own tables ({@code schema-update: true}) and whose newest migration of careflow's tables was
 * V{@value #PREVIOUS_RELEASE_MIGRATION}: the new careflow starts on that database as it is, takes
 * the engine's tables over into {@link EngineSchema}'s history without touching them, and the case
 * the old release left open carries on, next to new contacts.
 */
@Tag(OwnCareflow.TAG)
class EngineSchemaTakeOverTest {

  /** careflow's newest migration in the release before engine schema management. */
  static final String PREVIOUS_RELEASE_MIGRATION = "16";

  /** The database as the release before left it: its migrations, the engine's own tables, an open case. */
  private static String previousRelease(DataSource database) {
    Flyway.configure().dataSource(database).locations("classpath:db/migration").target(PREVIOUS_RELEASE_MIGRATION)
        .load().migrate();
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setDataSource(database);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("previous-release");
    ProcessEngine previous = configuration.buildProcessEngine();
    try {
      previous.getRepositoryService().createDeployment().addModelInstance("left-open.bpmn",
          Bpmn.createExecutableProcess("leftOpenByThePreviousRelease").startEvent().userTask("waiting").endEvent()
              .done()).deploy();
      return previous.getRuntimeService().startProcessInstanceByKey("leftOpenByThePreviousRelease").getId();
    } finally {
      previous.close();
    }
  }

  @Test
  void shouldTakeOverTheDatabaseOfThePreviousReleaseAndCarryOnItsOpenCase() throws Exception {
    try (EmbeddedPostgres postgres = BackupRestoreTest.postgres()) {
      DataSource database = postgres.getDatabase("careflow", "careflow");
      String leftOpen = previousRelease(database);
      JdbcTemplate sql = new JdbcTemplate(database);
      int engineTables = sql.queryForObject(
          "select count(*) from information_schema.tables where table_name like 'act_%'", Integer.class);

      try (var careflow = BackupRestoreTest.careflow(postgres)) {
        ProcessEngine engine = careflow.getBean(ProcessEngine.class);
        assertThat(sql.queryForList("select \"description\" from " + EngineSchema.HISTORY_TABLE
            + " order by \"installed_rank\"", String.class))
            .as("the engine's tables taken over as they were").containsExactly(
                "camunda engine " + EngineScripts.of("postgres").version() + " found, created by the engine");
        assertThat(sql.queryForObject("select count(*) from information_schema.tables where table_name like 'act_%'",
            Integer.class)).isEqualTo(engineTables);
        assertThat(sql.queryForObject("select max(\"version\") from flyway_schema_history", String.class))
            .as("careflow's own migrations since that release applied").isNotEqualTo(PREVIOUS_RELEASE_MIGRATION);

        Task waiting = engine.getTaskService().createTaskQuery().processInstanceId(leftOpen).singleResult();
        assertThat(waiting).as("the case the previous release left open").isNotNull();
        engine.getTaskService().complete(waiting.getId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(leftOpen).count())
            .isZero();

        String contact = careflow.getBean(ContactIntakeService.class).receive(new NewContact("EMAIL",
            "<" + UUID.randomUUID() + "@mail.example>", null,
            new CustomerDetails("upgrade-" + UUID.randomUUID() + "@example.com", null, "Jan", "en"),
            "Where is my parcel?", "It has not come yet.", null, null, null), "intake").contact().id();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(contact).count())
            .as("a new contact after the upgrade").isPositive();
      }
    }
  }
}
