package io.careflow.form;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.ParseException;
import org.springframework.stereotype.Component;

/**
 * Every deployment's forms get their blocks' fields ({@link FormBlocks}) before the engine reads
 * them — a designer's deploy from Camunda Modeler or {@code /engine-rest} too, with careflow's own
 * blocks — inside the deployment's transaction: the stored form is the one Tasklist shows and the
 * server enforces. careflow's deployment at start and live reload fill them in already (so an
 * unchanged form compares equal); here that changes nothing. A form naming a block careflow does
 * not have refuses the deployment, naming the form and the block.
 */
@Component
public class FormBlocksPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<Deployer>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(FormBlocksPlugin::fill);
    configuration.setCustomPreDeployers(deployers);
  }

  static void fill(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (resource.getName() == null || !resource.getName().endsWith(".form") || resource.getBytes() == null) {
        continue;
      }
      try {
        byte[] filled = FormBlocks.expand(resource.getBytes(), FormBlocks::fromClasspath);
        if (filled != resource.getBytes()) {
          resource.setBytes(filled);
        }
      } catch (IllegalArgumentException e) {
        throw new ParseException("careflow refuses these models: " + resource.getName() + ": " + e.getMessage(),
            resource.getName(), List.of(), List.of());
      }
    }
  }
}
