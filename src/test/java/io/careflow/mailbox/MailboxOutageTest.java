package io.careflow.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** A support mailbox that cannot be reached is one WARN line per poll: the cause and the next poll, no stack trace. */
class MailboxOutageTest {

  @Test
  void shouldSayInOneWarnLineThatTheMailboxIsUnreachableAndWhenItPollsAgain() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var mailbox = new MailboxProperties("127.0.0.1", closedPort, "imap", "support@shop.example", "secret", "INBOX",
        Duration.ofSeconds(30), 50);
    var poller = new MailboxPoller(mailbox, null, new DefaultListableBeanFactory());
    Logger log = (Logger) LoggerFactory.getLogger(MailboxPoller.class);
    var events = new ListAppender<ILoggingEvent>();
    events.start();
    log.addAppender(events);
    try {
      assertThat(poller.pollOnce()).isEmpty();
    } finally {
      log.detachAppender(events);
      poller.stop();
    }

    assertThat(events.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getThrowableProxy()).isNull();
      assertThat(event.getFormattedMessage())
          .startsWith("Support mailbox imap://127.0.0.1:" + closedPort + " not readable: ")
          .contains("Connection refused").endsWith("Next poll in 30 s.").doesNotContain("\n");
    });
  }
}
