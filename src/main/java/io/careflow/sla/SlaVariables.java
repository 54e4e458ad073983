package io.careflow.sla;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of a guarded step, the same in every model: the policy table's target for
 * {@code slaStep}, the deadline's id and its instants, which the guarded task's due date
 * and boundary timers read ({@code ${slaDueAt}}, {@code ${slaWarningAt}},
 * {@code ${slaEscalationAt}}). One guarded step at a time per process instance.
 */
public final class SlaVariables {

  public static final String DECISION_SLA_POLICY = "sla-policy";

  /** Input of the policy table and the start delegate: which step is guarded ("reply", …). */
  public static final String STEP = "slaStep";
  /** Input of the start delegate: when the clock starts (e.g. the contact's receipt). */
  public static final String FROM = "slaFrom";
  /** Outputs of the policy table. */
  public static final String TARGET = "slaTarget";
  public static final String WARNING_FRACTION = "slaWarningFraction";
  /** Set by the start delegate, moved by a pause. */
  public static final String DEADLINE_ID = "slaDeadlineId";
  public static final String DUE_AT = "slaDueAt";
  public static final String WARNING_AT = "slaWarningAt";
  public static final String ESCALATION_AT = "slaEscalationAt";

  /** Inputs of the policy table that the contact brings. */
  public static final String PRIORITY = "priority";
  public static final String CUSTOMER_TYPE = "customerType";

  public static String deadlineId(VariableScope scope) {
    return (String) scope.getVariable(DEADLINE_ID);
  }

  /** Publishes where the clock stands for the due date and timers of the guarded task. */
  public static void publish(VariableScope scope, Deadline deadline) {
    scope.setVariable(DEADLINE_ID, deadline.id());
    scope.setVariable(DUE_AT, Date.from(deadline.dueAt()));
    scope.setVariable(WARNING_AT, Date.from(deadline.warningAt()));
    scope.setVariable(ESCALATION_AT, Date.from(deadline.escalationAt()));
  }

  static Instant instant(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    throw new IllegalArgumentException(name + " must be a date, was " + value.getClass().getSimpleName());
  }

  private SlaVariables() {}
}
