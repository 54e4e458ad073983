package io.careflow.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.Contact;
import io.careflow.support.Http;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code POST /api/shipments/events}: answers, bad input, who may, and which customer an order leads to. */
class ShipmentEventApiTest extends ShipmentTestSupport {

  @Test
  void shouldAcceptAnEventAndAnswerTheSameEventAgainAsADuplicate() {
    String order = newOrder();
    emailContactNaming(order, uniqueEmail("api"), "en");
    String tracking = newTracking();

    Http.Response first = http.postJson("intake", PATH, event(tracking, order, "SHIPPED", SEEN, null));
    Http.Response again = http.postJson("intake", PATH, event(tracking, order, "SHIPPED", "2026-11-30T08:30:00Z",
        null));

    assertThat(first.status()).isEqualTo(202);
    assertThat(first.json().get("duplicate").asBoolean()).isFalse();
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().get("duplicate").asBoolean()).isTrue();
    assertThat(again.json().get("eventId").asText()).isEqualTo(first.json().get("eventId").asText());
    ShipmentEvent stored = events.get(first.json().get("eventId").asText());
    assertThat(stored.trackingId()).isEqualTo(tracking);
    assertThat(stored.status()).isEqualTo(ShipmentStatus.SHIPPED);
    assertThat(stored.occurredAt()).isEqualTo(at(SEEN));
    assertThat(stored.receivedBy()).isEqualTo("intake");
    assertThat(stored.processInstanceId()).isEqualTo(shipment(stored.id()).getId());
    assertThat(eventsOfOrder(order)).isEqualTo(1);
  }

  @Test
  void shouldRefuseAnOrderCareflowDoesNotKnowWhenTheEventCarriesNoCustomer() {
    String order = newOrder();
    long processes = runningProcesses();

    Http.Response refused = http.postJson("intake", PATH, event(newTracking(), order, "SHIPPED", SEEN, null));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("title").asText()).isEqualTo("Unknown order");
    assertThat(refused.json().get("orderId").asText()).isEqualTo(order);
    assertThat(eventsOfOrder(order)).isZero();
    assertThat(jdbc.sql("select count(*) from customer_order where order_id = ?").param(order).query(Long.class)
        .single()).isZero();
    assertThat(runningProcesses()).isEqualTo(processes);

    // with the customer, the same order is known from then on
    String email = uniqueEmail("known");
    assertThat(http.postJson("intake", PATH, withCustomer(event(newTracking(), order, "SHIPPED", SEEN, null), email,
        null, "pl")).status()).isEqualTo(202);
    assertThat(http.postJson("intake", PATH, event(newTracking(), order, "DELIVERED", SEEN, null)).status())
        .isEqualTo(202);
  }

  @Test
  void shouldNameEveryBadFieldAndStoreNothing() {
    long stored = count("shipment_event");
    long customers = count("customer");
    long processes = runningProcesses();

    Map<String, Object> bad = event(null, " ", "LOST", "yesterday", "soon");
    withCustomer(bad, "not-an-email", null, "polish");
    assertThat(fields(http.postJson("intake", PATH, bad))).containsExactlyInAnyOrder(
        "trackingId", "orderId", "status", "at", "expectedDelivery", "customer.email", "customer.language");

    assertThat(fields(http.postJson("intake", PATH, event(newTracking(), newOrder(), "DELAYED", SEEN, null))))
        .containsExactly("expectedDelivery");
    assertThat(fields(http.postJson("intake", PATH, event(newTracking(), newOrder(), "DELAYED", SEEN,
        "2026-11-29T12:00:00+01:00")))).containsExactly("expectedDelivery");
    assertThat(fields(http.postJson("intake", PATH, event(newTracking(), newOrder(), "SHIPPED",
        "2026-11-30T12:00:00+01:00", null)))).containsExactly("at");
    assertThat(fields(http.postJson("intake", PATH, event(newTracking(), newOrder(), "SHIPPED",
        "2026-11-30T09:30:00", null)))).containsExactly("at");
    assertThat(fields(http.postJson("intake", PATH, event("PX1\r\nBcc: all@example.com", "O".repeat(101),
        "SHIPPED", SEEN, null)))).containsExactly("orderId", "trackingId");
    assertThat(fields(http.postJson("intake", PATH, withCustomer(event(newTracking(), newOrder(), "SHIPPED", SEEN,
        null), null, null, "pl")))).containsExactly("customer");
    assertThat(fields(http.postJson("intake", PATH, withCustomer(event(newTracking(), newOrder(), "SHIPPED", SEEN,
        null), null, "12", null)))).containsExactly("customer.phone");
    assertThat(fields(http.postJson("intake", PATH, "{\"trackingId\": "))).containsExactly("body");
    assertThat(fields(http.postJson("intake", PATH, ""))).containsExactly("body");
    assertThat(fields(http.postJson("intake", PATH, "{\"status\": [\"SHIPPED\"]}"))).containsExactly("status");

    Http.Response tooLarge = http.postJson("intake", PATH, "{\"trackingId\": \"" + "x".repeat(300_000) + "\"}");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");

    assertThat(count("shipment_event")).isEqualTo(stored);
    assertThat(count("customer")).isEqualTo(customers);
    assertThat(runningProcesses()).isEqualTo(processes);
  }

  @Test
  void shouldLetOnlyIntegrationsAndAdministratorsPushEvents() {
    String order = newOrder();
    emailContactNaming(order, uniqueEmail("who"), "en");

    assertThat(http.postJson(null, PATH, event(newTracking(), order, "SHIPPED", SEEN, null)).status()).isEqualTo(401);
    for (String person : List.of("anna", "boris", "maria")) {
      Http.Response refused = http.postJson(person, PATH, event(newTracking(), order, "SHIPPED", SEEN, null));
      assertThat(refused.status()).as(person).isEqualTo(403);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(eventsOfOrder(order)).isZero();
    assertThat(http.postJson("intake", PATH, event(newTracking(), order, "SHIPPED", SEEN, null)).status())
        .isEqualTo(202);
    assertThat(http.postJson("demo", PATH, event(newTracking(), order, "DELIVERED", SEEN, null)).status())
        .isEqualTo(202);
    assertThat(eventsOfOrder(order)).isEqualTo(2);
  }

  @Test
  void shouldPreferTheCustomerTheEventCarriesThenItsLinkThenTheContactThatNamedTheOrder() {
    String order = newOrder();
    Contact asked = emailContactNaming(order, uniqueEmail("asker"), "en");
    String buyer = uniqueEmail("buyer");

    // the contact alone leads to its customer
    String byContact = accepted(http.postJson("intake", PATH, event(newTracking(), order, "SHIPPED", SEEN, null)));
    assertThat(events.get(byContact).customerId()).isEqualTo(asked.customerId());

    // the order system's customer wins, and links the order to them
    String byEvent = accepted(http.postJson("intake", PATH, withCustomer(
        event(newTracking(), order, "OUT_FOR_DELIVERY", SEEN, null), buyer, null, "en")));
    String buyerId = events.get(byEvent).customerId();
    assertThat(buyerId).isNotEqualTo(asked.customerId());
    assertThat(jdbc.sql("select customer_id from customer_order where order_id = ?").param(order)
        .query(String.class).single()).isEqualTo(buyerId);

    // a later contact naming the order does not undo what the order system said
    emailContactNaming(order, uniqueEmail("neighbour"), "en");
    String byLink = accepted(http.postJson("intake", PATH, event(newTracking(), order, "DELIVERED", SEEN, null)));
    assertThat(events.get(byLink).customerId()).isEqualTo(buyerId);
  }

  @Test
  void shouldFollowTheNewestContactThatNamedTheOrder() {
    String order = newOrder();
    contactNaming(order, "EMAIL", uniqueEmail("older"), null, "en", "2026-11-27T10:00:00+01:00");
    Contact newer = contactNaming(order, "SMS", null, "+48 604 111 222", "pl", "2026-11-28T10:00:00+01:00");
    contactNaming(newOrder(), "EMAIL", uniqueEmail("other-order"), null, "en", "2026-11-29T10:00:00+01:00");

    String eventId = accepted(http.postJson("intake", PATH, event(newTracking(), order, "SHIPPED", SEEN, null)));

    assertThat(events.get(eventId).customerId()).isEqualTo(newer.customerId());
  }

  @Test
  void shouldBeInThePublishedApi() {
    JsonNode post = http.get(null, "/v3/api-docs").json().get("paths").get(PATH).get("post");

    assertThat(post.get("tags").get(0).asText()).isEqualTo("Shipments");
    assertThat(post.get("responses").fieldNames()).toIterable().contains("202", "400", "413", "422");
    assertThat(post.get("requestBody").toString()).contains("CarrierEvent");
  }

  private static String accepted(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(202);
    return response.json().get("eventId").asText();
  }

  private static List<String> fields(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode errors = response.json().get("errors");
    return StreamSupport.stream(errors.spliterator(), false).map(e -> e.get("field").asText()).distinct().toList();
  }
}
