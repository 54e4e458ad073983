package io.careflow.routing;

import io.careflow.system.EngineAsSystem;
import io.careflow.casefile.CaseVariables;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Asks {@code processes/routing.dmn} what a task needs: a team (candidate group) and
 * skills, by step, protocol, topic, channel, language and the product's category. The
 * latest deployed version decides, so a process designer changes routing without Java.
 */
@Service
public class RoutingTableReader {

  private final DecisionService decisions;
  private final EngineAsSystem asSystem;

  public RoutingTableReader(ProcessEngine engine, EngineAsSystem asSystem) {
    this.decisions = engine.getDecisionService();
    this.asSystem = asSystem;
  }

  public Requirement requirement(Situation situation) {
    var inputs = Variables.createVariables()
        .putValue(Routing.INPUT_STEP, situation.step())
        .putValue(CaseVariables.PROTOCOL_KEY, situation.protocolKey())
        .putValue(CaseVariables.TOPIC, situation.topic())
        .putValue(CaseVariables.CHANNEL, situation.channel())
        .putValue(CaseVariables.LANGUAGE, situation.language())
        .putValue(Routing.INPUT_PRODUCT_SKU, situation.productSku());
    // Evaluated as the system: inside a task listener the engine acts for the agent who
    // completed the previous task, and agents may not evaluate decisions themselves.
    DmnDecisionResult result = asSystem.call(
        () -> decisions.evaluateDecisionByKey(Routing.DECISION).variables(inputs).evaluate());
    String team = null;
    var skills = new ArrayList<String>();
    for (DmnDecisionResultEntries row : result) {
      // an empty output entry is left out of the row: get, not getEntry
      String rowTeam = (String) row.get(Routing.OUTPUT_TEAM);
      if (team == null && rowTeam != null && !rowTeam.isBlank()) {
        team = rowTeam.strip();
      }
      String skill = (String) row.get(Routing.OUTPUT_SKILL);
      if (skill != null && !skill.isBlank() && !skills.contains(skill.strip())) {
        skills.add(skill.strip());
      }
    }
    return new Requirement(team, List.copyOf(skills));
  }

  /** What routing.dmn reads about a task. */
  public record Situation(String step, String protocolKey, String topic, String channel, String language,
      String productSku) {}

  /** The table's answer: a team (null: the model's group stays) and the skills it asks for. */
  public record Requirement(String team, List<String> skills) {}
}
