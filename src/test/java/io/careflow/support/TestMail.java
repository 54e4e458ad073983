package io.careflow.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * One GreenMail server for the test JVM, on free ports: SMTP (careflow's outbound mail lands in
 * the recipients' mailboxes) and IMAP (the support mailbox careflow reads).
 */
public final class TestMail {

  /** The shop's support mailbox, as configured by {@link CareflowIntegrationTest}. */
  public static final String SUPPORT = "support@shop.example";
  public static final String SUPPORT_PASSWORD = "support-mailbox-secret";

  public static final GreenMail SMTP = start();

  private static GreenMail start() {
    GreenMail mail = new GreenMail(new ServerSetup[] {
        new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication()
            .withUser(SUPPORT, SUPPORT, SUPPORT_PASSWORD));
    mail.start();
    return mail;
  }

  public static int imapPort() {
    return SMTP.getImap().getPort();
  }

  public static int port() {
    return SMTP.getSmtp().getPort();
  }

  static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private TestMail() {}
}
