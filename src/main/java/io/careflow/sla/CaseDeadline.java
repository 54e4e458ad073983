package io.careflow.sla;

import io.careflow.casefile.CaseVariables;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Which deadline a clock step (stop, pause, resume) means: the running deadline of the case for
 * the step its input {@code deadline} names, default {@code reply}. Instances of models deployed
 * before the input existed name their deadline by the variable {@code slaDeadlineId} instead;
 * they keep working until they end.
 */
@Component
class CaseDeadline {

  private final DeadlineService deadlines;

  CaseDeadline(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  Optional<Deadline> of(DelegateExecution execution) {
    String step = execution.getVariableLocal(SlaVariables.DEADLINE) == null ? null
        : execution.getVariableLocal(SlaVariables.DEADLINE).toString().strip();
    if (step == null) {
      String legacy = SlaVariables.deadlineId(execution);
      if (legacy != null) {
        return Optional.of(deadlines.get(legacy));
      }
      step = DeadlineService.REPLY;
    }
    return deadlines.running(CaseVariables.contactId(execution), step);
  }
}
