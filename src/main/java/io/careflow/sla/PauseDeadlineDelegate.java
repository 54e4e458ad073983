package io.careflow.sla;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactRepository;
import io.careflow.casefile.ContactStatus;
import io.careflow.model.BuildingBlock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Stop the clock: wait for the customer" (input {@code deadline}, default {@code reply}): the
 * contact is WAITING_FOR_CUSTOMER and its deadline stands still, its watcher stopped (SPEC R2:
 * time waiting for the customer does not count).
 */
@BuildingBlock(value = "Pause a clock: wait for the customer", inputs = SlaVariables.DEADLINE)
@Component
public class PauseDeadlineDelegate implements JavaDelegate {

  private final DeadlineService deadlines;
  private final CaseDeadline caseDeadline;
  private final ContactRepository contacts;

  public PauseDeadlineDelegate(DeadlineService deadlines, CaseDeadline caseDeadline, ContactRepository contacts) {
    this.deadlines = deadlines;
    this.caseDeadline = caseDeadline;
    this.contacts = contacts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    caseDeadline.of(execution).ifPresent(deadline -> deadlines.pause(deadline.id()));
    contacts.setStatus(CaseVariables.contactId(execution), ContactStatus.WAITING_FOR_CUSTOMER);
  }
}
