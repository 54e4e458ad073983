package io.careflow.customer;

import io.careflow.casefile.ContactEvents;
import io.careflow.customer.CustomerRepository.ContactRef;
import io.careflow.system.InvalidRequestException;
import io.careflow.system.RequestValidator;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes on the customer (SPEC R1): facts the customer shares — family, job, holidays,
 * preferences — written by agents from the API or any task form, with author and time,
 * and shown in later tasks.
 */
@Service
public class CustomerNotes {

  private final NoteRepository notes;
  private final CustomerRepository customers;
  private final CustomerService customerService;
  private final ContactEvents events;
  private final RequestValidator validator;
  private final Clock clock;

  public CustomerNotes(NoteRepository notes, CustomerRepository customers, CustomerService customerService,
      ContactEvents events, RequestValidator validator, Clock clock) {
    this.notes = notes;
    this.customers = customers;
    this.customerService = customerService;
    this.events = events;
    this.validator = validator;
    this.clock = clock;
  }

  /** A note from the API; a note naming a contact must name one of this customer's. */
  @Transactional
  public Note add(String customerId, NewNote request, String author) {
    Customer customer = customerService.lockSurvivor(customerId);
    var check = validator.check(request);
    if (request != null && request.contactId() != null && !ofCustomer(request.contactId(), customer)) {
      check.add("contactId", "is not a contact of this customer");
    }
    check.throwIfInvalid();
    return insert(customer.id(), request.contactId(), request.text(), author);
  }

  /**
   * A note typed into a task form of the contact: it belongs to the contact's customer.
   * The caller has checked the length ({@link Note#MAX_TEXT}) to refuse the task's completion.
   */
  @Transactional
  public Note addDuringContact(String contactId, String text, String author) {
    ContactRef contact = customers.contact(contactId)
        .orElseThrow(() -> InvalidRequestException.of("contactId", "no contact " + contactId));
    Customer customer = customerService.lockSurvivor(contact.customerId());
    return insert(customer.id(), contactId, text, author);
  }

  /** Newest first. */
  public List<Note> of(String customerId, int limit) {
    return notes.ofCustomer(customerId, limit);
  }

  public long count(String customerId) {
    return notes.count(customerId);
  }

  private Note insert(String customerId, String contactId, String text, String author) {
    Note note = new Note(UUID.randomUUID().toString(), customerId, contactId, text.strip(), author, clock.instant());
    notes.insert(note);
    if (contactId != null) {
      events.record(contactId, ContactEvents.NOTE_ADDED, author, note.text());
    }
    return note;
  }

  private boolean ofCustomer(String contactId, Customer customer) {
    return customers.contact(contactId).map(c -> c.customerId().equals(customer.id())).orElse(false);
  }
}
