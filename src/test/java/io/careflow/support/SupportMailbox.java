package io.careflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.StoredMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** Customers' e-mails into the support mailbox (GreenMail IMAP), and what careflow sent them (SMTP). */
public final class SupportMailbox {

  private SupportMailbox() {}

  /** A file a customer attaches. */
  public record File(String name, String mediaType, byte[] content) {}

  public static MimeMessage mail(String from, String name, String subject, String text) throws Exception {
    MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()));
    mime.setFrom(new InternetAddress(from, name, "UTF-8"));
    mime.setRecipients(jakarta.mail.Message.RecipientType.TO, TestMail.SUPPORT);
    mime.setSubject(subject, "UTF-8");
    mime.setText(text, "UTF-8");
    return mime;
  }

  /** An e-mail with a text part and the files attached. */
  public static MimeMessage mail(String from, String name, String subject, String text, File... files)
      throws Exception {
    MimeMessage mime = mail(from, name, subject, text);
    var multipart = new MimeMultipart("mixed");
    var body = new MimeBodyPart();
    body.setText(text, "UTF-8");
    multipart.addBodyPart(body);
    for (File file : files) {
      var part = new MimeBodyPart();
      part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.mediaType())));
      part.setFileName(file.name());
      multipart.addBodyPart(part);
    }
    mime.setContent(multipart);
    return mime;
  }

  public static String deliver(MimeMessage mime) throws Exception {
    return deliver(mime, "<" + UUID.randomUUID() + "@mail.example>");
  }

  /** Puts the e-mail into the support mailbox with that Message-ID. */
  public static String deliver(MimeMessage mime, String messageId) throws Exception {
    mime.saveChanges();
    mime.setHeader("Message-ID", messageId);
    TestMail.SMTP.getUserManager().getUser(TestMail.SUPPORT).deliver(mime);
    return messageId;
  }

  public static List<StoredMessage> supportInbox() throws Exception {
    var user = TestMail.SMTP.getUserManager().getUser(TestMail.SUPPORT);
    return TestMail.SMTP.getManagers().getImapHostManager().getInbox(user).getMessages();
  }

  /** The newest e-mail careflow sent to the customer's domain. */
  public static MimeMessage receivedBy(String email) {
    MimeMessage[] received = TestMail.SMTP.getReceivedMessagesForDomain(domain(email));
    assertThat(received).isNotEmpty();
    return received[received.length - 1];
  }

  public static String domain(String email) {
    return email.substring(email.indexOf('@') + 1);
  }
}
