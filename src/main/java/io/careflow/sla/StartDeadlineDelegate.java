package io.careflow.sla;

import io.careflow.contact.CaseVariables;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Start the … clock": a deadline for {@code slaStep} with the target and warning fraction
 * the policy table gave, from {@code slaFrom} (default: now). Publishes the deadline's
 * instants for the guarded task's due date and timers.
 */
@Component
public class StartDeadlineDelegate implements JavaDelegate {

  private final DeadlineService deadlines;
  private final Clock clock;

  public StartDeadlineDelegate(DeadlineService deadlines, Clock clock) {
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = (String) execution.getVariable(SlaVariables.STEP);
    Object target = execution.getVariable(SlaVariables.TARGET);
    Object fraction = execution.getVariable(SlaVariables.WARNING_FRACTION);
    if (step == null || target == null) {
      throw new IllegalStateException("The SLA policy table gave no target for step " + step + " on channel "
          + execution.getVariable(CaseVariables.CHANNEL) + ": add a row to processes/sla-policy.dmn");
    }
    Instant from = SlaVariables.instant(execution, SlaVariables.FROM);
    Deadline deadline = deadlines.start(CaseVariables.contactId(execution), step, from == null ? clock.instant() : from,
        WorkingDuration.parse(target.toString()), fraction == null ? 0.75 : ((Number) fraction).doubleValue());
    SlaVariables.publish(execution, deadline);
  }
}
