package io.careflow.system;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * careflow's tables and the engine's share one schema. If the engine created its tables
 * first, Flyway would refuse the non-empty schema (PITFALLS 4), so the engine waits for
 * the migrations.
 */
@Configuration(proxyBeanMethods = false)
class FlywayBeforeEngineConfiguration {

  @Bean
  static EngineDependsOnFlyway engineDependsOnFlyway() {
    return new EngineDependsOnFlyway();
  }

  static final class EngineDependsOnFlyway extends AbstractDependsOnBeanFactoryPostProcessor {
    EngineDependsOnFlyway() {
      super(ProcessEngineFactoryBean.class, "flywayInitializer");
    }
  }
}
