package io.careflow.customer;

import io.careflow.casefile.Channel;
import io.careflow.casefile.ContactEvents;
import io.careflow.customer.CustomerRepository.ContactRef;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.RequestValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers made to the customer in any channel — what, by whom, valid until when — so every
 * agent sees what the customer was offered (SPEC R1).
 */
@Service
public class CustomerOffers {

  private final OfferRepository offers;
  private final CustomerRepository customers;
  private final CustomerService customerService;
  private final ContactEvents events;
  private final RequestValidator validator;
  private final BusinessHoursProperties shopTime;
  private final Clock clock;

  public CustomerOffers(OfferRepository offers, CustomerRepository customers, CustomerService customerService,
      ContactEvents events, RequestValidator validator, BusinessHoursProperties shopTime, Clock clock) {
    this.offers = offers;
    this.customers = customers;
    this.customerService = customerService;
    this.events = events;
    this.validator = validator;
    this.shopTime = shopTime;
    this.clock = clock;
  }

  @Transactional
  public Offer add(String customerId, NewOffer request, String author) {
    Customer customer = customerService.lockSurvivor(customerId);
    Instant now = clock.instant();
    var check = validator.check(request);
    Instant validUntil = null;
    Channel channel = null;
    Optional<ContactRef> contact = Optional.empty();
    if (request != null) {
      validUntil = check.instant(request.validUntil(), "validUntil");
      if (validUntil != null && !validUntil.isAfter(now)) {
        check.add("validUntil", "must be in the future");
      }
      channel = check.oneOf(Channel.class, request.channel(), "channel");
      if (request.contactId() != null) {
        contact = customers.contact(request.contactId()).filter(c -> c.customerId().equals(customer.id()));
        if (contact.isEmpty()) {
          check.add("contactId", "is not a contact of this customer");
        }
      }
    }
    check.throwIfInvalid();

    Offer offer = new Offer(UUID.randomUUID().toString(), customer.id(), request.contactId(),
        channel != null ? channel : contact.map(ContactRef::channel).orElse(null), request.text().strip(), author,
        now, validUntil);
    offers.insert(offer);
    if (offer.contactId() != null) {
      events.record(offer.contactId(), ContactEvents.OFFER_MADE, author,
          offer.text() + " (valid until " + shopTime.local(offer.validUntil()) + ")");
    }
    return offer;
  }

  /**
   * An offer an agent recorded in a task form of a case (SPEC R1): made in the contact's channel,
   * on the contact's customer, and on the case's timeline. The caller checked text and date.
   */
  @Transactional
  public Offer addDuringContact(String contactId, String text, Instant validUntil, String author) {
    ContactRef contact = customers.contact(contactId)
        .orElseThrow(() -> io.careflow.system.InvalidRequestException.of("contactId", "no contact " + contactId));
    Customer customer = customerService.lockSurvivor(contact.customerId());
    Offer offer = new Offer(UUID.randomUUID().toString(), customer.id(), contactId, contact.channel(), text.strip(),
        author, clock.instant(), validUntil);
    offers.insert(offer);
    events.record(contactId, ContactEvents.OFFER_MADE, author,
        offer.text() + " (valid until " + shopTime.local(offer.validUntil()) + ")");
    return offer;
  }

  /** Every offer, newest first. */
  public List<Offer> of(String customerId) {
    return offers.ofCustomer(customerId);
  }

  /** Offers not expired yet, the one ending soonest first. */
  public List<Offer> open(String customerId) {
    return offers.openOf(customerId, clock.instant());
  }
}
