package io.careflow.model;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At start, after careflow deployed what changed in {@code processes/} and {@code forms/}: the
 * whole deployed set must pass {@link ModelChecks} — a message template or a form can go
 * missing while the models stay the same. careflow does not start on models that do not fit.
 */
@Component
class DeployedModelCheck implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(DeployedModelCheck.class);

  private final ProcessEngine engine;
  private final ModelChecks checks;

  DeployedModelCheck(ProcessEngine engine, ModelChecks checks) {
    this.engine = engine;
    this.checks = checks;
  }

  @Override
  public void afterSingletonsInstantiated() {
    long started = System.nanoTime();
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    int models = configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      ModelSet set = ModelSet.deployed(engine.getRepositoryService());
      ModelChecks.refuse(checks.problems(set, true, formId -> ModelCheckPlugin.formDeployed(context, formId)));
      return set.processes.size() + set.decisions.size();
    }));
    LOG.info("Deployed models checked: {} processes and decisions fit together ({} ms)", models,
        (System.nanoTime() - started) / 1_000_000);
  }
}
