package io.careflow.customer;

import io.careflow.casefile.CaseChanged;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.customer.CustomerRepository.MergeCounts;
import io.careflow.customer.CustomerRepository.VipChange;
import io.careflow.system.ConflictException;
import io.careflow.system.NotFoundException;
import io.careflow.system.RequestValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team lead merges two records of one person: contacts, addresses, notes and offers move
 * to the surviving customer, the other stays as a tombstone pointing at it (old links
 * resolve), and the merge is recorded — who, when, why, what moved — on the survivor and
 * on every moved contact. One transaction: on bad input nothing changes.
 */
@Service
public class CustomerMerges {

  private final CustomerRepository customers;
  private final NoteRepository notes;
  private final OfferRepository offers;
  private final RuntimeService runtimeService;
  private final ContactEvents events;
  private final RequestValidator validator;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;

  CustomerMerges(CustomerRepository customers, NoteRepository notes, OfferRepository offers,
      RuntimeService runtimeService, ContactEvents events, RequestValidator validator, Clock clock,
      ApplicationEventPublisher publisher) {
    this.publisher = publisher;
    this.customers = customers;
    this.notes = notes;
    this.offers = offers;
    this.runtimeService = runtimeService;
    this.events = events;
    this.validator = validator;
    this.clock = clock;
  }

  /** @return the id of the surviving customer */
  @Transactional
  public String merge(MergeRequest request, String actor) {
    var check = validator.check(request);
    if (request != null && request.into() != null && request.into().equals(request.from())) {
      check.add("from", "must be another customer than into");
    }
    check.throwIfInvalid();

    // both rows locked, in id order so that two merges of the same customers never deadlock;
    // an intake of either customer waits for the merge (CustomerService.findOrCreate)
    var locked = new HashMap<String, Customer>();
    Stream.of(request.into(), request.from()).sorted()
        .forEach(id -> customers.lock(id).ifPresent(customer -> locked.put(id, customer)));
    Customer into = locked.get(request.into());
    Customer from = locked.get(request.from());
    if (into == null || from == null) {
      throw new NotFoundException("No customer " + String.join(" and ",
          Stream.of(into == null ? request.into() : null, from == null ? request.from() : null)
              .filter(id -> id != null).toList()));
    }
    // explicit ids: merging a tombstone would surprise the lead with a third customer
    for (Customer customer : List.of(into, from)) {
      if (customer.merged()) {
        throw new ConflictException("Customer " + customer.id() + " was merged into " + customer.mergedInto()
            + " already", Map.of("customerId", customer.id(), "mergedInto", customer.mergedInto()));
      }
    }

    // the contacts the listeners move: an intake for `from` waits for its locked row, so none
    // arrives between this read and the move
    List<String> movedContacts = customers.contactIds(from.id());
    publisher.publishEvent(new CustomerMerged(from.id(), into.id()));
    var moved = new MergeCounts(movedContacts.size(), customers.moveIdentities(from.id(), into.id()),
        notes.moveToCustomer(from.id(), into.id()), offers.moveToCustomer(from.id(), into.id()));
    customers.takeOverTimeZone(from.id(), into.id());
    customers.takeOverDetails(from, into);
    String reason = request.reason().strip();
    Instant now = clock.instant();
    if (from.vip() && !into.vip()) {
      VipChange mark = customers.vipChange(from.id()).orElse(new VipChange(actor, now, "VIP before the merge"));
      customers.setVip(into.id(), true, mark.by(), mark.at(), mark.reason());
    }
    customers.markMerged(from.id(), into.id());
    customers.insertMerge(into.id(), from.id(), reason, actor, now, moved);
    for (String contactId : movedContacts) {
      events.record(contactId, ContactEvents.CUSTOMER_MERGED, actor,
          "customer " + from.id() + " merged into " + into.id() + ": " + reason);
    }
    // running cases hold the customer id too (routing and tables read it)
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
        .variableValueEquals(CaseVariables.CUSTOMER_ID, from.id()).list()) {
      runtimeService.setVariable(instance.getId(), CaseVariables.CUSTOMER_ID, into.id());
    }
    // their open tasks show the surviving customer's name
    for (String contactId : movedContacts) {
      publisher.publishEvent(new CaseChanged(contactId));
    }
    return into.id();
  }
}
