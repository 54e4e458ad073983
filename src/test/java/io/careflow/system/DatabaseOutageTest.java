package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careflow.CareflowApplication;
import io.careflow.support.OwnCareflow;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * PostgreSQL stops under a running careflow and starts again: readiness goes DOWN within
 * seconds (a load balancer stops sending), health answers at once, a push is refused at once
 * with 503 problem+json, and when the database is back careflow serves again — no restart.
 */
@Tag(OwnCareflow.TAG)
class DatabaseOutageTest {

  private static final String INTAKE_PASSWORD = "Mail-Relay-Secret-2026!";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path data;

  private EmbeddedPostgres postgres(int port) throws Exception {
    return EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(false)
        .setPort(port).start();
  }

  @Test
  void shouldGoDownAtOnceAndComeBackWithoutARestartWhenTheDatabaseDoes() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    EmbeddedPostgres database = postgres(port);
    try (var careflow = new SpringApplicationBuilder(CareflowApplication.class).run("--server.port=0",
        "--spring.profiles.active=postgres", "--camunda.bpm.job-execution.enabled=false",
        "--CAREFLOW_DB_URL=" + database.getJdbcUrl("postgres", "postgres"),
        "--CAREFLOW_DB_USER=postgres", "--CAREFLOW_DB_PASSWORD=postgres",
        "--CAREFLOW_ADMIN_USER=admin", "--CAREFLOW_ADMIN_PASSWORD=Correct-horse-battery-7",
        "--CAREFLOW_LINK_SECRET=" + "s".repeat(40))) {
      String base = "http://localhost:" + ((WebServerApplicationContext) careflow).getWebServer().getPort();
      IdentityService identity = careflow.getBean(ProcessEngine.class).getIdentityService();
      User intake = identity.newUser("gateway");
      intake.setPassword(INTAKE_PASSWORD);
      identity.saveUser(intake);
      identity.createMembership("gateway", Groups.INTEGRATIONS);
      assertThat(get(base, "/actuator/health/readiness").statusCode()).isEqualTo(200);
      assertThat(push(base, "before").statusCode()).isEqualTo(201);

      database.close();

      long stopped = System.nanoTime();
      await("readiness DOWN").atMost(Duration.ofSeconds(10)).until(() -> get(base, "/actuator/health/readiness")
          .statusCode() == 503);
      System.out.printf("readiness DOWN %d ms after the database stopped%n", (System.nanoTime() - stopped) / 1_000_000);
      long asked = System.nanoTime();
      HttpResponse<String> health = get(base, "/actuator/health");
      assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
      assertThat(health.statusCode()).isEqualTo(503);
      asked = System.nanoTime();
      HttpResponse<String> refused = push(base, "during");
      assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
      assertThat(refused.headers().firstValue("Retry-After")).contains("5");
      assertThat(refused.body()).contains("Database unreachable");

      database = postgres(port);

      await("readiness UP again").atMost(Duration.ofSeconds(15)).until(() -> get(base, "/actuator/health/readiness")
          .statusCode() == 200);
      HttpResponse<String> after = push(base, "after");
      assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
      // SPEC R1's other half: a push refused during the outage left nothing behind
      var jdbc = careflow.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
      assertThat(jdbc.sql("select external_id from contact where customer_email = 'outage@example.com'")
          .query(String.class).list()).containsExactlyInAnyOrder("<outage-before@shop.example>",
              "<outage-after@shop.example>");
    } finally {
      database.close();
    }
  }

  private static HttpResponse<String> get(String base, String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET().build());
  }

  private static HttpResponse<String> push(String base, String id) {
    String json = """
        {"channel": "EMAIL", "externalId": "<outage-%s@shop.example>",
         "customer": {"email": "outage@example.com", "name": "Ola", "language": "en"},
         "subject": "Order", "body": "Where is my order?"}""".formatted(id);
    return send(HttpRequest.newBuilder(URI.create(base + "/api/contacts")).timeout(Duration.ofSeconds(40))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("gateway:" + INTAKE_PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("No answer to " + request.uri() + ": " + e, e);
    }
  }

}
