package io.careflow.mailbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The support mailbox careflow reads ({@code careflow.mail.inbound.*}); off unless
 * {@code host} is set. {@code protocol} is {@code imaps} (TLS) or {@code imap}.
 */
@ConfigurationProperties("careflow.mail.inbound")
public record MailboxProperties(
    String host,
    @DefaultValue("993") int port,
    @DefaultValue("imaps") String protocol,
    String username,
    String password,
    @DefaultValue("INBOX") String folder,
    @DefaultValue("PT30S") Duration pollInterval,
    @DefaultValue("50") int maxPerPoll) {

  public MailboxProperties {
    if (!"imap".equals(protocol) && !"imaps".equals(protocol)) {
      throw new IllegalArgumentException("careflow.mail.inbound.protocol must be imap or imaps, not " + protocol);
    }
  }
}
