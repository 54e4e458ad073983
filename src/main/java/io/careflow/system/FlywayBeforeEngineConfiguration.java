package io.careflow.system;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order of a start: the start-up lock ({@link ClusterStartupLock}: one node of a cluster at a
 * time), then Flyway, then the engine. careflow's tables and the engine's share one schema. If the
 * engine created its tables first, Flyway would refuse the non-empty schema (PITFALLS 4), so the
 * engine waits for the migrations.
 */
@Configuration(proxyBeanMethods = false)
class FlywayBeforeEngineConfiguration {

  @Bean
  static EngineDependsOnFlyway engineDependsOnFlyway() {
    return new EngineDependsOnFlyway();
  }

  @Bean
  static FlywayDependsOnStartupLock flywayDependsOnStartupLock() {
    return new FlywayDependsOnStartupLock();
  }

  @Bean
  ClusterStartupLock clusterStartupLock(DataSource dataSource) throws SQLException {
    return new ClusterStartupLock(dataSource);
  }

  static final class EngineDependsOnFlyway extends AbstractDependsOnBeanFactoryPostProcessor {
    EngineDependsOnFlyway() {
      super(ProcessEngineFactoryBean.class, "flywayInitializer");
    }
  }

  static final class FlywayDependsOnStartupLock extends AbstractDependsOnBeanFactoryPostProcessor {
    FlywayDependsOnStartupLock() {
      super(FlywayMigrationInitializer.class, "clusterStartupLock");
    }
  }
}
