package io.careflow.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On H2, each connection keeps the parsed form of its last 8 statements only (H2's
 * {@code QUERY_CACHE_SIZE}); a contact runs far more different statements than that, so H2 parsed
 * nearly every statement again — 12% of a contact's CPU in the flight recording of issue 18.
 * careflow asks H2 for a larger cache on every H2 pool, whatever its URL, unless the URL sets one
 * ({@code careflow.h2.query-cache-size}, 0: H2's default). PostgreSQL's driver keeps its own
 * prepared statements; nothing changes there.
 */
@Component
public class H2StatementCache implements BeanPostProcessor {

  static final String SETTING = "QUERY_CACHE_SIZE";

  private final int size;

  H2StatementCache(@Value("${careflow.h2.query-cache-size:256}") int size) {
    this.size = size;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && size > 0 && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:h2:") && !pool.getJdbcUrl().toUpperCase(java.util.Locale.ROOT).contains(SETTING)) {
      pool.addDataSourceProperty(SETTING, Integer.toString(size));
    }
    return bean;
  }
}
