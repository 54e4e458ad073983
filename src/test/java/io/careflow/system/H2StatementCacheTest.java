package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.careflow.support.CareflowIntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** careflow's H2 connections keep more parsed statements than H2's 8; other databases and URLs that say are left alone. */
class H2StatementCacheTest extends CareflowIntegrationTest {

  @Autowired
  DataSource dataSource;

  @Test
  void shouldKeepMoreParsedStatementsOnCareflowsH2Connections() {
    String size = new JdbcTemplate(dataSource).queryForObject(
        "select SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS where SETTING_NAME = 'QUERY_CACHE_SIZE'", String.class);

    assertThat(size).isEqualTo("256");
  }

  @Test
  void shouldLeaveAUrlThatSetsItAndOtherDatabasesAlone() {
    var cache = new H2StatementCache(256);

    assertThat(settingOf(cache, "jdbc:h2:mem:a;query_cache_size=16")).isNull();
    assertThat(settingOf(cache, "jdbc:postgresql://localhost/careflow")).isNull();
    assertThat(settingOf(new H2StatementCache(0), "jdbc:h2:mem:a")).isNull();
    assertThat(settingOf(cache, "jdbc:h2:mem:a")).isEqualTo("256");
  }

  private static Object settingOf(H2StatementCache cache, String url) {
    try (var pool = new HikariDataSource()) {
      pool.setJdbcUrl(url);
      cache.postProcessAfterInitialization(pool, "dataSource");
      return pool.getDataSourceProperties().get(H2StatementCache.SETTING);
    }
  }
}
