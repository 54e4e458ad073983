package io.careflow.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A channel's webhook receiver for the test JVM (the way a shop's chat tool or social inbox
 * would take careflow's messages): records every request and answers with {@link #answer}.
 * Configured for the {@code chat}, {@code social} and {@code sms} channels by
 * {@link CareflowIntegrationTest} (a channel without a webhook has no way out: its messages end
 * in an incident, see {@code communication.UndeliveredReplyScenarios}).
 */
public final class TestWebhook {

  public static final String SECRET = "test-webhook-secret-of-32-chars!";

  /** One request as received, and the status it was answered with. */
  public record Request(String path, Map<String, List<String>> headers, byte[] body, int status) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The receiver took the message (2xx): what a chat tool shows the customer. */
    public boolean accepted() {
      return status / 100 == 2;
    }
  }

  private static final List<Request> RECEIVED = new CopyOnWriteArrayList<>();
  private static volatile int status = 200;
  private static final HttpServer SERVER = start();

  private static HttpServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int answer = status;
        RECEIVED.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body,
            answer));
        exchange.sendResponseHeaders(answer, -1);
        exchange.close();
      });
      server.setExecutor(Executors.newFixedThreadPool(2));
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String url(String channel) {
    return "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/" + channel;
  }

  /** From now on the receiver answers with this status (503: an outage). */
  public static void answer(int httpStatus) {
    status = httpStatus;
  }

  public static List<Request> received() {
    return List.copyOf(RECEIVED);
  }

  public static void reset() {
    RECEIVED.clear();
    status = 200;
  }

  private TestWebhook() {}
}
