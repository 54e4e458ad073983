package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.PostgresCareflow;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** careflow's engine indexes on PostgreSQL 17, and the planner statistics only PostgreSQL has. */
@PostgresCareflow
class EngineIndexesPostgresTest extends EngineIndexesScenarios {

  @Test
  void shouldKeepStatisticsOnThePermissionBitsTasklistChecks() {
    var jdbc = new JdbcTemplate(dataSource);

    assertThat(jdbc.queryForList("select s.stxname || ': ' || pg_get_statisticsobjdef_expressions(s.oid)::text"
        + " from pg_statistic_ext s join pg_class t on t.oid = s.stxrelid where t.relname = 'act_ru_authorization'"
        + " order by 1", String.class))
        .containsExactly("cf_stat_auth_read: {\"(perms_ & 2)\"}", "cf_stat_auth_read_task: {\"(perms_ & 64)\"}");
  }
}
