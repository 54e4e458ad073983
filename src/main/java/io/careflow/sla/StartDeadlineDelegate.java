package io.careflow.sla;

import io.careflow.calendar.WorkingDuration;
import io.careflow.casefile.CaseVariables;
import io.careflow.model.BuildingBlock;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Start the … clock": the deadline of the step named by the input {@code deadline} (default
 * {@code reply}), from the input {@code from} (a date; default now), with the target
 * {@code sla-policy.dmn} gives for the case as it stands. When that deadline runs already, the
 * policy is asked again and a different row's target applies from the deadline's start — this is
 * how a protocol gives its contacts a reply target of its own once the topic is known.
 * Publishes the deadline's instants ({@code slaDueAt}, {@code slaWarningAt},
 * {@code slaEscalationAt}) for models that read them.
 *
 * <p>Instances of earlier models looked the target up in a business rule task before this step
 * ({@code slaTarget}, {@code slaWarningFraction}); that target is used as given.
 */
@BuildingBlock(value = "Start a clock", inputs = {SlaVariables.DEADLINE, SlaVariables.FROM})
@Component
public class StartDeadlineDelegate implements JavaDelegate {

  private final DeadlineService deadlines;
  private final SlaPolicy policy;
  private final Clock clock;

  public StartDeadlineDelegate(DeadlineService deadlines, SlaPolicy policy, Clock clock) {
    this.deadlines = deadlines;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = SlaVariables.step(execution);
    if (step == null) {
      step = DeadlineService.REPLY;
    }
    String contactId = CaseVariables.contactId(execution);
    SlaPolicy.Row row = givenTarget(execution);
    boolean decided = row == null;
    if (decided) {
      row = policy.of(step, execution);
    }
    var running = deadlines.running(contactId, step);
    Deadline deadline;
    if (running.isPresent()) {
      deadline = decided ? deadlines.retarget(running.get(), row) : running.get();
    } else {
      Instant from = SlaVariables.instant(execution, SlaVariables.FROM);
      if (from == null) {
        from = SlaVariables.instant(execution, SlaVariables.LEGACY_FROM);
      }
      deadline = deadlines.start(contactId, step, from == null ? clock.instant() : from, row);
    }
    SlaVariables.publish(execution, deadline);
  }

  /** The target an earlier model's business rule task left as variables (that model names no {@code deadline}), else null. */
  private static SlaPolicy.Row givenTarget(DelegateExecution execution) {
    if (execution.getVariableLocal(SlaVariables.DEADLINE) != null) {
      return null;
    }
    Object target = execution.getVariable(SlaVariables.TARGET);
    if (target == null) {
      return null;
    }
    Object fraction = execution.getVariable(SlaVariables.WARNING_FRACTION);
    return new SlaPolicy.Row(WorkingDuration.parse(target.toString()),
        fraction == null ? SlaPolicy.DEFAULT_WARNING_FRACTION : ((Number) fraction).doubleValue(), null, null);
  }
}
