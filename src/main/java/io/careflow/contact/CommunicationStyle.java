package io.careflow.contact;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * How to talk to this customer (SPEC R3), from {@code communication-style.dmn}: customer type
 * × dissatisfaction → priority, tone guidance for the agent, and whether a senior agent
 * takes over. The model evaluates it when the contact arrives; this service again when an
 * agent changes the dissatisfaction in a task form.
 */
@Service
public class CommunicationStyle {

  public static final String DECISION = "communication-style";
  public static final String DISSATISFACTION = "dissatisfaction";
  public static final String TONE_GUIDANCE = "toneGuidance";
  public static final String SENIOR_TAKES_OVER = "seniorTakesOver";

  /** Task priority per style priority; deadline warnings raise it further. */
  static final Map<String, Integer> TASK_PRIORITY = Map.of("LOW", 30, "NORMAL", 50, "HIGH", 70, "URGENT", 85);

  private final DecisionService decisions;

  public CommunicationStyle(DecisionService decisions) {
    this.decisions = decisions;
  }

  public record Style(String priority, String toneGuidance, boolean seniorTakesOver) {}

  public Style of(String customerType, String dissatisfaction) {
    DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION)
        .variables(Variables.createVariables().putValue("customerType", customerType)
            .putValue(DISSATISFACTION, dissatisfaction))
        .evaluate().getSingleResult();
    return new Style((String) result.get("priority"), (String) result.get(TONE_GUIDANCE),
        Boolean.TRUE.equals(result.get(SENIOR_TAKES_OVER)));
  }

  public static int taskPriority(Object stylePriority) {
    return stylePriority == null ? 50 : TASK_PRIORITY.getOrDefault(stylePriority.toString(), 50);
  }
}
