package io.careflow.shipment;

import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.customer.ContactAddresses;
import io.careflow.shipment.OrderCustomers.Carried;
import io.careflow.system.RequestValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives carrier events (SPEC R5): checks every field, leads the order to its customer
 * ({@link OrderCustomers}), stores the event and starts its {@code shipment} process — in one
 * transaction, so a refused or failed event leaves nothing behind. The same event twice
 * (tracking id + status + instant) is stored and told once; a unique constraint makes that
 * hold for concurrent duplicates too.
 */
@Service
public class ShipmentEventService {

  private static final Logger LOG = LoggerFactory.getLogger(ShipmentEventService.class);
  private static final int ATTEMPTS = 3;
  /** Clocks of integrations drift; an event "seen" further in the future is refused. */
  private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private final ShipmentEventRepository events;
  private final OrderCustomers orders;
  private final ShipmentProcessStarter processStarter;
  private final ContactAddresses addresses;
  private final RequestValidator validator;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public ShipmentEventService(ShipmentEventRepository events, OrderCustomers orders,
      ShipmentProcessStarter processStarter, ContactAddresses addresses, RequestValidator validator,
      TransactionTemplate transaction, Clock clock) {
    this.events = events;
    this.orders = orders;
    this.processStarter = processStarter;
    this.addresses = addresses;
    this.validator = validator;
    this.transaction = transaction;
    this.clock = clock;
  }

  public ShipmentEventAccepted receive(CarrierEvent request, String actor) {
    var check = validator.check(request);
    ShipmentStatus status = null;
    Instant at = null;
    Instant expected = null;
    Carried carried = new Carried(null, null, null, null);
    if (request != null) {
      status = check.oneOf(ShipmentStatus.class, request.status(), "status");
      at = check.instant(request.at(), "at");
      if (at != null && at.isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
        check.add("at", "must not be in the future");
      }
      expected = check.instant(request.expectedDelivery(), "expectedDelivery");
      if (status == ShipmentStatus.DELAYED && request.expectedDelivery() == null) {
        check.add("expectedDelivery", "is required for a DELAYED event (the new expected delivery)");
      }
      if (at != null && expected != null && expected.isBefore(at)) {
        check.add("expectedDelivery", "must not lie before at");
      }
      carried = carried(request.customer(), check);
    }
    check.throwIfInvalid();

    ShipmentEvent draft = new ShipmentEvent(UUID.randomUUID().toString(), request.trackingId().strip(),
        request.orderId().strip(), status, at, expected, null, carried.email(), carried.phone(), null, actor, null);
    return register(draft, carried);
  }

  private ShipmentEventAccepted register(ShipmentEvent draft, Carried carried) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(tx -> registerInTransaction(draft, carried));
      } catch (DuplicateKeyException e) {
        // a concurrent request won the race: for the same event, answer with it; for the
        // same customer or order link created at the same moment, the next attempt finds them
        LOG.debug("Shipment event {} {} {}: attempt {} collided", draft.trackingId(), draft.status(),
            draft.occurredAt(), attempt);
        Optional<ShipmentEvent> existing = existing(draft);
        if (existing.isPresent()) {
          return new ShipmentEventAccepted(existing.get().id(), true);
        }
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private ShipmentEventAccepted registerInTransaction(ShipmentEvent draft, Carried carried) {
    Optional<ShipmentEvent> existing = existing(draft);
    if (existing.isPresent()) {
      return new ShipmentEventAccepted(existing.get().id(), true);
    }
    String customerId = orders.customerOf(draft.orderId(), carried);
    ShipmentEvent event = new ShipmentEvent(draft.id(), draft.trackingId(), draft.orderId(), draft.status(),
        draft.occurredAt(), draft.expectedDelivery(), customerId, draft.customerEmail(), draft.customerPhone(),
        clock.instant(), draft.receivedBy(), null);
    events.insert(event);
    events.setProcessInstance(event.id(), processStarter.start(event));
    return new ShipmentEventAccepted(event.id(), false);
  }

  private Optional<ShipmentEvent> existing(ShipmentEvent draft) {
    return events.find(draft.trackingId(), draft.status(), draft.occurredAt());
  }

  /** The customer the event carries, normalised like at intake; e-mail or phone required. */
  private Carried carried(CustomerDetails customer, RequestValidator.Check check) {
    if (customer == null) {
      return new Carried(null, null, null, null);
    }
    boolean hasEmail = customer.email() != null && !customer.email().isBlank();
    boolean hasPhone = customer.phone() != null && !customer.phone().isBlank();
    if (!hasEmail && !hasPhone) {
      check.add("customer", "email or phone is required");
    }
    String phone = null;
    if (hasPhone) {
      phone = addresses.phone(customer.phone()).orElse(null);
      if (phone == null) {
        check.add("customer.phone", "must be a valid phone number, e.g. +48600100200");
      }
    }
    String email = hasEmail && !check.hasProblem("customer.email") ? addresses.email(customer.email()) : null;
    return new Carried(email, phone, blankToNull(customer.name()),
        customer.language() == null || customer.language().isBlank() ? null
            : customer.language().toLowerCase(Locale.ROOT));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
