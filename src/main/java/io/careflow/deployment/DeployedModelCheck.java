package io.careflow.deployment;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At start, after careflow deployed what changed in {@code processes/} and {@code forms/}: the
 * whole deployed set must pass {@link ModelChecks} — a message template or a form can go
 * missing while the models stay the same — and every earlier version that running cases still
 * use may name only beans careflow has (an upgrade that drops one would leave those cases stuck
 * at the step that calls it). careflow does not start on models that do not fit.
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
    int[] counted = configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      ModelSet set = ModelSet.deployed(engine.getRepositoryService());
      var problems = checks.problems(set, true, formId -> ModelCheckPlugin.formDeployed(context, formId));
      int earlier = 0;
      for (ProcessDefinition version : earlierVersionsInUse()) {
        problems.addAll(checks.runningVersionProblems(version.getResourceName() + " version " + version.getVersion()
            + " (running cases use it)", engine.getRepositoryService().getBpmnModelInstance(version.getId())));
        earlier++;
      }
      ModelChecks.refuse(problems);
      return new int[] {set.processes.size() + set.decisions.size(), earlier};
    }));
    LOG.info("Deployed models checked: {} processes and decisions fit together; {} earlier versions that running"
        + " cases still use name only beans careflow has ({} ms)", counted[0], counted[1],
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * The process versions, other than the newest, that running cases still use: they stay on the
   * version they started with, so an upgrade of careflow must keep what those versions call.
   */
  private List<ProcessDefinition> earlierVersionsInUse() {
    var repository = engine.getRepositoryService();
    var runtime = engine.getRuntimeService();
    Set<String> newest = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getId).collect(Collectors.toSet());
    return repository.createProcessDefinitionQuery().list().stream()
        .filter(definition -> !newest.contains(definition.getId()))
        .filter(definition -> runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count() > 0)
        .toList();
  }
}
