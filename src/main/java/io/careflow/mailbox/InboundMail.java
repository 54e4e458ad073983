package io.careflow.mailbox;

import io.careflow.communication.CaseToken;
import io.careflow.communication.CustomerReplies;
import io.careflow.communication.MessageRepository;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.contact.ContactIntakeService;
import io.careflow.casefile.ContactRepository;
import io.careflow.casefile.ContactStatus;
import io.careflow.contact.NewContact;
import io.careflow.files.CustomerFiles;
import io.careflow.system.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one e-mail of the support mailbox into careflow's record, in one transaction:
 * <ul>
 *   <li>an answer to one of careflow's messages — found by In-Reply-To/References, or by the
 *       case token in the subject when the sender is the case's customer — lands on that
 *       running case as the customer's message (resuming it where it waited for the
 *       customer), not as a new contact;</li>
 *   <li>an answer to a case that is already resolved or closed opens a new contact (the old
 *       case is finished; the new one says which case it follows);</li>
 *   <li>anything else is a new EMAIL contact with the Message-ID as its external id, so the
 *       same e-mail read twice creates nothing twice;</li>
 *   <li>automatic mail (out-of-office, delivery reports, lists) and careflow's own mail are
 *       ignored, so auto-replies never open cases or loop.</li>
 * </ul>
 */
@Service
public class InboundMail {

  private static final Logger LOG = LoggerFactory.getLogger(InboundMail.class);
  static final String ACTOR = "mailbox";
  /** Where the files of an e-mail came from. */
  static final String SOURCE = "EMAIL";

  private final ContactIntakeService intake;
  private final ContactRepository contacts;
  private final MessageRepository messages;
  private final CustomerReplies replies;
  private final CustomerFiles attachments;
  private final ContactEvents events;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final String ownAddress;

  public InboundMail(ContactIntakeService intake, ContactRepository contacts, MessageRepository messages,
      CustomerReplies replies, CustomerFiles attachments, ContactEvents events, TransactionTemplate transaction,
      Clock clock, @Value("${careflow.mail.from}") String ownAddress) {
    this.intake = intake;
    this.contacts = contacts;
    this.messages = messages;
    this.replies = replies;
    this.attachments = attachments;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
    this.ownAddress = ownAddress;
  }

  /** The size cap of a customer's file: larger attachments are not read whole. */
  long maxFileBytes() {
    return attachments.maxBytes();
  }

  public enum Outcome { NEW_CONTACT, REPLY, DUPLICATE, IGNORED, REJECTED }

  /** What became of an e-mail; {@code contactId} is the case it landed on, if any. */
  public record Result(Outcome outcome, String contactId, String detail) {}

  Result accept(IncomingMail mail) {
    if (mail.fromAddress() == null) {
      return log(new Result(Outcome.REJECTED, null, "no sender address"), mail);
    }
    if (mail.fromAddress().equalsIgnoreCase(ownAddress)) {
      return log(new Result(Outcome.IGNORED, null, "careflow's own e-mail"), mail);
    }
    if (mail.automatic()) {
      return log(new Result(Outcome.IGNORED, null, "automatic reply"), mail);
    }
    try {
      return log(transaction.execute(status -> record(mail)), mail);
    } catch (InvalidRequestException e) {
      return log(new Result(Outcome.REJECTED, null, e.getMessage()), mail);
    }
  }

  private Result record(IncomingMail mail) {
    Optional<Contact> answered = answeredCase(mail);
    String body = mail.text().isBlank() ? "(no text" + (mail.attachments().isEmpty() ? ")"
        : "; " + mail.attachments().size() + " attachment(s))") : mail.text();
    if (answered.isPresent() && isRunning(answered.get())) {
      var received = replies.receive(answered.get(), body, mail.messageId(), mail.subject(), ACTOR);
      if (received.duplicate()) {
        return new Result(Outcome.DUPLICATE, answered.get().id(), "answer read before");
      }
      attachments.store(answered.get().id(), received.messageId(), mail.attachments(), SOURCE, ACTOR);
      return new Result(Outcome.REPLY, answered.get().id(),
          received.resumedCase() ? "answer, case resumed" : "answer, kept on the case");
    }
    Instant now = clock.instant();
    Instant receivedAt = mail.receivedAt() == null || mail.receivedAt().isAfter(now) ? now : mail.receivedAt();
    var created = intake.receive(new NewContact("EMAIL", mail.messageId(), receivedAt.toString(),
        new NewContact.CustomerDetails(mail.fromAddress(), null, mail.fromName(), null), mail.subject(), body,
        null, null, null), ACTOR);
    if (!created.created()) {
      return new Result(Outcome.DUPLICATE, created.contact().id(), "e-mail read before");
    }
    String contactId = created.contact().id();
    attachments.store(contactId, null, mail.attachments(), SOURCE, ACTOR);
    answered.ifPresent(finished -> events.record(contactId, ContactEvents.MESSAGE_RECEIVED, ACTOR,
        "answers case " + CaseToken.of(finished.id()) + ", which was already " + finished.status()
            .name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
    return new Result(Outcome.NEW_CONTACT, contactId, answered.isPresent() ? "follows a finished case" : "new case");
  }

  /** The case the e-mail answers: by thread headers (newest first), else by the case token of its sender. */
  private Optional<Contact> answeredCase(IncomingMail mail) {
    var thread = new ArrayList<>(mail.thread());
    Collections.reverse(thread);
    for (String id : thread) {
      Optional<Contact> contact = messages.contactOfMessageId(id).flatMap(contacts::find);
      if (contact.isPresent()) {
        return contact;
      }
    }
    return CaseToken.prefixIn(mail.subject()).stream()
        .flatMap(prefix -> contacts.withIdPrefix(prefix).stream())
        .filter(contact -> mail.fromAddress().equalsIgnoreCase(contact.customerEmail()))
        .findFirst();
  }

  private static boolean isRunning(Contact contact) {
    return contact.status() == ContactStatus.OPEN || contact.status() == ContactStatus.WAITING_FOR_CUSTOMER;
  }

  private static Result log(Result result, IncomingMail mail) {
    if (result.outcome() == Outcome.REJECTED || result.outcome() == Outcome.IGNORED) {
      LOG.info("E-mail {} {}: {}", mail.messageId(), result.outcome().name().toLowerCase(java.util.Locale.ROOT),
          result.detail());
    } else {
      LOG.debug("E-mail {} → {} {} ({})", mail.messageId(), result.outcome(), result.contactId(), result.detail());
    }
    return result;
  }
}
