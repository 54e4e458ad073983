package io.careflow.sla;

import io.careflow.calendar.WorkingDuration;
import io.careflow.casefile.CaseVariables;
import io.careflow.model.DecisionRows;
import io.careflow.model.DeployedModels;
import io.careflow.model.MatchedRules;
import io.careflow.system.EngineAsSystem;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Asks {@code processes/sla-policy.dmn} how much working time a step of a case gets: by step,
 * channel, priority, customer type, topic and protocol — so a protocol gives its contacts a
 * target of its own with a row, without Java. The answer names the row that applied (its id
 * and description), which the deadline keeps for the record.
 */
@Service
public class SlaPolicy {

  public static final String DECISION = SlaVariables.DECISION_SLA_POLICY;
  static final double DEFAULT_WARNING_FRACTION = 0.75;

  private final DecisionService decisions;
  private final DeployedModels models;
  private final EngineAsSystem asSystem;

  public SlaPolicy(ProcessEngine engine, DeployedModels models, EngineAsSystem asSystem) {
    this.decisions = engine.getDecisionService();
    this.models = models;
    this.asSystem = asSystem;
  }

  /** The row that applied: target, warning point, and which rule it was (id, the designer's words). */
  public record Row(WorkingDuration target, double warningFraction, String rule, String description) {

    /** How the timeline and the contact name the row. */
    public String summary() {
      return description == null || description.isBlank() ? "sla-policy " + rule
          : "sla-policy " + rule + ": " + description.strip();
    }
  }

  /** The row for {@code step} of the case whose variables {@code scope} sees. */
  public Row of(String step, VariableScope scope) {
    var inputs = Variables.createVariables()
        .putValue(SlaVariables.STEP, step)
        .putValue(CaseVariables.CHANNEL, CaseVariables.string(scope, CaseVariables.CHANNEL))
        .putValue(SlaVariables.PRIORITY, CaseVariables.string(scope, SlaVariables.PRIORITY))
        .putValue(SlaVariables.CUSTOMER_TYPE, CaseVariables.string(scope, SlaVariables.CUSTOMER_TYPE))
        .putValue(CaseVariables.TOPIC, CaseVariables.string(scope, CaseVariables.TOPIC))
        .putValue(CaseVariables.PROTOCOL_KEY, CaseVariables.string(scope, CaseVariables.PROTOCOL_KEY));
    var result = new AtomicReference<DmnDecisionResultEntries>();
    List<String> rules = MatchedRules.during(DECISION, () -> result.set(asSystem.call(
        () -> decisions.evaluateDecisionByKey(DECISION).variables(inputs).evaluate().getFirstResult())));
    DmnDecisionResultEntries row = result.get();
    Object target = row == null ? null : row.get(SlaVariables.TARGET);
    if (target == null || target.toString().isBlank()) {
      throw new IllegalStateException("processes/sla-policy.dmn has no row for step " + step + " (channel "
          + inputs.get(CaseVariables.CHANNEL) + ", priority " + inputs.get(SlaVariables.PRIORITY) + ", customer type "
          + inputs.get(SlaVariables.CUSTOMER_TYPE) + ", topic " + inputs.get(CaseVariables.TOPIC) + ", protocol "
          + inputs.get(CaseVariables.PROTOCOL_KEY) + "): add one");
    }
    Object fraction = row.get(SlaVariables.WARNING_FRACTION);
    String rule = rules.isEmpty() ? null : rules.get(0);
    return new Row(WorkingDuration.parse(target.toString().strip()),
        fraction == null ? DEFAULT_WARNING_FRACTION : ((Number) fraction).doubleValue(), rule, description(rule));
  }

  private String description(String rule) {
    if (rule == null) {
      return null;
    }
    return models.latestRows(DECISION)
        .flatMap(t -> t.rows().stream().filter(r -> r.ruleId().equals(rule)).findFirst())
        .map(DecisionRows.Row::description).orElse(null);
  }
}
