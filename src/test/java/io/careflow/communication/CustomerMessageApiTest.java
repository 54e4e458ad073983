package io.careflow.communication;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.Contact;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST /api/contacts/{id}/messages}: a customer's message on an existing case. */
class CustomerMessageApiTest extends CareflowIntegrationTest {

  @Autowired
  MessageRepository messages;

  Http http;

  @BeforeEach
  void http() {
    http = new Http(baseUrl());
  }

  @Test
  void shouldKeepAMessageOnACaseThatWaitsForNobody() {
    Contact contact = intake.receive(emailContact(uniqueEmail("extra"), "INQUIRY", "s", "b"), "intake").contact();

    Http.Response response = http.postJson("intake", "/api/contacts/" + contact.id() + "/messages",
        Map.of("body", "One more thing: I need it by Friday."));

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.json().get("resumedCase").asBoolean()).isFalse();
    assertThat(messages.ofContact(contact.id())).singleElement().satisfies(m -> {
      assertThat(m.direction()).isEqualTo(Message.Direction.IN);
      assertThat(m.status()).isEqualTo(MessageStatus.RECEIVED);
      assertThat(m.body()).isEqualTo("One more thing: I need it by Friday.");
    });
  }

  @Test
  void shouldStoreTheSameMessageOnceWhenItArrivesTwiceAtOnce() throws Exception {
    // two cluster nodes reading the support mailbox find the same unseen answer in the same poll
    Contact contact = intake.receive(emailContact(uniqueEmail("twice"), "INQUIRY", "s", "b"), "intake").contact();
    String path = "/api/contacts/" + contact.id() + "/messages";
    Map<String, String> answer = Map.of("body", "It is order PL-2026-000555.", "externalId",
        "<answer-" + UUID.randomUUID() + "@mail.example>");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return http.postJson("intake", path, answer).status();
        }));
      }
      start.countDown();
      var statuses = new java.util.ArrayList<Integer>();
      for (var status : answers) {
        statuses.add(status.get());
      }
      assertThat(statuses).containsOnly(202, 200).containsOnlyOnce(202);
    } finally {
      pool.shutdown();
    }
    assertThat(messages.ofContact(contact.id())).singleElement();
  }

  @Test
  void shouldRefuseBadInputAndStoreNothing() {
    Contact contact = intake.receive(emailContact(uniqueEmail("bad"), "INQUIRY", "s", "b"), "intake").contact();
    String path = "/api/contacts/" + contact.id() + "/messages";

    Http.Response empty = http.postJson("intake", path, "{\"body\": \"  \"}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(StreamSupport.stream(empty.json().get("errors").spliterator(), false)
        .map(e -> e.get("field").asText())).containsExactly("body");
    assertThat(http.postJson("intake", path, "{\"body\": ").status()).isEqualTo(400);
    assertThat(http.postJson("intake", path, "").status()).isEqualTo(400);
    assertThat(http.postJson("intake", "/api/contacts/" + UUID.randomUUID() + "/messages", "{\"body\": \"x\"}")
        .status()).isEqualTo(404);
    assertThat(messages.ofContact(contact.id())).isEmpty();
  }

  @Test
  void shouldLetOnlyChannelsAndAgentsHandInMessages() {
    Contact contact = intake.receive(emailContact(uniqueEmail("auth"), "INQUIRY", "s", "b"), "intake").contact();
    String path = "/api/contacts/" + contact.id() + "/messages";

    assertThat(http.postJson(null, path, "{\"body\": \"x\"}").status()).isEqualTo(401);
    assertThat(http.postJson("maria", path, "{\"body\": \"x\"}").status()).isEqualTo(403);
    assertThat(http.postJson("anna", path, "{\"body\": \"told me on the phone\"}").status()).isEqualTo(202);
    assertThat(messages.ofContact(contact.id())).hasSize(1);
  }
}
