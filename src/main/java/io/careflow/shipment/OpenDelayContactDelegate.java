package io.careflow.shipment;

import io.careflow.casefile.CaseVariables;
import io.careflow.contact.CommunicationStyle;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.customer.CustomerHistory;
import io.careflow.customer.CustomerService;
import io.careflow.shipment.ShipmentRecipients.Reach;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.sla.SlaVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Open a proactive contact": a delay is a case of its own for the customer — a contact
 * careflow opens itself ({@code proactive}, left out of the KPIs' contact counts) with the
 * event's id as its id, so deadlines, events, the audit timeline, the task forms' customer
 * context and the contact API work as for every case. Its channel is the one the customer is
 * told in. The variables of a case (contact, channel, customer type, priority, tone) are set
 * for the SLA policy table and the task.
 */
@Component
public class OpenDelayContactDelegate implements JavaDelegate {

  /** The first event on a delay's timeline: what the carrier reported, and who pushed it. */
  public static final String SHIPMENT_EVENT_RECEIVED = "SHIPMENT_EVENT_RECEIVED";

  private final ShipmentEventRepository events;
  private final ShipmentRecipients recipients;
  private final ContactRepository contacts;
  private final ContactEvents contactEvents;
  private final CustomerService customers;
  private final CustomerHistory history;
  private final CommunicationStyle styles;
  private final BusinessHoursProperties shopTime;

  public OpenDelayContactDelegate(ShipmentEventRepository events, ShipmentRecipients recipients,
      ContactRepository contacts, ContactEvents contactEvents, CustomerService customers, CustomerHistory history,
      CommunicationStyle styles, BusinessHoursProperties shopTime) {
    this.events = events;
    this.recipients = recipients;
    this.contacts = contacts;
    this.contactEvents = contactEvents;
    this.customers = customers;
    this.history = history;
    this.styles = styles;
    this.shopTime = shopTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ShipmentEvent event = events.get(ShipmentProcess.eventId(execution));
    Reach reach = recipients.of(event);
    String language = history.language(reach.customerId());
    if (contacts.find(event.id()).isEmpty()) {
      String actor = event.receivedBy() == null ? ContactEvents.SYSTEM : event.receivedBy();
      contacts.insertProactive(Contact.proactive(event.id(), reach.channel(), event.receivedAt(), ShipmentProcess.KEY,
              execution.getProcessInstanceId())
          .withCustomer(reach.customerId(), language)
          .withReach(reach.email(), reach.phone(), null)
          .withText("Shipment delayed: order " + event.orderId(), description(event))
          .withOrder(event.orderId(), null), actor);
      contactEvents.record(event.id(), SHIPMENT_EVENT_RECEIVED, actor, "%s: order %s, tracking %s, seen %s, "
          .formatted(event.status(), event.orderId(), event.trackingId(), shopTime.local(event.occurredAt()))
          + "new expected delivery " + shopTime.local(event.expectedDelivery()) + "; proactive contact opened");
    }
    String customerType = customers.type(reach.customerId()).name();
    CommunicationStyle.Style style = styles.of(customerType, null);
    execution.setVariable(CaseVariables.CONTACT_ID, event.id());
    execution.setVariable(CaseVariables.CUSTOMER_ID, reach.customerId());
    execution.setVariable(CaseVariables.CHANNEL, reach.channel().name());
    execution.setVariable(CaseVariables.LANGUAGE, language);
    execution.setVariable(CaseVariables.PROTOCOL_KEY, ShipmentProcess.KEY);
    execution.setVariable(SlaVariables.CUSTOMER_TYPE, customerType);
    execution.setVariable(SlaVariables.PRIORITY, style.priority());
    execution.setVariable(CommunicationStyle.TONE_GUIDANCE, style.toneGuidance());
  }

  /** What the agent reads as the contact's message. */
  private String description(ShipmentEvent event) {
    return ("The carrier reports the shipment of order %s (tracking %s) as delayed since %s. New expected "
        + "delivery: %s. careflow apologises to the customer and tells them the new date. Check the shipment with "
        + "the carrier; if the date is at risk again, tell the customer.").formatted(event.orderId(),
        event.trackingId(), shopTime.local(event.occurredAt()), shopTime.local(event.expectedDelivery()));
  }
}
