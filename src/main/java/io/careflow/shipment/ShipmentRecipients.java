package io.careflow.shipment;

import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.customer.CustomerService;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where the customer of a shipment is told (SPEC R1: in the channel they use): the channel of
 * their newest contact that named the order; else e-mail, when an event of the order carried
 * an e-mail address; else SMS to the phone number it carried. A phone or missed-call customer
 * gets an SMS (careflow cannot call); a channel without a configured webhook cannot deliver it:
 * the step ends in an incident and the team leads are told, as for every reply.
 */
@Component
class ShipmentRecipients {

  private final ContactRepository contacts;
  private final ShipmentEventRepository events;
  private final CustomerService customers;

  ShipmentRecipients(ContactRepository contacts, ShipmentEventRepository events, CustomerService customers) {
    this.contacts = contacts;
    this.events = events;
    this.customers = customers;
  }

  /**
   * @param customerId the customer now (a customer merged away leads to the survivor)
   * @param channel    how the message goes out
   * @param recipient  the address in that channel
   * @param email      the customer's e-mail address as this reach knows it, or null
   * @param phone      the customer's phone number as this reach knows it, or null
   */
  record Reach(String customerId, Channel channel, String recipient, String email, String phone) {}

  Reach of(ShipmentEvent event) {
    String customerId = customers.get(event.customerId()).id();
    for (Contact contact : contacts.namingOrder(event.orderId())) {
      if (contact.customerId().equals(customerId)) {
        return viaContact(customerId, contact);
      }
    }
    List<ShipmentEvent> carried = events.ofOrder(event.orderId()).stream()
        .filter(e -> e.customerEmail() != null || e.customerPhone() != null)
        .sorted(Comparator.comparing(ShipmentEvent::receivedAt).reversed())
        .filter(e -> customers.get(e.customerId()).id().equals(customerId))
        .toList();
    String email = carried.stream().map(ShipmentEvent::customerEmail).filter(a -> a != null).findFirst().orElse(null);
    String phone = carried.stream().map(ShipmentEvent::customerPhone).filter(a -> a != null).findFirst().orElse(null);
    return email != null ? new Reach(customerId, Channel.EMAIL, email, email, phone)
        : new Reach(customerId, Channel.SMS, phone, null, phone);
  }

  private static Reach viaContact(String customerId, Contact contact) {
    String email = contact.customerEmail();
    String phone = contact.customerPhone();
    return switch (contact.channel()) {
      case PHONE, MISSED_CALL, SMS -> new Reach(customerId, Channel.SMS, phone, email, phone);
      case EMAIL, WEB_FORM, CHAT, SOCIAL ->
          new Reach(customerId, contact.channel(), email != null ? email : phone, email, phone);
    };
  }
}
