package io.careflow.deployment;

import io.careflow.model.DecisionRows;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * The designer's files as they will be once a deployment lands: the latest deployed version of
 * every process, decision and form, with the files of the new deployment in their place. The
 * checks of {@link io.careflow.deployment.ModelChecks} read the whole set, because a row of one file names another
 * file (a protocol, a form, a template).
 */
final class ModelSet {

  /** A model and the file it came from (for messages a designer can follow). */
  record Entry<T>(String resource, T model, boolean incoming) {}

  final Map<String, Entry<BpmnModelInstance>> processes = new LinkedHashMap<>();
  final Map<String, Entry<DmnModelInstance>> decisions = new LinkedHashMap<>();
  /** The forms of the new deployment: file → JSON text. */
  final Map<String, String> incomingForms = new LinkedHashMap<>();

  /** What is deployed now (latest versions). */
  static ModelSet deployed(RepositoryService repository) {
    var set = new ModelSet();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      set.processes.put(definition.getKey(), new Entry<>(definition.getResourceName(),
          repository.getBpmnModelInstance(definition.getId()), false));
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().latestVersion().list()) {
      set.decisions.put(definition.getKey(), new Entry<>(definition.getResourceName(),
          repository.getDmnModelInstance(definition.getId()), false));
    }
    return set;
  }

  /** The new deployment's files in place of the deployed ones. */
  ModelSet with(Map<String, ResourceEntity> resources) {
    for (ResourceEntity resource : resources.values()) {
      String name = resource.getName();
      byte[] bytes = resource.getBytes();
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        for (Process process : model.getModelElementsByType(Process.class)) {
          if (process.isExecutable()) {
            processes.put(process.getId(), new Entry<>(name, model, true));
          }
        }
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
          decisions.put(decision.getId(), new Entry<>(name, model, true));
        }
      } else if (name.endsWith(".form")) {
        incomingForms.put(name, new String(bytes, StandardCharsets.UTF_8));
      }
    }
    return this;
  }

  Optional<DecisionRows> table(String decisionKey) {
    Entry<DmnModelInstance> entry = decisions.get(decisionKey);
    return entry == null ? Optional.empty() : DecisionRows.of(entry.model(), decisionKey);
  }

  String decisionResource(String decisionKey) {
    Entry<DmnModelInstance> entry = decisions.get(decisionKey);
    return entry == null ? decisionKey : entry.resource();
  }
}
