package io.careflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Stop the clock": the guarded step is done; whether the deadline was met is recorded. */
@Component
public class CompleteDeadlineDelegate implements JavaDelegate {

  private final DeadlineService deadlines;

  public CompleteDeadlineDelegate(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.complete(SlaVariables.deadlineId(execution));
  }
}
