package io.careflow.communication;

import io.careflow.communication.EmailSender.Email;
import io.careflow.contact.Channel;
import io.careflow.contact.Contact;
import io.careflow.contact.ContactEvents;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Hands a recorded message to the channel the customer used (SPEC R1): e-mail through SMTP,
 * threaded under the customer's message; for channels careflow has no adapter for yet the
 * message stays on the contact (STORED). Never tells the customer to switch channel.
 */
@Component
public class ChannelDelivery {

  private final MessageRepository messages;
  private final EmailSender email;
  private final ContactEvents events;
  private final Clock clock;

  public ChannelDelivery(MessageRepository messages, EmailSender email, ContactEvents events, Clock clock) {
    this.messages = messages;
    this.email = email;
    this.events = events;
    this.clock = clock;
  }

  /** @return when the message left (or was stored) */
  public Instant deliver(Message message, Contact contact, MessageTemplates.Rendered rendered, String fromName) {
    Instant now = clock.instant();
    if (message.channel() == Channel.EMAIL) {
      String externalId = email.send(new Email(fromName, message.recipient(), message.subject(), rendered.html(),
          rendered.text(), contact.externalId()));
      messages.markDelivered(message.id(), MessageStatus.SENT, now, externalId);
      events.record(contact.id(), ContactEvents.MESSAGE_SENT, message.author(),
          message.kind().name().toLowerCase() + " e-mailed to " + message.recipient() + " in " + rendered.language());
    } else {
      messages.markDelivered(message.id(), MessageStatus.STORED, now, null);
      events.record(contact.id(), ContactEvents.MESSAGE_STORED, message.author(),
          message.channel() + " " + message.kind().name().toLowerCase() + " kept on the contact");
    }
    return now;
  }

  static String recipient(Contact contact) {
    return switch (contact.channel()) {
      case EMAIL -> contact.customerEmail();
      case PHONE, MISSED_CALL, SMS -> contact.customerPhone();
      default -> contact.customerEmail() != null ? contact.customerEmail() : contact.customerPhone();
    };
  }

  static String replySubject(String subject) {
    if (subject == null || subject.isBlank()) {
      return "Re: your message";
    }
    return subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
  }
}
