package io.careflow.model;

import io.careflow.system.EngineAsSystem;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Service;

/**
 * The latest deployed version of a designer's decision tables, parsed once per version. Read as
 * the system: whoever's request or task leads here, the models are careflow's rules.
 */
@Service
public class DeployedModels {

  /**
   * How long a node trusts its knowledge of the newest version without asking the database: a
   * deployment made here is seen at once, one made on another node of a cluster within this time.
   * Intake, every guarded step and every SLA decision read the tables; one query each was waste.
   */
  static final Duration FRESH_FOR = Duration.ofSeconds(10);

  private final RepositoryService repository;
  private final EngineAsSystem asSystem;
  private final Map<String, DmnModelInstance> decisionModels = new ConcurrentHashMap<>();
  private final Map<String, Optional<DecisionRows>> decisionRows = new ConcurrentHashMap<>();
  private final Map<String, Latest> latest = new ConcurrentHashMap<>();

  /**
   * Deployments this node made (or read back) since it started, counted as the engine takes each
   * one: what is read of the deployed models is current while the count is unchanged.
   */
  private static final AtomicLong DEPLOYMENTS = new AtomicLong();

  /** The engine took a deployment (called for every one, new or read back into its cache). */
  public static void deploymentTaken() {
    DEPLOYMENTS.incrementAndGet();
  }

  /** How many deployments this node took since it started: compare again after one. */
  public static long deployments() {
    return DEPLOYMENTS.get();
  }

  public DeployedModels(ProcessEngine engine, EngineAsSystem asSystem) {
    this.repository = engine.getRepositoryService();
    this.asSystem = asSystem;
  }

  /** A decision as deployed: its definition (id, version, resource) and its file's model. */
  public record DeployedDecision(DecisionDefinition definition, DmnModelInstance model) {}

  private record Latest(Optional<DeployedDecision> decision, long deployments, long readAt) {
    boolean fresh() {
      return deployments == DEPLOYMENTS.get()
          && System.nanoTime() - readAt < FRESH_FOR.toNanos();
    }
  }

  public Optional<DeployedDecision> latestDecision(String key) {
    Latest known = latest.get(key);
    if (known != null && known.fresh()) {
      return known.decision();
    }
    long deployments = DEPLOYMENTS.get();
    Optional<DeployedDecision> decision = asSystem.call(() -> {
      DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .latestVersion().singleResult();
      if (definition == null) {
        return Optional.empty();
      }
      DmnModelInstance model = decisionModels.computeIfAbsent(definition.getId(),
          id -> repository.getDmnModelInstance(id));
      return Optional.of(new DeployedDecision(definition, model));
    });
    latest.put(key, new Latest(decision, deployments, System.nanoTime()));
    return decision;
  }

  /** The rows of the latest deployed table of that decision, read once per version. */
  public Optional<DecisionRows> latestRows(String key) {
    return latestDecision(key).flatMap(d -> decisionRows.computeIfAbsent(d.definition().getId(),
        id -> DecisionRows.of(d.model(), key)));
  }
}
