package io.careflow.contact;

import io.careflow.sla.DeadlineService;
import io.careflow.sla.SlaVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close: the customer did not answer": the shop asked, the customer stayed silent. The
 * reply clock, standing still since the question, is stopped (the silence does not count
 * against the shop) and the contact will be CLOSED rather than resolved.
 */
@Component
public class CloseUnansweredDelegate implements JavaDelegate {

  private final DeadlineService deadlines;

  public CloseUnansweredDelegate(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.complete(SlaVariables.deadlineId(execution));
    execution.setVariable(CaseVariables.CASE_OUTCOME, CaseVariables.OUTCOME_NO_ANSWER);
  }
}
