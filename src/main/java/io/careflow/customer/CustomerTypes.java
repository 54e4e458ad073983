package io.careflow.customer;

import io.careflow.system.EngineAsSystem;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The customer type (new / regular / VIP) by {@code processes/customer-type.dmn}, so a
 * process designer changes the rule without Java. The latest deployed version decides.
 */
@Service
public class CustomerTypes {

  public static final String DECISION = "customer-type";
  public static final String INPUT_VIP = "vip";
  public static final String INPUT_EARLIER_CONTACTS = "earlierContacts";
  public static final String OUTPUT_TYPE = "customerType";

  private final DecisionService decisions;
  private final EngineAsSystem asSystem;

  public CustomerTypes(ProcessEngine engine, EngineAsSystem asSystem) {
    this.decisions = engine.getDecisionService();
    this.asSystem = asSystem;
  }

  /**
   * @param vip             marked VIP by a team lead
   * @param earlierContacts the customer's contacts so far, every channel (without the one being worked on)
   */
  public CustomerType of(boolean vip, long earlierContacts) {
    var inputs = Variables.createVariables()
        .putValue(INPUT_VIP, vip)
        .putValue(INPUT_EARLIER_CONTACTS, (int) Math.min(earlierContacts, Integer.MAX_VALUE));
    // Evaluated as the system: inside a task listener the engine acts for the agent who
    // completes a task, and agents have no permission to evaluate decisions themselves.
    DmnDecisionResultEntries result = asSystem.call(
        () -> decisions.evaluateDecisionByKey(DECISION).variables(inputs).evaluate().getFirstResult());
    if (result == null || result.getEntry(OUTPUT_TYPE) == null) {
      throw new IllegalStateException(DECISION + " gave no customer type for " + inputs);
    }
    return CustomerType.valueOf(result.<String>getEntry(OUTPUT_TYPE));
  }
}
