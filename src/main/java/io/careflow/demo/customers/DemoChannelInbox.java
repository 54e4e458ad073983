package io.careflow.demo.customers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What the demo's chat, SMS and social receivers took, as the customer's phone or chat window
 * would show it: the text as delivered, by careflow's message id. Kept in memory (the newest
 * {@value #KEPT}): the receiver answers while careflow's sending step still holds the message's
 * row, so it must not touch careflow's tables.
 */
@Component
@Profile("demo")
public class DemoChannelInbox {

  static final int KEPT = 5_000;

  /** One message a demo channel took. */
  public record Delivered(String messageId, String channel, String to, String text, Instant at) {}

  private final Map<String, Delivered> byMessageId = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Delivered> eldest) {
      return size() > KEPT;
    }
  };

  synchronized void record(Delivered delivered) {
    // a retry of the same message (same X-Careflow-Message-Id) is the same delivery
    byMessageId.putIfAbsent(delivered.messageId(), delivered);
  }

  public synchronized Optional<Delivered> of(String messageId) {
    return Optional.ofNullable(byMessageId.get(messageId));
  }

  public synchronized int size() {
    return byMessageId.size();
  }
}
