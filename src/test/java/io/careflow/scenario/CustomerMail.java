package io.careflow.scenario;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The e-mails the mail server took for one customer's address, in the order it took them. */
final class CustomerMail {

  /** One e-mail as the customer reads it: sender (name and address), subject, plain text. */
  record Email(String from, String subject, String text) {

    String describe() {
      String line = text.strip().replaceAll("\\s+", " ");
      return "from " + from + ", subject \"" + subject + "\", \"" + (line.length() > 70 ? line.substring(0, 70) + "…"
          : line) + "\"";
    }
  }

  private CustomerMail() {}

  static List<Email> received(GreenMail mail, String address) {
    List<Email> emails = new ArrayList<>();
    try {
      for (MimeMessage message : mail.getReceivedMessages()) {
        if (addressedTo(message, address)) {
          emails.add(new Email(from(message), message.getSubject(), text(message)));
        }
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Cannot read the mail server's messages", e);
    }
    return emails;
  }

  private static boolean addressedTo(MimeMessage message, String address) throws MessagingException {
    Address[] recipients = message.getAllRecipients();
    if (recipients == null) {
      return false;
    }
    for (Address recipient : recipients) {
      if (recipient instanceof InternetAddress internet && address.equalsIgnoreCase(internet.getAddress())) {
        return true;
      }
    }
    return false;
  }

  private static String from(MimeMessage message) throws MessagingException {
    Address[] from = message.getFrom();
    if (from == null || from.length == 0) {
      return "";
    }
    return from[0] instanceof InternetAddress internet && internet.getPersonal() != null
        ? internet.getPersonal() + " <" + internet.getAddress() + ">" : from[0].toString();
  }

  /** The plain-text part (careflow sends text beside HTML), else whatever text there is. */
  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      String html = null;
      for (int i = 0; i < multipart.getCount(); i++) {
        Part child = multipart.getBodyPart(i);
        String text = text(child);
        if (text != null && !child.isMimeType("text/html")) {
          return text;
        }
        html = html == null ? text : html;
      }
      return html == null ? "" : html;
    }
    if (part.isMimeType("text/*")) {
      return String.valueOf(part.getContent());
    }
    return null;
  }
}
