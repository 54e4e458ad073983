package io.careflow.deployment;

import io.careflow.model.DeployedModels;
import java.util.ArrayList;
import java.util.HashSet;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs {@link ModelChecks} on every new deployment — careflow's own models at start and a
 * designer's deploy from Camunda Modeler or {@code /engine-rest} — inside the deployment's
 * transaction, so a refused deployment leaves nothing behind. ({@link io.careflow.deployment.DeployedModelCheck}
 * checks what is deployed once the models of the start are in.)
 */
@Component
public class ModelCheckPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ModelChecks> checks;

  public ModelCheckPlugin(ObjectProvider<ModelChecks> checks) {
    this.checks = checks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var deployers = configuration.getCustomPostDeployers() == null ? new ArrayList<Deployer>()
        : new ArrayList<>(configuration.getCustomPostDeployers());
    deployers.add(this::check);
    configuration.setCustomPostDeployers(deployers);
  }

  private void check(DeploymentEntity deployment) {
    DeployedModels.deploymentTaken();
    if (!deployment.isNew()) {
      return; // a deployment read back into the cache was checked when it came
    }
    CommandContext context = Context.getCommandContext();
    context.runWithoutAuthorization(() -> {
      ModelSet set = ModelSet.deployed(Context.getProcessEngineConfiguration().getRepositoryService())
          .with(deployment.getResources());
      var incoming = new HashSet<>(ModelChecks.formIds(set));
      ModelChecks.refuse(checks.getObject().problems(set, false,
          formId -> incoming.contains(formId) || formDeployed(context, formId)));
      return null;
    });
  }

  static boolean formDeployed(CommandContext context, String formId) {
    return context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null;
  }
}
