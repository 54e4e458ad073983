package io.careflow.communication;

import io.careflow.communication.Message.Direction;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.system.NotFoundException;
import io.careflow.system.RequestValidator;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's answer on a running case is not a new contact (DESIGN: a later message on the
 * same case is a BPMN message correlated by business key). It is stored on the contact and,
 * where the case waits for the customer, resumes it — the reply clock restarts. Where
 * nothing waits, it lands on the case for the agent. The same external id twice is stored
 * once.
 */
@Service
public class CustomerReplies {

  /** The BPMN message every protocol waits for when it asked the customer something. */
  public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";

  private final MessageRepository messages;
  private final ContactRepository contacts;
  private final ContactEvents events;
  private final RuntimeService runtimeService;
  private final RequestValidator validator;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;

  public CustomerReplies(MessageRepository messages, ContactRepository contacts, ContactEvents events,
      RuntimeService runtimeService, RequestValidator validator, Clock clock, ApplicationEventPublisher publisher) {
    this.messages = messages;
    this.contacts = contacts;
    this.events = events;
    this.runtimeService = runtimeService;
    this.validator = validator;
    this.clock = clock;
    this.publisher = publisher;
  }

  /**
   * Published when a customer's message is stored on a running case (not for a duplicate), in its
   * transaction: whoever waits for the customer outside the models (a question asked from a task)
   * hears it.
   */
  public record CustomerWrote(String contactId, String messageId, String body) {}

  /** What became of a customer's message: stored as {@code messageId}; whether it resumed the case. */
  public record Received(String messageId, boolean resumedCase, boolean duplicate) {}

  @Transactional
  public Received receive(String contactId, CustomerMessage message, String actor) {
    Contact contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("No contact " + contactId));
    validator.check(message).throwIfInvalid();
    return receive(contact, message.body(), message.externalId(), null, actor);
  }

  /**
   * Stores a customer's message (an e-mail answer carries its {@code subject}) on the case and
   * resumes the case where it waits for the customer.
   */
  @Transactional
  public Received receive(Contact contact, String body, String externalId, String subject, String actor) {
    String contactId = contact.id();
    externalId = externalId == null || externalId.isBlank() ? null : externalId.trim();
    if (externalId != null) {
      // the same e-mail read at once by two nodes polling the mailbox (or pushed twice at once):
      // the second waits for the first to commit and then finds its message
      contacts.lock(contactId);
      var earlier = messages.findInbound(contactId, externalId);
      if (earlier.isPresent()) {
        return new Received(earlier.get().id(), false, true);
      }
    }
    String id = UUID.randomUUID().toString();
    messages.insert(Message.onContact(id, contactId, Direction.IN, MessageKind.CUSTOMER, contact.channel(), "customer",
        null, null, subject, body, MessageStatus.RECEIVED, clock.instant(), externalId, null, null));
    boolean resumed = !runtimeService.createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED)
        .processInstanceBusinessKey(contactId).correlateAllWithResult().isEmpty();
    events.record(contactId, ContactEvents.MESSAGE_RECEIVED, actor,
        resumed ? "customer answered, case resumed" : "customer wrote, kept on the case for the agent");
    publisher.publishEvent(new CustomerWrote(contactId, id, body));
    return new Received(id, resumed, false);
  }
}
