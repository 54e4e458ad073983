package io.careflow.communication;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Hands a message to a channel's webhook: a JSON body, signed with HMAC-SHA256 over the exact
 * bytes ({@code X-Careflow-Signature: sha256=<hex>}), with the message id as idempotency key
 * ({@code X-Careflow-Message-Id}) so a receiver can drop a retry it already took. Anything but
 * 2xx within the timeout is a failure: the sending step retries, then raises an incident.
 */
@Component
public class WebhookSender {

  public static final String SIGNATURE = "X-Careflow-Signature";
  public static final String MESSAGE_ID = "X-Careflow-Message-Id";

  private final HttpClient http = HttpClient.newBuilder().build();
  private final ObjectMapper json;

  public WebhookSender(ObjectMapper json) {
    this.json = json;
  }

  public void send(ChannelsProperties.Webhook webhook, Message message, String text) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messageId", message.id());
    body.put("contactId", message.contactId());
    body.put("customerId", message.customerId());
    body.put("channel", message.channel().name());
    body.put("to", message.recipient());
    body.put("kind", message.kind().name());
    body.put("from", message.authorName());
    body.put("text", text);
    try {
      byte[] bytes = json.writeValueAsBytes(body);
      HttpRequest request = HttpRequest.newBuilder(webhook.url())
          .timeout(webhook.timeout())
          .header("Content-Type", "application/json")
          .header(MESSAGE_ID, message.id())
          .header(SIGNATURE, "sha256=" + sign(webhook.secret(), bytes))
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
          .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new WebhookFailed("Webhook " + webhook.url() + " answered " + response.statusCode(), null);
      }
    } catch (IOException e) {
      throw new WebhookFailed("Webhook " + webhook.url() + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + webhook.url(), e);
    }
  }

  /** HMAC-SHA256 of the body with the channel's secret, hex-encoded (what the receiver recomputes). */
  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec((secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The channel's webhook did not take the message: it refused (not 2xx), timed out or was unreachable. */
  public static final class WebhookFailed extends IllegalStateException {
    WebhookFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
