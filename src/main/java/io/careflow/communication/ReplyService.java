package io.careflow.communication;

import io.careflow.communication.Message.Direction;
import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.customer.CustomerHistory;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.calendar.WorkingTimeCalendar;
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
  private final CannedReplies cannedReplies;
  private final BusinessHoursProperties shopTime;

  public ReplyService(MessageRepository messages, ContactRepository contacts, ContactEvents events,
      UserDirectory users, CustomerHistory customers, MessageTemplates templates, ChannelDelivery delivery, PhoneCalls calls,
      Clock clock, WorkingTimeCalendar calendar, PlatformTransactionManager tx,
      @Value("${careflow.mail.shop-name}") String shopName, CannedReplies cannedReplies,
      BusinessHoursProperties shopTime) {
    this.cannedReplies = cannedReplies;
    this.shopTime = shopTime;
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
    // the greeting and signature the agent's form showed: the agent wrote only the body
    CannedReplies.Frame frame = frame(contact, message.authorName(), null);
    model.put("greeting", frame.greeting());
    model.put("signature", frame.signature());
    MessageTemplates.Rendered rendered = templates.render(TEMPLATE_REPLY, contact.language(), model);
    // throws when the channel does not take it: nothing below is recorded then
    Instant sent = delivery.deliver(message, rendered, delivery.thread(contact));
    contacts.recordFirstReply(contact.id(), sent, calendar.between(contact.receivedAt(), sent).toMinutes());
  }

  /**
   * What a reply on the case begins and ends with, in the language the reply template writes in:
   * the same for the agent's form (before) and the message (after).
   */
  public CannedReplies.Frame frame(Contact contact, String agentName, Instant deadline) {
    return cannedReplies.frame(templates.languageOf(TEMPLATE_REPLY, contact.language()),
        caseValues(contact, agentName, deadline));
  }

  /** The canned replies offered on the case (its topic's and those for any topic), filled in; see {@link CannedReplies}. */
  public java.util.List<Offered> cannedReplies(Contact contact, String topic, String agentName, Instant deadline) {
    var values = caseValues(contact, agentName, deadline);
    var offered = new java.util.ArrayList<Offered>();
    for (CannedReplies.CannedReply reply : cannedReplies.of(topic, templates.languageOf(TEMPLATE_REPLY,
        contact.language()))) {
      String title = CannedReplies.fill(reply.title(), values);
      String text = reply.fill(values);
      if (title != null && text != null) {
        offered.add(new Offered(reply.file(), title, text));
      }
    }
    return offered;
  }

  /** A canned reply as the case fills it in: its file, title and text. */
  public record Offered(String file, String title, String text) {}

  /** The values a canned reply's placeholders take on the case ({@link CannedReplies#PLACEHOLDERS}); absent ones left out. */
  java.util.Map<String, String> caseValues(Contact contact, String agentName, Instant deadline) {
    var values = new HashMap<String, String>();
    putIfPresent(values, "customerName", customers.displayName(contact.customerId(), ""));
    putIfPresent(values, "orderId", contact.orderId());
    putIfPresent(values, "productSku", contact.productSku());
    putIfPresent(values, "subject", contact.subject());
    putIfPresent(values, "agentName", agentName);
    putIfPresent(values, "shopName", shopName);
    if (deadline != null) {
      putIfPresent(values, "replyDeadline", shopTime.local(deadline));
    }
    return values;
  }

  private static void putIfPresent(java.util.Map<String, String> values, String name, String value) {
    if (value != null && !value.isBlank()) {
      values.put(name, value.strip());
    }
  }

  private Contact contact(String contactId) {
    return contacts.find(contactId).orElseThrow(() -> new NotFoundException("No contact " + contactId));
  }

}
