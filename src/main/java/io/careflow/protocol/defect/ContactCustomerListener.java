package io.careflow.protocol.defect;

import io.careflow.contact.CaseVariables;
import io.careflow.contact.ContactEvents;
import io.careflow.system.FormFields;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Contact the customer" done: what the service specialist agreed with the customer is recorded. */
@Component
public class ContactCustomerListener implements TaskListener {

  private final ContactEvents events;
  private final UserDirectory users;

  public ContactCustomerListener(ContactEvents events, UserDirectory users) {
    this.events = events;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    String notes = FormFields.required(task, DefectReplacementProcess.CONTACT_NOTES, 2000,
        "write what you agreed with the customer");
    events.record(CaseVariables.contactId(task), "SPECIALIST_CONTACTED", TaskFormInput.actor(task, users), notes);
  }
}
