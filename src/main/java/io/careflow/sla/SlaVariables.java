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

  /**
   * Input of the clock steps (start, stop, pause, resume) and extension property of a guarded
   * user task: which deadline ("reply", "replacement-review", …). Default: the reply deadline.
   */
  public static final String DEADLINE = "deadline";
  /** Input of the start step: when the clock starts (a date, e.g. the contact's receipt); default now. */
  public static final String FROM = "from";
  /** Input of the policy table: the step asked about. Earlier models gave it to the start step too. */
  public static final String STEP = "slaStep";
  /** The start step's input in earlier models; read when {@link #FROM} is not given. */
  static final String LEGACY_FROM = "slaFrom";
  /** Outputs of the policy table. */
  public static final String TARGET = "slaTarget";
  public static final String WARNING_FRACTION = "slaWarningFraction";
  /** Set by the start step on the process (and on each guarded task, locally), moved by a pause. */
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

  /** The step a clock step names ({@link #DEADLINE}, else an earlier model's {@link #STEP}); null when none. */
  static String step(VariableScope scope) {
    Object step = scope.getVariable(DEADLINE);
    if (step == null) {
      step = scope.getVariable(STEP);
    }
    return step == null || step.toString().isBlank() ? null : step.toString().strip();
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
