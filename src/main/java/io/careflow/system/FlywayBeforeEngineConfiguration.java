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
 * time), then Flyway for careflow's tables, then the engine's tables ({@link EngineSchema}: the
 * engine's own create and upgrade scripts), then the engine. careflow's tables and the engine's
 * share one schema; careflow's Flyway comes first because it refuses a non-empty schema that has
 * no history of its own.
 */
@Configuration(proxyBeanMethods = false)
class FlywayBeforeEngineConfiguration {

  @Bean
  static EngineDependsOnFlyway engineDependsOnFlyway() {
    return new EngineDependsOnFlyway();
  }

  @Bean
  static EngineDependsOnEngineSchema engineDependsOnEngineSchema() {
    return new EngineDependsOnEngineSchema();
  }

  @Bean
  static EngineSchemaDependsOnFlyway engineSchemaDependsOnFlyway() {
    return new EngineSchemaDependsOnFlyway();
  }

  @Bean
  EngineSchema engineSchema(DataSource dataSource) {
    return new EngineSchema(dataSource);
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

  static final class EngineDependsOnEngineSchema extends AbstractDependsOnBeanFactoryPostProcessor {
    EngineDependsOnEngineSchema() {
      super(ProcessEngineFactoryBean.class, "engineSchema");
    }
  }

  static final class EngineSchemaDependsOnFlyway extends AbstractDependsOnBeanFactoryPostProcessor {
    EngineSchemaDependsOnFlyway() {
      super(EngineSchema.class, "flywayInitializer");
    }
  }

  static final class FlywayDependsOnStartupLock extends AbstractDependsOnBeanFactoryPostProcessor {
    FlywayDependsOnStartupLock() {
      super(FlywayMigrationInitializer.class, "clusterStartupLock");
    }
  }
}
