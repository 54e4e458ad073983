package io.careflow.shipment;

import io.careflow.communication.CustomerNotices;
import io.careflow.communication.Message;
import io.careflow.communication.SendCustomerNoticeDelegate;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.customer.CustomerHistory;
import io.careflow.shipment.ShipmentRecipients.Reach;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Tell the customer" / "Apologise and give the new date": the status's message
 * ({@code shipment-<status>} template, the customer's language) in the customer's channel
 * ({@link ShipmentRecipients}), as a proactive notice of the customer — recorded PENDING before
 * it leaves, so a retry after an outage sends that same message once and an exhausted step
 * leaves it UNDELIVERED with an incident, the team leads told. On a delay's contact the send lands on its timeline.
 */
@Component
public class SendShipmentMessageDelegate implements JavaDelegate {

  private final ShipmentEventRepository events;
  private final ShipmentRecipients recipients;
  private final ShipmentTexts texts;
  private final CustomerHistory customers;
  private final CustomerNotices notices;
  private final ContactEvents contactEvents;

  public SendShipmentMessageDelegate(ShipmentEventRepository events, ShipmentRecipients recipients,
      ShipmentTexts texts, CustomerHistory customers, CustomerNotices notices,
      ContactEvents contactEvents) {
    this.events = events;
    this.recipients = recipients;
    this.texts = texts;
    this.customers = customers;
    this.notices = notices;
    this.contactEvents = contactEvents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ShipmentEvent event = events.get(ShipmentProcess.eventId(execution));
    Reach reach = recipients.of(event);
    String language = texts.language(customers.language(reach.customerId()));
    Message message = notices.sendToCustomer(reach.customerId(), reach.channel(), reach.recipient(),
        texts.subject(language, event), event.status().notice(), texts.values(language, event),
        SendCustomerNoticeDelegate.source(execution));
    execution.setVariable(ShipmentProcess.MESSAGE_ID, message.id());

    String contactId = CaseVariables.contactId(execution);
    if (contactId != null) {
      // the notice returned: the channel took it (a message it could not hand over fails the step)
      contactEvents.record(contactId, ContactEvents.MESSAGE_SENT, ContactEvents.SYSTEM, event.status().notice()
          + " sent to " + reach.recipient() + " by " + reach.channel() + ", message " + message.id());
    }
  }
}
