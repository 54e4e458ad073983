package io.careflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A channel integration as a shop would write one: pushes a contact to {@code POST /api/contacts}
 * and, when careflow does not answer 2xx (connection refused or cut, 5xx, timeout), tries again
 * with the same body — the same {@code externalId} — until it gets 2xx. careflow answers a
 * repeated contact with 200 and the first one; the client keeps the contact id it got.
 */
public final class IntakeClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Supplier<String> baseUrl;
  private final String authorization;
  private final Duration giveUpAfter;

  /** Failed attempts of all pushes: connection errors, 5xx and timeouts. */
  public final AtomicInteger failedAttempts = new AtomicInteger();

  public IntakeClient(Supplier<String> baseUrl, String user, String password, Duration giveUpAfter) {
    this.baseUrl = baseUrl;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.giveUpAfter = giveUpAfter;
  }

  /** The answer that ended the retries: status 2xx with the contact's id (or the refusal). */
  public record Pushed(String externalId, int status, String contactId, int attempts, String lastFailure) {
    public boolean acknowledged() {
      return status / 100 == 2;
    }
  }

  public Pushed push(String path, Map<String, Object> contact) {
    String externalId = String.valueOf(contact.get("externalId"));
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(contact);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Instant deadline = Instant.now().plus(giveUpAfter);
    int attempts = 0;
    String failure = null;
    while (Instant.now().isBefore(deadline)) {
      attempts++;
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          JsonNode json = JSON.readTree(response.body());
          return new Pushed(externalId, response.statusCode(), json.get("id").asText(), attempts, failure);
        }
        if (response.statusCode() / 100 == 4) {
          // refused for good: retrying the same body cannot help
          return new Pushed(externalId, response.statusCode(), null, attempts, response.body());
        }
        failure = "HTTP " + response.statusCode();
      } catch (IOException e) {
        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Pushed(externalId, -1, null, attempts, "interrupted");
      }
      failedAttempts.incrementAndGet();
      CareflowNode.pause(RETRY_PAUSE);
    }
    return new Pushed(externalId, -1, null, attempts, "gave up after " + giveUpAfter + ": " + failure);
  }
}
