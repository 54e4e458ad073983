package io.careflow.shipment;

import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.customer.CustomerService;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which customer an order belongs to. Precedence, most authoritative first:
 * <ol>
 *   <li>the customer the event carries — the shop's order system knows who ordered: found or
 *       created by e-mail / phone like at intake, and the order is linked to them in
 *       {@code customer_order} (replacing an earlier event's link: the newest event wins);</li>
 *   <li>the link an earlier event stored;</li>
 *   <li>the newest contact that named the order ({@code contact.order_id}) — what a customer
 *       says about an order may be a typo or someone else's parcel, so it counts only when the
 *       order system never said.</li>
 * </ol>
 * A link to a customer merged away since leads to the survivor. Nothing of these: the order
 * is unknown (422).
 */
@Component
class OrderCustomers {

  private final ShipmentEventRepository events;
  private final ContactRepository contacts;
  private final CustomerService customers;
  private final Clock clock;

  OrderCustomers(ShipmentEventRepository events, ContactRepository contacts, CustomerService customers, Clock clock) {
    this.events = events;
    this.contacts = contacts;
    this.customers = customers;
    this.clock = clock;
  }

  /** The event's customer details, normalised; all null when the event carries none. */
  record Carried(String email, String phone, String name, String language) {
    boolean present() {
      return email != null || phone != null;
    }
  }

  /** @return the id of the order's customer (a live one) */
  @Transactional(propagation = Propagation.MANDATORY)
  String customerOf(String orderId, Carried carried) {
    if (carried.present()) {
      String customerId = customers.findOrCreate(carried.email(), carried.phone(), carried.name(),
          carried.language());
      events.link(orderId, customerId, clock.instant());
      return customerId;
    }
    return events.linkedCustomer(orderId)
        .or(() -> contacts.namingOrder(orderId).stream().findFirst().map(Contact::customerId))
        .map(id -> customers.get(id).id())
        .orElseThrow(() -> new UnknownOrderException(orderId));
  }
}
