package io.careflow.model;

import io.careflow.system.EngineAsSystem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Service;

/**
 * The latest deployed version of a designer's model, parsed once per version. Read as the
 * system: whoever's request or task leads here, the models are careflow's rules.
 */
@Service
public class DeployedModels {

  private final RepositoryService repository;
  private final EngineAsSystem asSystem;
  private final Map<String, DmnModelInstance> decisionModels = new ConcurrentHashMap<>();
  private final Map<String, Optional<DecisionRows>> decisionRows = new ConcurrentHashMap<>();

  public DeployedModels(ProcessEngine engine, EngineAsSystem asSystem) {
    this.repository = engine.getRepositoryService();
    this.asSystem = asSystem;
  }

  /** A decision as deployed: its definition (id, version, resource) and its file's model. */
  public record DeployedDecision(DecisionDefinition definition, DmnModelInstance model) {}

  public Optional<DeployedDecision> latestDecision(String key) {
    return asSystem.call(() -> {
      DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .latestVersion().singleResult();
      if (definition == null) {
        return Optional.empty();
      }
      DmnModelInstance model = decisionModels.computeIfAbsent(definition.getId(),
          id -> repository.getDmnModelInstance(id));
      return Optional.of(new DeployedDecision(definition, model));
    });
  }

  /** The rows of the latest deployed table of that decision, read once per version. */
  public Optional<DecisionRows> latestRows(String key) {
    return latestDecision(key).flatMap(d -> decisionRows.computeIfAbsent(d.definition().getId(),
        id -> DecisionRows.of(d.model(), key)));
  }

  /** The keys of every deployed process, latest versions. */
  public List<String> processKeys() {
    return asSystem.call(() -> repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).toList());
  }
}
