package io.careflow.sla;

import io.careflow.contact.CaseVariables;
import io.careflow.contact.ContactRepository;
import io.careflow.contact.ContactStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Restart the clock": the customer answered; the deadline moves by the working time waited
 * and the guarded task, entered again, gets the new due date and timers.
 */
@Component
public class ResumeDeadlineDelegate implements JavaDelegate {

  private final DeadlineService deadlines;
  private final ContactRepository contacts;

  public ResumeDeadlineDelegate(DeadlineService deadlines, ContactRepository contacts) {
    this.deadlines = deadlines;
    this.contacts = contacts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SlaVariables.publish(execution, deadlines.resume(SlaVariables.deadlineId(execution)));
    contacts.setStatus(CaseVariables.contactId(execution), ContactStatus.OPEN);
  }
}
