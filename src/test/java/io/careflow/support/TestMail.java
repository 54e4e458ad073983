package io.careflow.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;

/** One GreenMail SMTP server for the test JVM, on a free port. */
public final class TestMail {

  public static final GreenMail SMTP = start();

  private static GreenMail start() {
    GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    mail.start();
    return mail;
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
