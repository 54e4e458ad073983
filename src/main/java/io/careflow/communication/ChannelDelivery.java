package io.careflow.communication;

import io.careflow.communication.EmailSender.Email;
import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Hands a recorded message to the channel the customer used (SPEC R1): e-mail (and web-form
 * contacts, which leave an address) through SMTP, threaded under the customer's message and
 * carrying the case token; SMS, phone and missed calls through the SMS webhook; social and
 * chat through theirs. Never tells the customer to switch channel.
 *
 * <p>Only what the channel took is delivered (SMTP accepted it, the webhook answered 2xx). A
 * message with no way out — the channel's webhook not configured or switched off, no address —
 * fails the sending step like a channel that is down: the step retries, and after its last
 * attempt the message is UNDELIVERED, an incident shows in Cockpit and the team leads are told
 * ({@link UndeliveredMessages}). The reply clock runs on meanwhile, since the step after sending
 * that stops it is not reached.
 */
@Component
public class ChannelDelivery {

  private final MessageRepository messages;
  private final EmailSender email;
  private final WebhookSender webhooks;
  private final ChannelsProperties channels;
  private final ContactEvents events;
  private final ContactRepository contacts;
  private final Clock clock;

  public ChannelDelivery(MessageRepository messages, EmailSender email, WebhookSender webhooks,
      ChannelsProperties channels, ContactEvents events, ContactRepository contacts, Clock clock) {
    this.contacts = contacts;
    this.messages = messages;
    this.email = email;
    this.webhooks = webhooks;
    this.channels = channels;
    this.events = events;
    this.clock = clock;
  }

  /** The webhook a channel's messages go to: {@code sms}, {@code social}, {@code chat}; null for e-mail. */
  static String webhookOf(Channel channel) {
    return switch (channel) {
      case EMAIL, WEB_FORM -> null;
      case SMS, PHONE, MISSED_CALL -> "sms";
      case SOCIAL -> "social";
      case CHAT -> "chat";
    };
  }

  /**
   * Sends a PENDING (or UNDELIVERED, when an incident is retried) message and marks it SENT. A
   * failure — the channel refused or is down, or there is no way out — throws, so the calling
   * step rolls back and retries; the message stays as it was. {@code content} is what goes out (HTML and text); {@code thread} the Message-IDs
   * an e-mail answers, oldest first (may be empty). The message's row is locked first and a message
   * no longer PENDING is not sent again.
   *
   * @return when the channel took the message
   * @throws NoWayOut when the channel has no webhook (or it is switched off) or the message no address
   */
  public Instant deliver(Message message, MessageTemplates.Rendered content, List<String> thread) {
    // a run of the same step that overlapped with this one (another cluster node) delivered it already
    Message current = messages.lockForDelivery(message.id()).orElse(message);
    if (!current.status().awaitsDelivery()) {
      return current.sentAt() != null ? current.sentAt() : clock.instant();
    }
    Instant now = clock.instant();
    String webhookName = webhookOf(message.channel());
    String how;
    String externalId = null;
    if (message.channel() == Channel.PHONE && message.contactId() != null
        && !contacts.textMessagesAllowed(message.contactId())) {
      // a PHONE customer is answered by a call (PhoneCalls); a text only with their consent
      throw new NoWayOut("the customer called and has not agreed to text messages (customer.textMessagesAllowed)");
    }
    if (webhookName == null && message.recipient() != null && message.recipient().contains("@")) {
      externalId = email.send(new Email(message.id(), message.authorName(), message.recipient(), message.subject(),
          content.html(), content.text(), thread));
      how = "e-mailed to " + message.recipient();
    } else if (webhookName != null && channels.of(webhookName) != null && message.recipient() != null) {
      webhooks.send(channels.of(webhookName), message, content.text() != null ? content.text() : message.body());
      how = "sent to " + message.recipient() + " through the " + webhookName + " webhook";
    } else {
      throw new NoWayOut(message.recipient() == null ? "no address of the customer in the "
          + message.channel() + " channel"
          : webhookName == null ? "no e-mail address to write to"
          : "the " + webhookName + " webhook is not configured or switched off (careflow.channels." + webhookName
              + ")");
    }
    messages.markDelivered(message.id(), MessageStatus.SENT, now, externalId);
    if (message.contactId() != null) {
      events.record(message.contactId(), ContactEvents.MESSAGE_SENT, message.author(),
          message.kind().name().toLowerCase(Locale.ROOT) + " " + how);
    }
    return now;
  }

  /** The message cannot leave at all: the sending step fails and retries like a channel that is down. */
  public static final class NoWayOut extends IllegalStateException {
    NoWayOut(String reason) {
      super("Cannot deliver: " + reason);
    }
  }

  /**
   * The e-mail thread of a case: the customer's first e-mail, then every Message-ID on the
   * case oldest first — ending with the customer's newest, which the answer replies to.
   */
  List<String> thread(Contact contact) {
    var ids = new ArrayList<String>();
    if (contact.channel() == Channel.EMAIL && contact.externalId() != null) {
      ids.add(contact.externalId());
    }
    String newestInbound = null;
    for (Message m : messages.withExternalIds(contact.id())) {
      ids.add(m.externalId());
      if (m.direction() == Message.Direction.IN) {
        newestInbound = m.externalId();
      }
    }
    if (newestInbound != null) {
      ids.remove(newestInbound);
      ids.add(newestInbound);
    }
    return ids;
  }

  /**
   * Where the customer is reached in the channel of the contact: a chat or social contact
   * goes back to the handle it came from (SPEC R1), else to an address the customer gave.
   */
  static String recipient(Contact contact) {
    if ((contact.channel() == Channel.CHAT || contact.channel() == Channel.SOCIAL)
        && contact.customerHandle() != null) {
      return contact.customerHandle();
    }
    return recipient(contact.channel(), contact.customerEmail(), contact.customerPhone());
  }

  static String recipient(Channel channel, String email, String phone) {
    return switch (channel) {
      case EMAIL, WEB_FORM -> email != null ? email : phone;
      case PHONE, MISSED_CALL, SMS -> phone;
      default -> email != null ? email : phone;
    };
  }

  /** "Re: <subject> [#CF-1A2B3C4D]": the token finds the case when the customer answers. */
  static String caseSubject(Contact contact) {
    String subject = CaseToken.strip(EmailSender.oneLine(contact.subject()));
    if (subject.isBlank()) {
      subject = "your message";
    }
    String re = subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
    return re + " " + CaseToken.of(contact.id());
  }
}
