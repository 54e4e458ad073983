package io.careflow.contact;

import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.customer.ContactAddresses;
import io.careflow.customer.Customer;
import io.careflow.customer.CustomerService;
import io.careflow.customer.IdentityKind;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a contact at once, in one place (SPEC R1): the customer is found or created,
 * the contact row is stored and its process started — in one transaction, so a failure
 * leaves neither. The same channel + externalId again returns the first contact; a unique
 * constraint makes that hold for concurrent duplicates too.
 */
@Service
public class ContactIntakeService {

  private static final Logger LOG = LoggerFactory.getLogger(ContactIntakeService.class);
  private static final int ATTEMPTS = 3;

  private final ContactRepository contacts;
  private final CustomerService customers;
  private final ContactAddresses addresses;
  private final ContactProcessStarter processStarter;
  private final ContactEvents events;
  private final IntakeRules rules;
  private final Dissatisfaction dissatisfaction;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;

  ContactIntakeService(ContactRepository contacts, CustomerService customers, ContactAddresses addresses,
      ContactProcessStarter processStarter, ContactEvents events, IntakeRules rules, Dissatisfaction dissatisfaction,
      TransactionTemplate transaction, Clock clock,
      ApplicationEventPublisher publisher) {
    this.contacts = contacts;
    this.customers = customers;
    this.addresses = addresses;
    this.processStarter = processStarter;
    this.events = events;
    this.rules = rules;
    this.dissatisfaction = dissatisfaction;
    this.transaction = transaction;
    this.clock = clock;
    this.publisher = publisher;
  }

  /** The outcome of an intake: the contact, and whether this call created it. */
  public record Intake(Contact contact, boolean created) {}

  public Intake receive(NewContact request, String actor) {
    IntakeRules.Accepted accepted = rules.check(request);
    CustomerDetails customer = request.customer();
    // the channel's judgement, raised by the customer's words (SPEC R3)
    Dissatisfaction.Level mood = dissatisfaction.atReceipt(Dissatisfaction.normalized(request.dissatisfaction()),
        ContactTexts.of(request.subject(), request.body()));
    Contact contact = Contact.received(accepted.channel(), blankToNull(request.externalId()),
            accepted.receivedAt() == null ? clock.instant() : accepted.receivedAt())
        .withReach(blankToNull(addresses.email(customer.email())), accepted.phone(),
            customer.handle() == null ? null : customer.handle().strip())
        .withText(blankToNull(request.subject()), request.body())
        .withTopicHint(accepted.topic())
        .withCustomer(null, language(customer.language()))
        .withOrder(blankToNull(request.orderId()), blankToNull(request.productSku()))
        .withDissatisfaction(mood.level())
        .withCallBackAt(accepted.callBackAt());
    return register(contact, blankToNull(customer.name()), blankToNull(customer.timeZone()), mood.reason(),
        customer.textMessagesAllowed(), accepted.files(), actor);
  }

  public Intake receive(MissedCall call, String actor) {
    IntakeRules.AcceptedCall accepted = rules.check(call);
    Contact contact = Contact.received(Channel.MISSED_CALL, call.callId().trim(),
            accepted.at() == null ? clock.instant() : accepted.at())
        .withReach(null, accepted.phone(), null)
        .withText("Missed call", null);
    return register(contact, null, null, null, null, List.of(), actor);
  }

  /**
   * A new case for the customer of {@code origin}, in the same channel, on {@code topic} — a
   * protocol that turns into another (a call-back that turned out to be a return). It names the
   * case it came from, and {@code externalId} keeps a repeated step from opening it twice. Runs in
   * the caller's transaction: the step that asks for it commits both or neither.
   */
  public Contact follow(Contact origin, String topic, String subject, String body, String externalId, String actor) {
    Contact draft = Contact.following(origin, externalId, clock.instant()).withText(subject, body)
        .withTopicHint(topic);
    Optional<Contact> existing = existing(draft);
    if (existing.isPresent()) {
      return existing.get();
    }
    contacts.insert(draft, actor);
    contacts.setFollows(draft.id(), origin.id());
    events.record(draft.id(), ContactEvents.RECEIVED, actor, draft.channel() + ": " + subject
        + " (opened by case " + origin.id() + ")");
    events.record(origin.id(), ContactEvents.FOLLOWED_BY, actor, "case " + draft.id() + " opened on topic " + topic);
    contacts.setProcessInstance(draft.id(), processStarter.start(draft));
    return contacts.find(draft.id()).orElseThrow();
  }

  private Intake register(Contact draft, String customerName, String timeZone, String moodReason,
      Boolean textMessagesAllowed, List<CustomerSentFiles.File> files, String actor) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> registerInTransaction(draft, customerName, timeZone, moodReason,
            textMessagesAllowed, files, actor));
      } catch (DuplicateKeyException e) {
        // a concurrent request won the race: for the same contact, answer with it;
        // for a customer created at the same moment, the next attempt finds them
        Optional<Contact> existing = existing(draft);
        if (existing.isPresent()) {
          return new Intake(existing.get(), false);
        }
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        LOG.debug("Intake attempt {} collided, retrying", attempt, e);
      }
    }
  }

  private Intake registerInTransaction(Contact draft, String customerName, String timeZone, String moodReason,
      Boolean textMessagesAllowed, List<CustomerSentFiles.File> files, String actor) {
    Optional<Contact> existing = existing(draft);
    if (existing.isPresent()) {
      return new Intake(existing.get(), false);
    }
    String customerId = customers.findOrCreate(draft.customerEmail(), draft.customerPhone(),
        draft.customerHandle() == null ? null : IdentityKind.handleOf(draft.channel()).orElseThrow(),
        draft.customerHandle(), customerName, draft.language());
    if (timeZone != null) {
      customers.setTimeZone(customerId, timeZone.strip());
    }
    // a contact without a language speaks the language the customer is known by
    String language = draft.language() != null ? draft.language()
        : customers.find(customerId).map(Customer::language).orElse(null);
    Contact contact = draft.withCustomer(customerId, language);
    contacts.insert(contact, actor);
    if (Boolean.TRUE.equals(textMessagesAllowed)) {
      contacts.allowTextMessages(contact.id());
    }
    events.record(contact.id(), ContactEvents.RECEIVED, actor,
        contact.channel() + (contact.subject() == null ? "" : ": " + contact.subject()));
    if (contact.dissatisfaction() != null) {
      contacts.setDissatisfaction(contact.id(), contact.dissatisfaction());
      events.record(contact.id(), ContactEvents.STYLE_CHANGED, actor,
          "dissatisfaction " + contact.dissatisfaction() + " at receipt: " + moodReason);
    }
    if (!files.isEmpty()) {
      // kept before the process starts, so its first task shows them
      publisher.publishEvent(new CustomerSentFiles(contact.id(), files, actor));
    }
    String processInstanceId = processStarter.start(contact, moodReason);
    contacts.setProcessInstance(contact.id(), processInstanceId);
    return new Intake(contacts.find(contact.id()).orElseThrow(), true);
  }

  private Optional<Contact> existing(Contact draft) {
    return draft.externalId() == null ? Optional.empty()
        : contacts.findByExternalId(draft.channel(), draft.externalId());
  }

  private static String language(String language) {
    return language == null || language.isBlank() ? null : language.toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
