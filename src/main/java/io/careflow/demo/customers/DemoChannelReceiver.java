package io.careflow.demo.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.communication.ChannelsProperties;
import io.careflow.communication.WebhookSender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's chat tool, SMS gateway and social inbox: {@code POST /demo/channels/{chat|sms|social}}
 * is where application-demo.yaml points careflow's channel webhooks. Like a real receiver it
 * recomputes the HMAC-SHA256 of the exact body with the channel's shared secret and refuses a
 * request whose {@code X-Careflow-Signature} does not match (401) — so a message counts as
 * delivered only when it went the whole webhook way. What it takes feeds {@code /demo/customers}.
 */
@RestController
@Profile("demo")
public class DemoChannelReceiver {

  private final ChannelsProperties channels;
  private final DemoChannelInbox inbox;
  private final ObjectMapper json;
  private final Clock clock;

  public DemoChannelReceiver(ChannelsProperties channels, DemoChannelInbox inbox, ObjectMapper json, Clock clock) {
    this.channels = channels;
    this.inbox = inbox;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping("/demo/channels/{channel}")
  public ResponseEntity<?> receive(@PathVariable String channel,
      @RequestHeader(name = WebhookSender.SIGNATURE, required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    ChannelsProperties.Webhook webhook = switch (channel) {
      case "chat" -> channels.chat();
      case "sms" -> channels.sms();
      case "social" -> channels.social();
      default -> null;
    };
    if (webhook == null || webhook.secret() == null) {
      return problem(HttpStatus.NOT_FOUND, "No demo channel " + channel);
    }
    byte[] bytes = body == null ? new byte[0] : body;
    String expected = "sha256=" + WebhookSender.sign(webhook.secret(), bytes);
    if (signature == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        signature.trim().getBytes(StandardCharsets.US_ASCII))) {
      return problem(HttpStatus.UNAUTHORIZED, "The X-Careflow-Signature does not match the body");
    }
    JsonNode message;
    try {
      message = json.readTree(bytes);
    } catch (IOException e) {
      return problem(HttpStatus.BAD_REQUEST, "The body is not JSON");
    }
    if (message == null || !message.hasNonNull("messageId")) {
      return problem(HttpStatus.BAD_REQUEST, "The body names no messageId");
    }
    inbox.record(new DemoChannelInbox.Delivered(message.get("messageId").asText(), channel,
        message.path("to").asText(null), message.path("text").asText(""), clock.instant()));
    return ResponseEntity.ok().build();
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
