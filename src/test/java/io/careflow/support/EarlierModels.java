package io.careflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.deployment.ModelCheckPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Cases that run on a model an earlier careflow deployed ({@code src/test/resources/earlier-models/}),
 * as after an upgrade: the earlier version deployed first, the current one of {@code processes/}
 * after it, and a case started on the earlier one at a task.
 */
public final class EarlierModels {

  private EarlierModels() {}

  /** A case of {@code contact} on the earlier {@code model}, waiting at {@code taskId}; the current model is the newest. */
  public static ProcessInstance startAt(ProcessEngine engine, String model, Contact contact, String taskId,
      Map<String, Object> variables) throws IOException {
    var repository = engine.getRepositoryService();
    String deployment = deployedByAnEarlierCareflow(engine, model);
    repository.createDeployment().name("upgrade").addString(model + ".bpmn",
        Files.readString(Path.of("processes", model + ".bpmn"))).deploy();
    ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(definition.getKey()).latestVersion()
        .singleResult().getVersion()).as("the current model is the newest").isGreaterThan(definition.getVersion());
    Map<String, Object> all = new HashMap<>(variables);
    all.put(CaseVariables.CONTACT_ID, contact.id());
    all.put("customerId", contact.customerId());
    // the variables first: set before the instruction, they are the instance's, and the timers read them
    return engine.getRuntimeService().createProcessInstanceById(definition.getId())
        .businessKey(contact.id()).setVariables(all).startBeforeActivity(taskId).execute();
  }

  /**
   * The model as the earlier careflow deployed it: before careflow's model checks (which refuse
   * what these models name in their own words, e.g. the input {@code slaStep}, in a new
   * deployment; deployments read back are not checked again).
   */
  static String deployedByAnEarlierCareflow(ProcessEngine engine, String model) throws IOException {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<Deployer> all = configuration.getDeployers();
    configuration.getDeploymentCache().setDeployers(all.stream()
        .filter(deployer -> !deployer.getClass().getName().startsWith(ModelCheckPlugin.class.getName())).toList());
    try (InputStream earlier = EarlierModels.class.getResourceAsStream("/earlier-models/" + model + ".bpmn")) {
      return engine.getRepositoryService().createDeployment().name("earlier careflow")
          .addInputStream(model + ".bpmn", earlier).deploy().getId();
    } finally {
      configuration.getDeploymentCache().setDeployers(all);
    }
  }
}
