package io.careflow.routing;

import io.careflow.system.Groups;
import java.util.Set;

/**
 * Descriptor of routing: {@code processes/routing.dmn} (its decisions, inputs and outputs),
 * the task variable every form shows, and the events routing records on the contact.
 */
public final class Routing {

  public static final String DECISION = "routing";
  public static final String DECISION_PRODUCT_CATEGORY = "product-category";

  /** Inputs of the table besides the case variables protocolKey, topic, channel and language. */
  public static final String INPUT_STEP = "routingStep";
  public static final String INPUT_PRODUCT_SKU = "productSku";
  /** Outputs: the team of the first matching row that names one; every skill named is required. */
  public static final String OUTPUT_TEAM = "routingTeam";
  public static final String OUTPUT_SKILL = "requiredSkill";
  /** Output of {@code product-category}. */
  public static final String OUTPUT_PRODUCT_CATEGORY = "productCategory";

  /** Task-local text: why the task went where it went ("Why this task came to you" in every form). */
  public static final String FORM_ROUTING_REASON = "routingReason";

  /** Events on the contact's record (the audit timeline reads them). */
  public static final String EVENT_ROUTED = "ROUTED";
  public static final String EVENT_REASSIGNED = "REASSIGNED";

  /**
   * Tasks the model offers to these groups keep them, whatever the table says: team leads
   * (a senior takes over, approvals) and every agent (triage). Routing then picks among
   * their members.
   */
  public static final Set<String> GROUPS_THE_MODEL_KEEPS = Set.of(Groups.TEAM_LEADS, Groups.AGENTS);

  /** How a decision was made. */
  public enum Method {
    /** the agent who handled the customer most often */
    RETENTION,
    /** the least-loaded available agent with the skills */
    LEAST_LOADED,
    /** no one fits: unassigned, in the team queue */
    QUEUE,
    /** the process model named the assignee */
    MODEL,
    /** a team lead chose */
    MANUAL
  }

  /** What made careflow decide. */
  public enum Cause { TASK_CREATED, AGENT_AWAY, AGENT_AVAILABLE, REASSIGNED }

  private Routing() {}
}
