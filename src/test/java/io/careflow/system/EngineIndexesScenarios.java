package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.careflow.support.CareflowIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * careflow's indexes on the engine's tables (BENCHMARKS.md, P3 and P4) exist once careflow
 * has started on a new database, although Flyway ran before the engine made its tables, and
 * making them again is harmless. Runs on H2 ({@link EngineIndexesTest}) and PostgreSQL
 * ({@link EngineIndexesPostgresTest}).
 */
abstract class EngineIndexesScenarios extends CareflowIntegrationTest {

  @Autowired
  DataSource dataSource;

  @Test
  void shouldIndexTheTaskDueDateTheJobDueDateTheGroupsOfAuthorizationsAndTheVariablesText() throws Exception {
    assertThat(indexedColumns("ACT_RU_TASK", "CF_IDX_TASK_DUE_DATE")).containsExactly("DUE_DATE_");
    assertThat(indexedColumns("ACT_RU_JOB", "CF_IDX_JOB_DUEDATE")).containsExactly("DUEDATE_");
    assertThat(indexedColumns("ACT_RU_AUTHORIZATION", "CF_IDX_AUTH_GROUP_RESOURCE"))
        .containsExactly("GROUP_ID_", "RESOURCE_ID_");
    assertThat(indexedColumns("ACT_RU_VARIABLE", "CF_IDX_VARIABLE_TEXT")).containsExactly("TEXT_");
  }

  @Test
  void shouldCreateTheIndexesOnlyOnce() throws Exception {
    assertThatCode(() -> EngineIndexes.ensure(dataSource)).doesNotThrowAnyException();

    assertThat(indexedColumns("ACT_RU_TASK", "CF_IDX_TASK_DUE_DATE")).containsExactly("DUE_DATE_");
  }

  /** The columns of one index, upper case (H2 reports names upper case, PostgreSQL lower case). */
  private List<String> indexedColumns(String table, String index) throws Exception {
    var columns = new ArrayList<String>();
    try (Connection c = dataSource.getConnection()) {
      for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, name, false, false)) {
          while (rs.next()) {
            if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
              columns.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return columns;
  }
}
