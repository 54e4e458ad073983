package io.careflow.demo.customers;

import io.careflow.communication.CaseToken;
import io.careflow.communication.CustomerMessage;
import io.careflow.communication.CustomerReplies;
import io.careflow.communication.OutsideFailures;
import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.contact.ContactIntakeService;
import io.careflow.casefile.ContactRepository;
import io.careflow.casefile.ContactStatus;
import io.careflow.contact.NewContact;
import io.careflow.system.InvalidRequestException;
import io.careflow.system.NotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * "Answer as the customer": the answer travels the way a real customer's would.
 * <ul>
 *   <li>chat, SMS, social (and texts to a phone customer): as the chat tool hands it in — the
 *       service behind {@code POST /api/contacts/{id}/messages}, with its checks (empty and
 *       oversized texts refused, the field named), acting as the {@code intake} integration;
 *       a case that already ended gets a new contact through the intake, as a chat tool pushes a
 *       customer who writes again after the conversation closed;</li>
 *   <li>e-mail: an e-mail from the customer's address to the support mailbox, by SMTP, answering
 *       careflow's message ({@code In-Reply-To} its Message-ID) with the case token in the
 *       subject; careflow's mailbox poller reads it as it reads every e-mail (a finished case
 *       then opens a new contact, an overlong text is shortened).</li>
 * </ul>
 */
@Service
@Profile("demo")
public class CustomerAnswers {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerAnswers.class);

  /** The integration the demo's chat tool acts as (API.md: pushes contacts and messages). */
  static final String CHANNEL_USER = "intake";

  private final DeliveredMessages delivered;
  private final ContactRepository contacts;
  private final CustomerReplies replies;
  private final ContactIntakeService intake;
  private final JavaMailSender smtp;
  private final String supportAddress;

  public CustomerAnswers(DeliveredMessages delivered, ContactRepository contacts, CustomerReplies replies,
      ContactIntakeService intake, JavaMailSender smtp,
      @Value("${careflow.mail.inbound.username:${careflow.mail.from}}") String supportAddress) {
    this.delivered = delivered;
    this.contacts = contacts;
    this.replies = replies;
    this.intake = intake;
    this.smtp = smtp;
    this.supportAddress = supportAddress;
  }

  /** How the answer went: by e-mail (then careflow reads it on its next mailbox poll) or into the case. */
  public record Answered(String contactId, boolean byEmail, boolean newContact, boolean resumedCase) {}

  /**
   * The customer answers careflow's message {@code messageId} with {@code text}.
   *
   * @throws InvalidRequestException naming {@code body} when the channel refuses the text
   */
  public Answered answer(String messageId, String text) {
    DeliveredMessages.Delivered message = delivered.find(messageId)
        .orElseThrow(() -> new NotFoundException("No delivered message " + messageId));
    Contact contact = contacts.find(message.contactId())
        .orElseThrow(() -> new NotFoundException("No contact " + message.contactId()));
    if (isEmail(message)) {
      if (text == null || text.isBlank()) {
        throw InvalidRequestException.of("body", "is required");
      }
      email(message, contact, text);
      return new Answered(contact.id(), true, false, false);
    }
    if (contact.status() == ContactStatus.OPEN || contact.status() == ContactStatus.WAITING_FOR_CUSTOMER) {
      var received = replies.receive(contact.id(), new CustomerMessage(text, "demo-" + UUID.randomUUID()),
          CHANNEL_USER);
      return new Answered(contact.id(), false, false, received.resumedCase());
    }
    // the case ended: the customer writing again is a new contact in the same channel
    Channel channel = switch (message.channel()) {
      case CHAT, SOCIAL, SMS -> message.channel();
      default -> Channel.SMS;
    };
    String handle = channel == Channel.SMS ? null : contact.customerHandle();
    var created = intake.receive(new NewContact(channel.name(), "demo-" + UUID.randomUUID(), null,
        new NewContact.CustomerDetails(contact.customerEmail(), contact.customerPhone(), message.customerName(),
            contact.language(), null, handle), null, text, null, contact.orderId(), contact.productSku()),
        CHANNEL_USER);
    return new Answered(created.contact().id(), false, true, false);
  }

  /** The SMTP server refused or could not be reached: nothing was sent. */
  public static final class MailServerDown extends RuntimeException {
    MailServerDown(String message) {
      super(message);
    }
  }

  static boolean isEmail(DeliveredMessages.Delivered message) {
    return (message.channel() == Channel.EMAIL || message.channel() == Channel.WEB_FORM)
        && message.recipient() != null && message.recipient().contains("@");
  }

  private void email(DeliveredMessages.Delivered message, Contact contact, String text) {
    try {
      MimeMessage mime = smtp.createMimeMessage();
      mime.setFrom(new InternetAddress(message.recipient(), message.customerName(), "UTF-8"));
      mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(supportAddress));
      String subject = message.subject() == null || message.subject().isBlank() ? "Re: your message"
          : message.subject().regionMatches(true, 0, "Re:", 0, 3) ? message.subject() : "Re: " + message.subject();
      if (CaseToken.prefixIn(subject).isEmpty()) {
        subject = subject + " " + CaseToken.of(contact.id());
      }
      mime.setSubject(subject, "UTF-8");
      mime.setText(text, "UTF-8");
      if (message.externalId() != null) {
        mime.setHeader("In-Reply-To", message.externalId());
        mime.setHeader("References", message.externalId());
      }
      smtp.send(mime);
    } catch (MailException e) {
      // an outside failure, not a bug: the page says so, the log has one line
      String cause = OutsideFailures.describe(e);
      LOG.warn("Demo: the mail server did not take {}'s answer to case {} ({}); nothing was sent, the page asks "
          + "to try again", message.recipient(), contact.id(), cause);
      throw new MailServerDown("The mail server did not take the e-mail (" + cause
          + "). Nothing was sent: try again when it is up.");
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException("Cannot write the customer's e-mail: " + e.getMessage(), e);
    }
  }
}
