package io.careflow.protocol.defect;

import io.careflow.contact.CaseVariables;
import io.careflow.contact.ContactRepository;
import io.careflow.system.FormFields;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Ship the replacement" done: the tracking number is recorded and goes into the customer's message. */
@Component
public class ShipReplacementListener implements TaskListener {

  private final ReplacementRequests requests;
  private final ContactRepository contacts;
  private final UserDirectory users;

  public ShipReplacementListener(ReplacementRequests requests, ContactRepository contacts, UserDirectory users) {
    this.requests = requests;
    this.contacts = contacts;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    String tracking = FormFields.required(task, DefectReplacementProcess.TRACKING_NUMBER, 100,
        "enter the carrier's tracking number");
    String contactId = CaseVariables.contactId(task);
    requests.ship(contactId, tracking, TaskFormInput.actor(task, users));
    contacts.recordOutcome(contactId, "REPLACEMENT_SHIPPED", "tracking number " + tracking);
  }
}
