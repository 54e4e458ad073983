package io.careflow.shipment;

import io.careflow.communication.Message;
import io.careflow.communication.MessageRepository;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactRepository;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.form.FormFields;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Check the delayed shipment": on create the form gets the new expected delivery and the
 * message the customer was sent (task-local, gone with the task; order and tracking id are
 * the process's own variables); on complete what the agent did becomes the contact's outcome.
 */
@Component
public class CheckDelayedShipmentListener implements TaskListener {

  private final ShipmentEventRepository events;
  private final MessageRepository messages;
  private final ContactRepository contacts;
  private final ShipmentTexts texts;
  private final BusinessHoursProperties shopTime;
  private final FormFields formFields;

  public CheckDelayedShipmentListener(ShipmentEventRepository events, MessageRepository messages,
      ContactRepository contacts, ShipmentTexts texts, BusinessHoursProperties shopTime, FormFields formFields) {
    this.formFields = formFields;
    this.events = events;
    this.messages = messages;
    this.contacts = contacts;
    this.texts = texts;
    this.shopTime = shopTime;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      showContext(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String note = formFields.optional(task, ShipmentProcess.FORM_CHECK_NOTE, 2000);
      contacts.recordOutcome(CaseVariables.contactId(task), ShipmentProcess.OUTCOME_DELAY_CHECKED, note);
      task.getExecution().removeVariable(ShipmentProcess.FORM_CHECK_NOTE);
    }
  }

  private void showContext(DelegateTask task) {
    ShipmentEvent event = events.get(ShipmentProcess.eventId(task));
    String language = texts.language(CaseVariables.string(task, CaseVariables.LANGUAGE));
    task.setVariableLocal(ShipmentProcess.FORM_EXPECTED_DELIVERY, shopTime.local(event.expectedDelivery())
        + " (shop time; the customer read: " + texts.date(language, event.expectedDelivery()) + ")");
    String messageId = (String) task.getVariable(ShipmentProcess.MESSAGE_ID);
    task.setVariableLocal(ShipmentProcess.FORM_SENT_MESSAGE, (messageId == null ? Optional.<Message>empty()
        : messages.find(messageId)).map(this::describe).orElse("(no message sent yet)"));
  }

  private String describe(Message m) {
    return "%s to %s · %s %s%nSubject: %s%n%n%s".formatted(m.channel(), m.recipient(), m.status(),
        shopTime.local(m.sentAt() != null ? m.sentAt() : m.createdAt()), m.subject(), m.body());
  }
}
