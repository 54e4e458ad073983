package io.careflow.sla;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactRepository;
import io.careflow.casefile.ContactStatus;
import io.careflow.model.BuildingBlock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Restart the clock" (input {@code deadline}, default {@code reply}): the customer answered;
 * every point of the deadline moves by the working time waited, its watcher starts again and its
 * open tasks (and a guarded task entered again) get the new due date.
 */
@BuildingBlock(value = "Resume a clock: the customer answered", inputs = SlaVariables.DEADLINE)
@Component
public class ResumeDeadlineDelegate implements JavaDelegate {

  private final DeadlineService deadlines;
  private final CaseDeadline caseDeadline;
  private final ContactRepository contacts;

  public ResumeDeadlineDelegate(DeadlineService deadlines, CaseDeadline caseDeadline, ContactRepository contacts) {
    this.deadlines = deadlines;
    this.caseDeadline = caseDeadline;
    this.contacts = contacts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    caseDeadline.of(execution).ifPresent(deadline -> SlaVariables.publish(execution, deadlines.resume(deadline.id())));
    contacts.setStatus(CaseVariables.contactId(execution), ContactStatus.OPEN);
  }
}
