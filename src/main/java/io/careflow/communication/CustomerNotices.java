package io.careflow.communication;

import io.careflow.communication.Message.Direction;
import io.careflow.contact.Contact;
import io.careflow.contact.ContactRepository;
import io.careflow.customer.CustomerHistory;
import io.careflow.system.NotFoundException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages careflow sends on its own — acknowledgements, links to the customer's forms,
 * progress of a replacement or return — rendered from {@code templates/mail/<notice>_<lang>},
 * kept on the contact and delivered in the customer's channel. They are NOTICEs: they do not
 * count as the first reply of an agent.
 */
@Service
public class CustomerNotices {

  private final MessageRepository messages;
  private final ContactRepository contacts;
  private final CustomerHistory customers;
  private final MessageTemplates templates;
  private final ChannelDelivery delivery;
  private final Clock clock;
  private final String shopName;

  public CustomerNotices(MessageRepository messages, ContactRepository contacts, CustomerHistory customers,
      MessageTemplates templates, ChannelDelivery delivery, Clock clock,
      @Value("${careflow.mail.shop-name}") String shopName) {
    this.messages = messages;
    this.contacts = contacts;
    this.customers = customers;
    this.templates = templates;
    this.delivery = delivery;
    this.clock = clock;
    this.shopName = shopName;
  }

  /**
   * Renders the notice with the case's values (and {@code values}: e.g. a link, a decision)
   * and delivers it. Runs inside an asynchronous step: a failure rolls the message back and
   * the step retries, so a notice is recorded once it has left.
   */
  @Transactional
  public Message send(String contactId, String notice, Map<String, Object> values) {
    Contact contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("No contact " + contactId));
    var model = new HashMap<String, Object>(values);
    model.put("customerName", customers.displayName(contact.customerId(), ""));
    model.put("subject", contact.subject() == null ? "" : contact.subject());
    model.put("shopName", shopName);
    MessageTemplates.Rendered rendered = templates.render(notice, contact.language(), model);
    var message = new Message(UUID.randomUUID().toString(), contactId, Direction.OUT, MessageKind.NOTICE,
        contact.channel(), "system", shopName, ChannelDelivery.recipient(contact),
        ChannelDelivery.replySubject(contact.subject()), rendered.text() != null ? rendered.text() : rendered.html(),
        MessageStatus.PENDING, clock.instant(), null, null);
    messages.insert(message);
    delivery.deliver(message, contact, rendered, shopName);
    return message;
  }
}
