package io.careflow.demo.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's in-process mail server (GreenMail): careflow's e-mail goes to it over SMTP, and
 * careflow reads the support mailbox from it over IMAP, as from a real mail server. Only in the
 * {@code demo} profile and only when no SMTP server is configured ({@link EmbeddedMailCondition});
 * then it is a Spring bean, started before anything sends or reads mail.
 *
 * <p>For the demo's "customer's side":
 * <ul>
 *   <li>{@link #receivedBy(String)} — the e-mails an address received, oldest first (every
 *       address has a mailbox: it is made when the first e-mail to it arrives);</li>
 *   <li>{@link #supportAddress()}, {@link #smtpHost()}, {@link #smtpPort()} — to write as a
 *       customer, send an e-mail to the support address through this SMTP server (no login);
 *       careflow's mailbox poller picks it up within {@code careflow.demo.mail.poll-interval}.</li>
 * </ul>
 */
public class DemoMailServer {

  static final String HOST = "127.0.0.1";
  private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);

  private final GreenMail greenMail;
  private final String supportAddress;
  private final String supportPassword;

  DemoMailServer(DemoMailProperties properties, String supportAddress) {
    this.supportAddress = supportAddress;
    this.supportPassword = properties.supportPassword();
    this.greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(portOrFree(properties.smtpPort()), HOST, ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(portOrFree(properties.imapPort()), HOST, ServerSetup.PROTOCOL_IMAP)})
        .withConfiguration(GreenMailConfiguration.aConfig()
            .withUser(supportAddress, supportAddress, supportPassword));
  }

  void start() {
    greenMail.start();
    LOG.info("Demo mail server (no SMTP server configured): SMTP {}:{}, support mailbox imap://{}:{} (user {}, "
        + "password {}); careflow.demo.mail.* sets the ports", HOST, smtpPort(), HOST, imapPort(), supportAddress,
        supportPassword);
  }

  void stop() {
    greenMail.stop();
  }

  /** The e-mails that reached this address's mailbox, oldest first; empty for an address nobody wrote to. */
  public List<MimeMessage> receivedBy(String address) {
    String wanted = address.strip().toLowerCase(Locale.ROOT);
    return greenMail.findReceivedMessages(user -> user.getEmail().toLowerCase(Locale.ROOT).equals(wanted),
        message -> true).toList();
  }

  /** The shop's support mailbox ({@code careflow.mail.from}): where customers' e-mails go. */
  public String supportAddress() {
    return supportAddress;
  }

  /** The host careflow and the demo's customers send e-mail to. */
  public String smtpHost() {
    return HOST;
  }

  /** The SMTP port careflow and the demo's customers send e-mail to (no login needed). */
  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  /** The IMAP port of the support mailbox (login {@link #supportAddress()}). */
  public int imapPort() {
    return greenMail.getImap().getPort();
  }

  String supportPassword() {
    return supportPassword;
  }

  private static int portOrFree(int port) {
    if (port > 0) {
      return port;
    }
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the demo mail server", e);
    }
  }
}
