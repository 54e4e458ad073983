package io.careflow.communication;

import io.careflow.communication.Message.Direction;
import io.careflow.communication.MessageTemplates.Rendered;
import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.customer.CustomerHistory;
import io.careflow.system.NotFoundException;
import io.careflow.publicpages.PublicLinks;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages careflow sends on its own — acknowledgements, links to the customer's forms,
 * progress of a replacement or return, follow-ups, shipment news, survey invitations —
 * rendered from {@code templates/mail/<notice>_<lang>} in the customer's language and
 * delivered in the customer's channel. They are NOTICEs: they never count as an agent's
 * first reply. A notice on a case is personal and says when ({@link NoticeSignature}): signed by
 * the case's agent when it has one (else the shop), with the due times of the case's running
 * deadlines in the customer's time zone and words ({@code answerBy}, {@code due}). A notice on a
 * case names the case number as {@code caseToken} (what the customer writes on a parcel).
 *
 * <p>Outbox rule: the rendered message is recorded PENDING in its own transaction before it
 * is handed to the channel, under a {@code source} (the process step that sends it). When the
 * channel fails, the step rolls back and retries, the message stays PENDING (visible on the
 * case, an incident in Cockpit after the last retry) and the retry sends that same message —
 * same id, same link, same Message-ID — instead of writing a second one.
 */
@Service
public class CustomerNotices {

  private final MessageRepository messages;
  private final ContactRepository contacts;
  private final CustomerHistory customers;
  private final MessageTemplates templates;
  private final ChannelDelivery delivery;
  private final PublicLinks links;
  private final NoticeSignature signature;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final String shopName;

  public CustomerNotices(MessageRepository messages, ContactRepository contacts, CustomerHistory customers,
      MessageTemplates templates, ChannelDelivery delivery, PublicLinks links, NoticeSignature signature,
      PlatformTransactionManager tx, Clock clock, @Value("${careflow.mail.shop-name}") String shopName) {
    this.messages = messages;
    this.contacts = contacts;
    this.customers = customers;
    this.templates = templates;
    this.delivery = delivery;
    this.links = links;
    this.signature = signature;
    this.ownTransaction = new TransactionTemplate(tx);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.shopName = shopName;
  }

  /** A link to a public page the notice carries as {@code link} (issued once, with the message). */
  public record LinkRequest(String purpose, Duration validity, String path) {}

  /** Sends notice {@code notice} on the contact, from the step {@code source}; see the class comment. */
  @Transactional
  public Message send(String contactId, String notice, Map<String, Object> values, LinkRequest link, String source) {
    Contact contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("No contact " + contactId));
    Message message = pending(source).orElseGet(() -> ownTransaction.execute(status -> {
      var model = model(values, contact.customerId());
      model.put("subject", contact.subject() == null ? "" : contact.subject());
      model.put("caseToken", CaseToken.of(contactId));
      if (link != null) {
        model.put("link", links.issue(contactId, link.purpose(), link.validity(), link.path()));
      }
      String language = templates.languageOf(notice, language(contact.language(), contact.customerId()));
      model.putAll(signature.of(contactId, customers.timeZone(contact.customerId()).orElse(null), language));
      Rendered rendered = templates.render(notice, language, model);
      // the agent signs: the e-mail's From shows their name, as for their replies; the author stays
      // "system" (a notice is no agent's reply)
      String signedBy = (String) model.getOrDefault(NoticeSignature.AGENT_NAME, shopName);
      Message recorded = Message.onContact(UUID.randomUUID().toString(), contactId, Direction.OUT,
          MessageKind.NOTICE, contact.channel(), "system", signedBy, ChannelDelivery.recipient(contact),
          ChannelDelivery.caseSubject(contact), text(rendered), MessageStatus.PENDING, clock.instant(), null,
          rendered.html(), source);
      messages.insert(recorded);
      return recorded;
    }));
    delivery.deliver(message, content(message), delivery.thread(contact));
    return message;
  }

  /**
   * A proactive notice to a customer outside any case (shipment news), in {@code channel} to
   * {@code recipient}, with the subject the template's {@code subject} value gives.
   */
  @Transactional
  public Message sendToCustomer(String customerId, Channel channel, String recipient, String subject,
      String notice, Map<String, Object> values, String source) {
    Message message = pending(source).orElseGet(() -> ownTransaction.execute(status -> {
      var model = model(values, customerId);
      Rendered rendered = templates.render(notice, language(null, customerId), model);
      Message recorded = new Message(UUID.randomUUID().toString(), null, customerId, Direction.OUT,
          MessageKind.NOTICE, channel, "system", shopName, recipient, EmailSender.oneLine(subject), text(rendered),
          MessageStatus.PENDING, clock.instant(), null, null, rendered.html(), source);
      messages.insert(recorded);
      return recorded;
    }));
    delivery.deliver(message, content(message), List.of());
    return message;
  }

  private java.util.Optional<Message> pending(String source) {
    return source == null ? java.util.Optional.empty() : messages.findPendingBySource(source);
  }

  private HashMap<String, Object> model(Map<String, Object> values, String customerId) {
    var model = new HashMap<String, Object>(values);
    model.put("customerName", customers.displayName(customerId, ""));
    model.put("shopName", shopName);
    return model;
  }

  private String language(String contactLanguage, String customerId) {
    return contactLanguage != null ? contactLanguage : customers.language(customerId);
  }

  private static String text(Rendered rendered) {
    return rendered.text() != null ? rendered.text() : rendered.html();
  }

  private static Rendered content(Message message) {
    return new Rendered(null, message.bodyHtml(), message.body());
  }
}
