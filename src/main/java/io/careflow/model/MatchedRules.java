package io.careflow.model;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Which rows of a decision table applied, for the record: the engine's decision result holds
 * the outputs only, but a manager asks which rule of the SLA policy gave a contact its deadline.
 * Every decision table the engine evaluates on this thread reports its matching rule ids here;
 * {@link #during(String, Runnable)} collects those of one decision around one evaluation.
 */
@Component
public class MatchedRules extends AbstractProcessEnginePlugin {

  private static final ThreadLocal<Trail> TRAIL = new ThreadLocal<>();

  private record Trail(String decisionKey, List<String> ruleIds) {}

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var dmn = configuration.getDmnEngineConfiguration() != null ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    var listeners = dmn.getCustomPostDecisionTableEvaluationListeners() == null
        ? new ArrayList<DmnDecisionTableEvaluationListener>()
        : new ArrayList<>(dmn.getCustomPostDecisionTableEvaluationListeners());
    listeners.add(MatchedRules::notify);
    dmn.setCustomPostDecisionTableEvaluationListeners(listeners);
    configuration.setDmnEngineConfiguration(dmn);
  }

  private static void notify(DmnDecisionTableEvaluationEvent event) {
    Trail trail = TRAIL.get();
    if (trail != null && trail.decisionKey().equals(event.getDecisionTable().getKey())) {
      event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(trail.ruleIds()::add);
    }
  }

  /** Runs {@code evaluation} and returns the ids of the rules of {@code decisionKey} that matched in it. */
  public static List<String> during(String decisionKey, Runnable evaluation) {
    Trail outer = TRAIL.get();
    var trail = new Trail(decisionKey, new ArrayList<>());
    TRAIL.set(trail);
    try {
      evaluation.run();
      return List.copyOf(trail.ruleIds());
    } finally {
      if (outer == null) {
        TRAIL.remove();
      } else {
        TRAIL.set(outer);
      }
    }
  }
}
