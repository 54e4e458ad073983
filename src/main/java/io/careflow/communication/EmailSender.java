package io.careflow.communication;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail through SMTP (Spring Mail). The sender shows the agent's own name with the
 * shop's address (SPEC R1: personal, not anonymous); replies thread under the customer's
 * messages (In-Reply-To / References). Names, subjects and message ids are stripped of line
 * breaks, so no header can be injected.
 */
@Component
public class EmailSender {

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");

  private final JavaMailSender mailSender;
  private final String fromAddress;

  public EmailSender(JavaMailSender mailSender, @Value("${careflow.mail.from}") String fromAddress) {
    this.mailSender = mailSender;
    this.fromAddress = fromAddress;
  }

  /**
   * One e-mail. {@code id} (careflow's message id) makes the Message-ID, so a send repeated
   * after a lost commit carries the same Message-ID and mail programs show it once.
   * {@code inReplyTo} and {@code references} are Message-IDs of the thread, may be empty.
   */
  public record Email(String id, String fromName, String to, String subject, String html, String text,
      List<String> thread) {}

  /** Sends the e-mail; returns its Message-ID. */
  public String send(Email email) {
    String messageId = "<" + email.id() + "@" + fromAddress.substring(fromAddress.indexOf('@') + 1) + ">";
    try {
      MimeMessage mime = mailSender.createMimeMessage();
      var helper = new MimeMessageHelper(mime, true, "UTF-8");
      helper.setFrom(new InternetAddress(fromAddress, oneLine(email.fromName()), "UTF-8"));
      helper.setTo(new InternetAddress(email.to(), true));
      helper.setSubject(oneLine(email.subject()));
      if (email.html() == null) {
        helper.setText(email.text(), false);
      } else if (email.text() != null) {
        helper.setText(email.text(), email.html());
      } else {
        helper.setText(email.html(), true);
      }
      mime.setHeader("Message-ID", messageId);
      List<String> thread = email.thread() == null ? List.of()
          : email.thread().stream().filter(id -> id != null && MESSAGE_ID.matcher(id).matches()).distinct().toList();
      if (!thread.isEmpty()) {
        // In-Reply-To: the message answered (the newest); References: the thread, oldest first
        mime.setHeader("In-Reply-To", thread.get(thread.size() - 1));
        mime.setHeader("References", String.join(" ", thread));
      }
      mailSender.send(mime);
      return messageId;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailPreparationException(e);
    }
  }

  static String oneLine(String value) {
    return value == null ? "" : value.replaceAll("[\\r\\n\\u2028\\u2029\\u0085]+", " ").strip();
  }

  static final class MailPreparationException extends MailException {
    MailPreparationException(Exception cause) {
      super("Cannot prepare the e-mail: " + cause.getMessage(), cause);
    }
  }
}
