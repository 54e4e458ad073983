package io.careflow.contact;

import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.customer.ContactAddresses;
import io.careflow.customer.Customer;
import io.careflow.customer.CustomerService;
import io.careflow.customer.IdentityKind;
import io.careflow.model.TopicCatalog;
import io.careflow.sla.WorkingTimeCalendar;
import io.careflow.system.RequestValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
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
  private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9][\\w.+-]*/[A-Za-z0-9][\\w.+-]*(\\s*;.*)?");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  /** Clocks of integrations drift; a contact "received" further in the future is refused. */
  private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
  /** How far ahead a customer may ask to be called back. */
  static final Duration LATEST_CALL_BACK = Duration.ofDays(30);

  private final ContactRepository contacts;
  private final CustomerService customers;
  private final ContactAddresses addresses;
  private final ContactProcessStarter processStarter;
  private final ContactEvents events;
  private final RequestValidator validator;
  private final TopicCatalog topics;
  private final Dissatisfaction dissatisfaction;
  private final TransactionTemplate transaction;
  private final WorkingTimeCalendar calendar;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;

  public ContactIntakeService(ContactRepository contacts, CustomerService customers, ContactAddresses addresses,
      ContactProcessStarter processStarter, ContactEvents events, RequestValidator validator, TopicCatalog topics,
      Dissatisfaction dissatisfaction, TransactionTemplate transaction, WorkingTimeCalendar calendar, Clock clock,
      ApplicationEventPublisher publisher) {
    this.contacts = contacts;
    this.customers = customers;
    this.addresses = addresses;
    this.processStarter = processStarter;
    this.events = events;
    this.validator = validator;
    this.topics = topics;
    this.dissatisfaction = dissatisfaction;
    this.transaction = transaction;
    this.calendar = calendar;
    this.clock = clock;
    this.publisher = publisher;
  }

  /** The outcome of an intake: the contact, and whether this call created it. */
  public record Intake(Contact contact, boolean created) {}

  public Intake receive(NewContact request, String actor) {
    var check = validator.check(request);
    Channel channel = null;
    String topic = null;
    Instant receivedAt = null;
    String phone = null;
    Instant callBackAt = null;
    if (request != null) {
      channel = check.oneOf(Channel.class, request.channel(), "channel");
      callBackAt = callBackAt(request, channel, check);
      // a hint names a topic of the deployed classification table (a designer adds topics there);
      // a blank one is no hint
      topic = check.oneOf(topics.names(), request.topic() == null || request.topic().isBlank() ? null
          : request.topic(), "topic");
      receivedAt = notInTheFuture(check.instant(request.receivedAt(), "receivedAt"), "receivedAt", check);
      if (request.dissatisfaction() != null && !request.dissatisfaction().isBlank()
          && Dissatisfaction.normalized(request.dissatisfaction()) == null) {
        check.add("dissatisfaction", "must be low, medium or high");
      }
      CustomerDetails customer = request.customer();
      if (customer != null) {
        boolean hasEmail = customer.email() != null && !customer.email().isBlank();
        boolean hasPhone = customer.phone() != null && !customer.phone().isBlank();
        // a blank or too long handle has its problem already (NewContact's constraints)
        boolean hasHandle = customer.handle() != null && !check.hasProblem("customer.handle");
        if (hasHandle && channel != null && IdentityKind.handleOf(channel).isEmpty()) {
          check.add("customer.handle", "only CHAT and SOCIAL contacts come with a handle");
        }
        if (!hasEmail && !hasPhone && customer.handle() == null) {
          check.add("customer", "email, phone or handle is required");
        } else if (!hasEmail && !hasPhone && channel != null && IdentityKind.handleOf(channel).isEmpty()) {
          check.add("customer", "email or phone is required for a " + channel + " contact");
        } else if (channel == Channel.EMAIL && !hasEmail) {
          // replies go back in the channel the customer used (SPEC R1)
          check.add("customer.email", "is required for an EMAIL contact");
        } else if ((channel == Channel.PHONE || channel == Channel.SMS || channel == Channel.MISSED_CALL)
            && !hasPhone) {
          check.add("customer.phone", "is required for a " + channel + " contact");
        }
        if (customer.timeZone() != null && !customer.timeZone().isBlank()
            && !java.time.ZoneId.getAvailableZoneIds().contains(customer.timeZone().strip())) {
          check.add("customer.timeZone", "must be a time zone like Europe/Warsaw");
        }
        if (hasPhone) {
          phone = addresses.phone(customer.phone()).orElse(null);
          if (phone == null) {
            check.add("customer.phone", "must be a valid phone number, e.g. +48600100200");
          }
        }
      }
    }
    var files = files(request, check);
    check.throwIfInvalid();

    CustomerDetails customer = request.customer();
    // the channel's judgement, raised by the customer's words (SPEC R3)
    Dissatisfaction.Level mood = dissatisfaction.atReceipt(Dissatisfaction.normalized(request.dissatisfaction()),
        ContactTexts.of(request.subject(), request.body()));
    Contact contact = new Contact(UUID.randomUUID().toString(), channel, blankToNull(request.externalId()),
        null, blankToNull(addresses.email(customer.email())), phone,
        receivedAt == null ? clock.instant() : receivedAt,
        blankToNull(request.subject()), request.body(), topic, null, null, ContactStatus.OPEN,
        language(customer.language()), blankToNull(request.orderId()), blankToNull(request.productSku()),
        null, null, null, null, null, null, null, mood.level(), customer.handle() == null ? null : customer.handle().strip(),
        callBackAt);
    return register(contact, blankToNull(customer.name()), blankToNull(customer.timeZone()), mood.reason(),
        customer.textMessagesAllowed(), files, actor);
  }

  public Intake receive(MissedCall call, String actor) {
    var check = validator.check(call);
    String phone = null;
    Instant at = null;
    if (call != null) {
      if (call.phone() != null && !call.phone().isBlank()) {
        phone = addresses.phone(call.phone()).orElse(null);
        if (phone == null) {
          check.add("phone", "must be a valid phone number, e.g. +48600100200");
        }
      }
      at = notInTheFuture(check.instant(call.at(), "at"), "at", check);
    }
    check.throwIfInvalid();
    Contact contact = new Contact(UUID.randomUUID().toString(), Channel.MISSED_CALL, call.callId().trim(), null,
        null, phone, at == null ? clock.instant() : at, "Missed call", null, null, null,
        null, ContactStatus.OPEN, null, null, null, null, null, null, null, null, null, null, null, null, null);
    return register(contact, null, null, null, null, List.of(), actor);
  }

  /**
   * A new case for the customer of {@code origin}, in the same channel, on {@code topic} — a
   * protocol that turns into another (a call-back that turned out to be a return). It names the
   * case it came from, and {@code externalId} keeps a repeated step from opening it twice. Runs in
   * the caller's transaction: the step that asks for it commits both or neither.
   */
  public Contact follow(Contact origin, String topic, String subject, String body, String externalId, String actor) {
    Contact draft = new Contact(UUID.randomUUID().toString(), origin.channel(), externalId, origin.customerId(),
        origin.customerEmail(), origin.customerPhone(), clock.instant(), subject, body, topic, null, null,
        ContactStatus.OPEN, origin.language(), origin.orderId(), origin.productSku(), null, null, null, null, null,
        null, null, null, origin.customerHandle(), null);
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

  /**
   * A web form's "call me back" time (SPEC R3): from now (clocks drift: a few minutes back pass)
   * to {@link #LATEST_CALL_BACK} ahead, on a WEB_FORM contact that gives a phone number; moved to
   * the next working instant when the shop is closed then. Null when none was asked for.
   */
  private Instant callBackAt(NewContact request, Channel channel, RequestValidator.Check check) {
    if (request.callBackAt() == null) {
      return null;
    }
    Instant at = check.instant(request.callBackAt(), "callBackAt");
    if (at == null) {
      return null;
    }
    Instant now = clock.instant();
    if (channel != null && channel != Channel.WEB_FORM) {
      check.add("callBackAt", "only a WEB_FORM contact asks to be called back");
    } else if (at.isBefore(now.minus(MAX_CLOCK_SKEW))) {
      check.add("callBackAt", "must not be in the past");
    } else if (at.isAfter(now.plus(LATEST_CALL_BACK))) {
      check.add("callBackAt", "must lie within the next 30 days");
    } else if (request.customer() != null
        && (request.customer().phone() == null || request.customer().phone().isBlank())) {
      check.add("customer.phone", "is required to be called back");
    }
    return calendar.nextWorkingInstant(at.isBefore(now) ? now : at);
  }

  /**
   * The request's files, decoded; a malformed one is a problem naming its field (a file careflow
   * does not take — too large, a type not allowed — is no problem here: it is kept out with why).
   */
  private static List<CustomerSentFiles.File> files(NewContact request, RequestValidator.Check check) {
    if (request == null || request.attachments() == null) {
      return List.of();
    }
    var files = new ArrayList<CustomerSentFiles.File>();
    for (int i = 0; i < request.attachments().size(); i++) {
      NewContact.Attachment file = request.attachments().get(i);
      String field = "attachments[" + i + "].";
      if (file == null || file.name() == null || file.contentType() == null || file.contentBase64() == null) {
        continue; // Bean Validation named it
      }
      if (file.name().contains("/") || file.name().contains("\\")) {
        check.add(field + "name", "must be a file name, not a path");
      }
      if (!MEDIA_TYPE.matcher(file.contentType().strip()).matches()) {
        check.add(field + "contentType", "must be a media type like image/jpeg");
      }
      byte[] content = null;
      try {
        // line breaks (MIME style) pass; padding may be left off
        content = Base64.getDecoder().decode(WHITESPACE.matcher(file.contentBase64()).replaceAll(""));
      } catch (IllegalArgumentException e) {
        check.add(field + "contentBase64", "must be the file's content in base64");
      }
      if (content != null) {
        files.add(new CustomerSentFiles.File(file.name().strip(), file.contentType().strip(), content));
      }
    }
    return files;
  }

  /** {@code at}, unless it lies further in the future than clocks drift. */
  private Instant notInTheFuture(Instant at, String field, RequestValidator.Check check) {
    if (at != null && at.isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
      check.add(field, "must not be in the future");
    }
    return at;
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
    Contact contact = withCustomer(draft, customerId, language);
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

  private static Contact withCustomer(Contact c, String customerId, String language) {
    return new Contact(c.id(), c.channel(), c.externalId(), customerId, c.customerEmail(), c.customerPhone(),
        c.receivedAt(), c.subject(), c.body(), c.topicHint(), c.topic(), c.protocol(), c.status(), language,
        c.orderId(), c.productSku(), c.processInstanceId(), c.firstReplyAt(), c.firstReplyWorkingMinutes(),
        c.resolvedAt(), c.outcome(), c.outcomeDetail(), c.firstContactResolved(), c.dissatisfaction(),
        c.customerHandle(), c.callBackAt());
  }

  private static String language(String language) {
    return language == null || language.isBlank() ? null : language.toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
