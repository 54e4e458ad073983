package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.model.BuildingBlock;
import io.careflow.sla.CompleteDeadlineDelegate;
import io.careflow.sla.SlaVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close: the customer did not answer": the shop asked, the customer stayed silent. The
 * clock (input {@code deadline}, default {@code reply}), standing still since the question, is
 * stopped (the silence does not count against the shop) and the contact will be CLOSED rather
 * than resolved.
 */
@BuildingBlock(value = "Close: the customer never answered", inputs = SlaVariables.DEADLINE)
@Component
public class CloseUnansweredDelegate implements JavaDelegate {

  private final CompleteDeadlineDelegate stopClock;

  public CloseUnansweredDelegate(CompleteDeadlineDelegate stopClock) {
    this.stopClock = stopClock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stopClock.execute(execution);
    execution.setVariable(CaseVariables.CASE_OUTCOME, CaseVariables.OUTCOME_NO_ANSWER);
  }
}
