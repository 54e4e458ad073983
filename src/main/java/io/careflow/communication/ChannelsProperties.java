package io.careflow.communication;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The webhooks a shop plugs its SMS gateway, social inbox and chat tool into
 * ({@code careflow.channels.<sms|social|chat>.url / .secret / .timeout / .enabled}). A channel
 * without a URL, or switched off ({@code enabled: false}), has no way out: its messages are not
 * delivered — the sending step ends in an incident and the team leads are told.
 */
@ConfigurationProperties("careflow.channels")
public record ChannelsProperties(@DefaultValue Webhook sms, @DefaultValue Webhook social, @DefaultValue Webhook chat) {

  /** Where to POST, the shared secret of the HMAC-SHA256 signature, and how long to wait. */
  public record Webhook(URI url, String secret, @DefaultValue("PT10S") Duration timeout,
      @DefaultValue("true") boolean enabled) {
    public Webhook {
      if (url != null && (secret == null || secret.length() < 16)) {
        throw new IllegalArgumentException("A channel webhook (" + url + ") needs a secret of at least 16 characters "
            + "to sign its requests: set careflow.channels.<channel>.secret");
      }
    }
  }

  /** The configured webhook of {@code sms}, {@code social} or {@code chat}; null when it has no URL or is off. */
  public Webhook of(String channel) {
    Webhook webhook = switch (channel) {
      case "sms" -> sms;
      case "social" -> social;
      case "chat" -> chat;
      default -> null;
    };
    return webhook == null || webhook.url() == null || !webhook.enabled() ? null : webhook;
  }
}
