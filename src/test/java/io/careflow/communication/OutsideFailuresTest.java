package io.careflow.communication;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** Which failures careflow expects from outside, and the one line it says about each. */
class OutsideFailuresTest {

  @Test
  void shouldSayAMailServerOutageInOneLineWithItsCause() {
    var refused = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 1025; timeout 5000",
        new ConnectException("Connection refused"));
    var failure = new RuntimeException("wrapped by the engine", new MailSendException("Mail server connection failed",
        refused));

    String line = OutsideFailures.describe(failure);

    assertThat(line).doesNotContain("\n", "\t").startsWith("Mail server connection failed")
        .contains("Connection refused");
    assertThat(OutsideFailures.expected(failure)).isTrue();
  }

  @Test
  void shouldExpectRefusingWebhooksAndMessagesWithNoWayOut() {
    assertThat(OutsideFailures.describe(new WebhookSender.WebhookFailed("Webhook http://chat/ answered 503", null)))
        .isEqualTo("Webhook http://chat/ answered 503");
    assertThat(OutsideFailures.describe(new ChannelDelivery.NoWayOut("no e-mail address to write to")))
        .isEqualTo("Cannot deliver: no e-mail address to write to");
  }

  @Test
  void shouldLeaveCareflowsOwnDefectsUnexpected() {
    assertThat(OutsideFailures.expected(new IllegalStateException("a bug"))).isFalse();
    assertThat(OutsideFailures.describe(new NullPointerException())).isNull();
    // an e-mail careflow could not build is not the mail server's fault
    assertThat(OutsideFailures.expected(new EmailSender.MailPreparationException(new MessagingException("bad"))))
        .isFalse();
  }
}
