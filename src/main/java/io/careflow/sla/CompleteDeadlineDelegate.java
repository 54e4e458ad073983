package io.careflow.sla;

import io.careflow.model.BuildingBlock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Stop the … clock": the deadline of the step named by the input {@code deadline} (default
 * {@code reply}) is done; whether it was met is recorded and its watcher ends. A clock that
 * stopped already stays as it was.
 */
@BuildingBlock(value = "Stop a clock", inputs = SlaVariables.DEADLINE)
@Component
public class CompleteDeadlineDelegate implements JavaDelegate {

  private final DeadlineService deadlines;
  private final CaseDeadline caseDeadline;

  public CompleteDeadlineDelegate(DeadlineService deadlines, CaseDeadline caseDeadline) {
    this.deadlines = deadlines;
    this.caseDeadline = caseDeadline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    caseDeadline.of(execution).ifPresent(deadline -> deadlines.complete(deadline.id()));
  }
}
