package io.careflow.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes careflow adds to the engine's own tables, where careflow's way of using the engine
 * needs one that Camunda does not ship (each justified by a figure in BENCHMARKS.md).
 *
 * <p>They are not among careflow's migrations, which run before the engine's tables exist
 * ({@link FlywayBeforeEngineConfiguration}). So they are created right after the engine has
 * started on its schema ({@link EngineSchema}), before the job executor starts, with {@code create index if not exists} —
 * the same statement on H2 and PostgreSQL, a no-op from the second start on.
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
      "create index if not exists CF_IDX_TASK_DUE_DATE on ACT_RU_TASK (DUE_DATE_)");

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
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create careflow's indexes on the engine's tables", e);
    }
    LOG.debug("engine indexes in place: {}", INDEXES.size());
  }
}
