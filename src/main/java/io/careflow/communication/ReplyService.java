package io.careflow.communication;

import io.careflow.communication.Message.Direction;
import io.careflow.contact.Channel;
import io.careflow.contact.Contact;
import io.careflow.contact.ContactEvents;
import io.careflow.contact.ContactRepository;
import io.careflow.customer.CustomerHistory;
import io.careflow.sla.WorkingTimeCalendar;
import io.careflow.system.NotFoundException;
import io.careflow.system.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replies to the customer in the channel they used (SPEC R1), under the agent's own name.
 * A reply is first recorded (with the task's completion), then sent by an asynchronous
 * step with retries ({@link ChannelDelivery}: SMTP in the e-mail thread, or the channel's
 * webhook). The e-mail's From name is the agent's own. The first reply the channel took sets
 * the contact's {@code firstReplyAt}; a reply that cannot be handed over sets nothing.
 */
@Service
public class ReplyService {

  public static final String TEMPLATE_REPLY = "reply";

  private final MessageRepository messages;
  private final ContactRepository contacts;
  private final ContactEvents events;
  private final UserDirectory users;
  private final CustomerHistory customers;
  private final MessageTemplates templates;
  private final ChannelDelivery delivery;
  private final PhoneCalls calls;
  private final Clock clock;
  private final WorkingTimeCalendar calendar;
  private final String shopName;
  private final TransactionTemplate ownTransaction;

  public ReplyService(MessageRepository messages, ContactRepository contacts, ContactEvents events,
      UserDirectory users, CustomerHistory customers, MessageTemplates templates, ChannelDelivery delivery, PhoneCalls calls,
      Clock clock, WorkingTimeCalendar calendar, PlatformTransactionManager tx,
      @Value("${careflow.mail.shop-name}") String shopName) {
    this.messages = messages;
    this.contacts = contacts;
    this.events = events;
    this.users = users;
    this.customers = customers;
    this.templates = templates;
    this.delivery = delivery;
    this.calls = calls;
    this.clock = clock;
    this.calendar = calendar;
    this.shopName = shopName;
    this.ownTransaction = new TransactionTemplate(tx);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Records the agent's answer or question as a pending outbound message; returns its id. */
  @Transactional
  public String record(String contactId, String author, String text, MessageKind kind) {
    Contact contact = contact(contactId);
    String id = UUID.randomUUID().toString();
    messages.insert(Message.onContact(id, contactId, Direction.OUT, kind, contact.channel(), author,
        users.displayName(author), ChannelDelivery.recipient(contact), ChannelDelivery.caseSubject(contact), text,
        MessageStatus.PENDING, clock.instant(), null, null, null));
    events.record(contactId, ContactEvents.REPLY_RECORDED, author,
        (kind == MessageKind.QUESTION ? "question" : "answer") + " written, " + text.length() + " characters");
    return id;
  }

  /** A PHONE contact is answered by calling the customer (SPEC R1), not in writing. */
  public boolean answeredByCall(String contactId) {
    return contact(contactId).channel() == Channel.PHONE;
  }

  /** Whether the customer of the contact agreed to text messages on their phone. */
  public boolean textMessagesAllowed(String contactId) {
    return contacts.textMessagesAllowed(contactId);
  }

  /**
   * Records a reply the agent gave on the phone: the customer heard it, so it is delivered at
   * once (the sending step has nothing to send) and, the first time, it is the contact's first
   * reply. {@code text} is what the agent said.
   *
   * @return the message's id
   */
  @Transactional
  public String recordCall(String contactId, String author, String text, MessageKind kind) {
    Contact contact = contact(contactId);
    Instant now = clock.instant();
    String id = calls.recordSaid(contact, author, kind, text, now);
    String what = kind == MessageKind.QUESTION ? "question" : "answer";
    events.record(contactId, ContactEvents.REPLY_RECORDED, author,
        what + " said on the phone, " + text.length() + " characters");
    events.record(contactId, ContactEvents.MESSAGE_SENT, author,
        what + " told the customer in a call to " + contact.customerPhone());
    contacts.recordFirstReply(contact.id(), now, calendar.between(contact.receivedAt(), now).toMinutes());
    return id;
  }

  /**
   * Delivers a recorded reply from the step {@code source}. Idempotent: a message already
   * delivered is not sent again when the step is retried. The reply is first marked as the
   * step's own (in a transaction of its own, kept when the step fails), so that when the step
   * gives up, {@link UndeliveredMessages} finds the message it was sending.
   */
  @Transactional
  public void send(String messageId, String source) {
    Message message = messages.find(messageId).orElseThrow(() -> new NotFoundException("No message " + messageId));
    if (!message.status().awaitsDelivery()) {
      return;
    }
    if (source != null && !source.equals(message.source())) {
      ownTransaction.executeWithoutResult(status -> messages.setSource(messageId, source));
    }
    Contact contact = contact(message.contactId());
    var model = new HashMap<String, Object>();
    model.put("customerName", customers.displayName(contact.customerId(), ""));
    model.put("agentName", message.authorName());
    model.put("replyText", message.body());
    model.put("subject", contact.subject() == null ? "" : contact.subject());
    model.put("shopName", shopName);
    MessageTemplates.Rendered rendered = templates.render(TEMPLATE_REPLY, contact.language(), model);
    // throws when the channel does not take it: nothing below is recorded then
    Instant sent = delivery.deliver(message, rendered, delivery.thread(contact));
    contacts.recordFirstReply(contact.id(), sent, calendar.between(contact.receivedAt(), sent).toMinutes());
  }

  private Contact contact(String contactId) {
    return contacts.find(contactId).orElseThrow(() -> new NotFoundException("No contact " + contactId));
  }

}
