package io.careflow.protocol.returns;

import io.careflow.contact.CaseVariables;
import io.careflow.contact.ContactRepository;
import io.careflow.system.FormFields;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Inspect item" done: condition and decision (a rejection needs the reason the customer is told). */
@Component
public class InspectItemListener implements TaskListener {

  private final ReturnRequests returns;
  private final ContactRepository contacts;
  private final UserDirectory users;

  public InspectItemListener(ReturnRequests returns, ContactRepository contacts, UserDirectory users) {
    this.returns = returns;
    this.contacts = contacts;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    String condition = FormFields.oneOf(task, ReturnProcess.ITEM_CONDITION, Set.of("AS_NEW", "USED", "DAMAGED"));
    String decision = FormFields.oneOf(task, ReturnProcess.DECISION, Set.of("REFUND", "EXCHANGE", "REJECT"));
    String reason = decision.equals("REJECT")
        ? FormFields.required(task, ReturnProcess.DECISION_REASON, 2000, "give the reason the customer is told")
        : FormFields.optional(task, ReturnProcess.DECISION_REASON, 2000);
    String contactId = CaseVariables.contactId(task);
    returns.decide(contactId, condition, decision, TaskFormInput.actor(task, users));
    contacts.recordOutcome(contactId, "RETURN_" + decision, reason);
  }
}
