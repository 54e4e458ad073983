package io.careflow.protocol.returns;

import io.careflow.contact.CaseVariables;
import io.careflow.contact.ContactEvents;
import io.careflow.system.FormFields;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Receive returned item" done: only when the item has arrived. */
@Component
public class ReceiveReturnedItemListener implements TaskListener {

  private final ContactEvents events;
  private final UserDirectory users;

  public ReceiveReturnedItemListener(ContactEvents events, UserDirectory users) {
    this.events = events;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!"true".equals(String.valueOf(task.getVariable(ReturnProcess.ITEM_RECEIVED)))) {
      throw TaskFormInput.reject(ReturnProcess.ITEM_RECEIVED, "complete the task when the item has arrived");
    }
    String notes = FormFields.optional(task, ReturnProcess.PARCEL_NOTES, 2000);
    events.record(CaseVariables.contactId(task), "RETURN_RECEIVED", TaskFormInput.actor(task, users),
        notes == null ? "item received" : "item received: " + notes);
  }
}
