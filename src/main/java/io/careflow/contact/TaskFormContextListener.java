package io.careflow.contact;

import io.careflow.customer.CustomerHistory;
import io.careflow.sla.BusinessHoursProperties;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the context of the case into every task form (task-local variables, gone from the
 * runtime when the task ends): who the customer is, what they wrote, and a short summary
 * of their earlier contacts in any channel (SPEC R1). Added to every user task of a case
 * by {@link CaseTaskFormPlugin}, so a designer's new task gets it too.
 */
@Component
public class TaskFormContextListener implements TaskListener {

  private final ContactRepository contacts;
  private final CustomerHistory history;
  private final BusinessHoursProperties shopTime;

  public TaskFormContextListener(ContactRepository contacts, CustomerHistory history,
      BusinessHoursProperties shopTime) {
    this.contacts = contacts;
    this.history = history;
    this.shopTime = shopTime;
  }

  @Override
  public void notify(DelegateTask task) {
    String contactId = CaseVariables.contactId(task);
    if (contactId == null) {
      return; // not a customer case
    }
    task.setPriority(Math.max(task.getPriority(),
        CommunicationStyle.taskPriority(task.getVariable(io.careflow.sla.SlaVariables.PRIORITY))));
    contacts.find(contactId).ifPresent(contact -> {
      task.setVariableLocal(CaseVariables.FORM_CUSTOMER_NAME, history.displayName(contact.customerId(),
          contact.customerEmail() != null ? contact.customerEmail()
              : contact.customerPhone() != null ? contact.customerPhone() : contact.customerHandle()));
      task.setVariableLocal(CaseVariables.FORM_CUSTOMER_MESSAGE, message(contact));
      task.setVariableLocal(CaseVariables.FORM_CUSTOMER_SUMMARY, history.summary(contact.customerId(), contact.id()));
    });
  }

  String message(Contact contact) {
    var text = new StringBuilder();
    text.append(contact.channel()).append(", received ").append(shopTime.local(contact.receivedAt())).append('\n');
    if (contact.subject() != null) {
      text.append("Subject: ").append(contact.subject()).append("\n\n");
    }
    text.append(contact.body() == null ? "(no message text)" : contact.body());
    String conversation = history.conversation(contact.id());
    if (!conversation.isEmpty()) {
      text.append("\n\n").append(conversation);
    }
    return text.toString();
  }
}
