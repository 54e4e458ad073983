package io.careflow.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes careflow adds to the engine's own tables, where careflow's way of using the engine
 * needs one that Camunda does not ship, and on PostgreSQL planner statistics on them (each
 * justified by a figure in BENCHMARKS.md).
 *
 * <p>They are not among careflow's migrations, which run before the engine's tables exist
 * ({@link FlywayBeforeEngineConfiguration}). So they are created right after the engine has
 * started on its schema ({@link EngineSchema}), before the job executor starts, with {@code create index if not exists} —
 * the same statement on H2 and PostgreSQL, a no-op from the second start on (the statistics:
 * {@code create statistics if not exists}, PostgreSQL 14 and later).
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  static final List<String> INDEXES = List.of(
      // the job executor acquires the due jobs, most overdue first (acquire-by-due-date):
      // without it every acquisition reads every timer of every open contact (three each)
      "create index if not exists CF_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)",
      // Tasklist lists an agent's tasks by due date, first page: with the index the database
      // reads tasks in due order and stops after a page instead of sorting all of them
      "create index if not exists CF_IDX_TASK_DUE_DATE on ACT_RU_TASK (DUE_DATE_)",
      // before an authorization check, careflow asks for each of the user's groups whether it has
      // any authorization (EngineSessionsPlugin): one index lookup, where the engine read the
      // whole table (one row per open task and candidate group)
      "create index if not exists CF_IDX_AUTH_GROUP_RESOURCE on ACT_RU_AUTHORIZATION (GROUP_ID_, RESOURCE_ID_)");

  /**
   * PostgreSQL (14 and later) only: statistics on the permission bits the engine's authorization
   * check tests ({@code PERMS_ & 2 = 2}: READ on a task; {@code PERMS_ & 64 = 64}: READ_TASK on a
   * process definition). Without them PostgreSQL guesses that 0.5% of the rows pass such a test,
   * believes the agent has about 50 matching authorizations where there is one per open task of
   * their teams, and reads all of them again for every task of the page (Tasklist's first page:
   * 47 ms at 20,000 open tasks, 4.5 ms at 1,000). With them it looks the page's tasks up in the
   * index on {@code RESOURCE_ID_} (BENCHMARKS.md, P4). Autovacuum's analyze keeps them current.
   */
  /**
   * The open tasks a deadline guards are found by the value of their task variable
   * {@code slaDeadlineId} ({@code sla.GuardedTasks}): an index on the variables' text. On PostgreSQL
   * a hash index — a B-tree entry may not exceed about 2,700 bytes and {@code TEXT_} holds up to
   * 4,000 characters (a customer's message); a hash index keeps 4 bytes per value and serves the
   * equality this lookup needs. Without it each deadline job read every open task's variables: the
   * 10,000 deadlines of P3 fell minutes behind (BENCHMARKS.md, P3).
   */
  static final String H2_VARIABLE_TEXT = "create index if not exists CF_IDX_VARIABLE_TEXT on ACT_RU_VARIABLE (TEXT_)";
  static final String POSTGRES_VARIABLE_TEXT =
      "create index if not exists CF_IDX_VARIABLE_TEXT on ACT_RU_VARIABLE using hash (TEXT_)";

  static final List<String> POSTGRES_STATISTICS = List.of(
      "create statistics if not exists CF_STAT_AUTH_READ on (PERMS_ & 2) from ACT_RU_AUTHORIZATION",
      "create statistics if not exists CF_STAT_AUTH_READ_TASK on (PERMS_ & 64) from ACT_RU_AUTHORIZATION");

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ensure(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource());
  }

  /** Creates the indexes that are missing; idempotent. */
  public static void ensure(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      for (String index : INDEXES) {
        statement.execute(index);
      }
      var database = connection.getMetaData();
      boolean postgres = database.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      statement.execute(postgres ? POSTGRES_VARIABLE_TEXT : H2_VARIABLE_TEXT);
      if (postgres) {
        statistics(database, statement);
      }
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create careflow's indexes on the engine's tables", e);
    }
    LOG.debug("engine indexes in place: {}", INDEXES.size());
  }

  /**
   * PostgreSQL's planner statistics, where its version has them. Without them careflow works as before,
   * only Tasklist's first page slows down as the backlog grows: a warning, not a failed start.
   */
  private static void statistics(java.sql.DatabaseMetaData database, Statement statement) throws SQLException {
    if (database.getDatabaseMajorVersion() < 14) {
      LOG.warn("PostgreSQL {} has no statistics on expressions (14 and later do): Tasklist's first page will slow "
          + "down as open tasks grow (BENCHMARKS.md, P4)", database.getDatabaseProductVersion());
      return;
    }
    for (String statistics : POSTGRES_STATISTICS) {
      try {
        statement.execute(statistics);
      } catch (SQLException e) {
        LOG.warn("Could not create planner statistics ({}): Tasklist's first page will slow down as open tasks grow "
            + "(BENCHMARKS.md, P4)", statistics, e);
      }
    }
  }
}
