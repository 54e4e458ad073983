package io.careflow.customer;

import static io.careflow.customer.CustomerTestData.e164;
import static io.careflow.customer.CustomerTestData.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The customer record API: read by id, e-mail and phone; notes, offers, VIP; who may; bad input. */
class CustomerApiTest extends CareflowIntegrationTest {

  Http http;

  @BeforeEach
  void http() {
    http = new Http(baseUrl());
  }

  @Test
  void shouldShowTheWholeRecordByIdEmailAndPhone() {
    String email = uniqueEmail("record");
    String phone = uniquePhone();
    Contact first = intake.receive(new NewContact("EMAIL", null, null,
        new CustomerDetails(email, phone, "Ewa Zielińska", "pl"), "Warranty", "How long?", "INQUIRY", null, null),
        "intake").contact();
    Contact second = intake.receive(new NewContact("SMS", "sms-" + UUID.randomUUID(), null,
        new CustomerDetails(null, phone, null, null), null, "Is it in stock?", "INQUIRY", null, null), "intake")
        .contact();
    replyAs("boris", first, "Two years.");
    String customerId = first.customerId();

    assertThat(http.postJson("anna", "/api/customers/" + customerId + "/notes", Map.of(
        "text", "  Two children; on holiday in August  ", "contactId", first.id())).status()).isEqualTo(201);
    Http.Response offer = http.postJson("boris", "/api/customers/" + customerId + "/offers", Map.of(
        "text", "10% off the next kettle, code KET10", "validUntil", inDays(30), "contactId", second.id()));
    assertThat(offer.status()).as(offer.body()).isEqualTo(201);
    assertThat(offer.json().get("channel").asText()).isEqualTo("SMS");
    assertThat(offer.json().get("offeredByName").asText()).isEqualTo("Boris Ivanov");
    assertThat(offer.json().get("open").asBoolean()).isTrue();

    Http.Response byId = http.get("anna", "/api/customers/" + customerId);
    assertThat(byId.status()).isEqualTo(200);
    JsonNode record = byId.json();
    assertThat(record.get("id").asText()).isEqualTo(customerId);
    assertThat(record.get("name").asText()).isEqualTo("Ewa Zielińska");
    assertThat(record.get("language").asText()).isEqualTo("pl");
    assertThat(record.get("type").asText()).isEqualTo("NEW");
    assertThat(record.get("vip").asBoolean()).isFalse();
    assertThat(texts(record.get("identities"), "value")).containsExactlyInAnyOrder(email, e164(phone));
    assertThat(texts(record.get("contacts"), "id")).containsExactlyInAnyOrder(first.id(), second.id());
    JsonNode answered = find(record.get("contacts"), first.id());
    assertThat(answered.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(answered.get("topic").asText()).isEqualTo("INQUIRY");
    assertThat(answered.get("status").asText()).isEqualTo("OPEN");
    assertThat(answered.get("outcome").asText()).isEqualTo("ANSWERED");
    assertThat(answered.get("replies").asInt()).isEqualTo(1);
    // each case links to its case page
    assertThat(answered.get("href").asText()).isEqualTo("/cases/" + first.id());
    assertThat(find(record.get("contacts"), second.id()).get("outcome").asText()).isEqualTo("UNANSWERED");
    JsonNode note = record.get("notes").get(0);
    assertThat(note.get("text").asText()).isEqualTo("Two children; on holiday in August");
    assertThat(note.get("author").asText()).isEqualTo("anna");
    assertThat(note.get("authorName").asText()).isEqualTo("Anna Nowak");
    assertThat(note.get("contactId").asText()).isEqualTo(first.id());
    assertThat(note.get("createdAt").asText()).isNotBlank();
    assertThat(record.get("offers").get(0).get("text").asText()).isEqualTo("10% off the next kettle, code KET10");
    assertThat(record.get("plannedFollowUps")).isEmpty();
    assertThat(record.get("surveyAnswers")).isEmpty();
    assertThat(texts(record.get("agents"), "userId")).containsExactly("boris");
    assertThat(record.get("preferredAgent").get("name").asText()).isEqualTo("Boris Ivanov");
    assertThat(record.get("merged")).isEmpty();

    Http.Response byEmail = http.get("maria", "/api/customers?email=" + encode(email.toUpperCase()));
    assertThat(byEmail.status()).isEqualTo(200);
    assertThat(byEmail.json().get("id").asText()).isEqualTo(customerId);
    Http.Response byPhone = http.get("boris", "/api/customers?phone=" + encode(phone.replace("+48 ", "")));
    assertThat(byPhone.status()).isEqualTo(200);
    assertThat(byPhone.json().get("id").asText()).isEqualTo(customerId);
  }

  @Test
  void shouldTypeACustomerByTheirContactsAndTheVipMark() {
    String email = uniqueEmail("type");
    String customerId = null;
    for (int i = 0; i < 3; i++) {
      customerId = intake.receive(emailContact(email, "INQUIRY", "s" + i, "b"), "intake").contact().customerId();
      assertThat(http.get("anna", "/api/customers/" + customerId).json().get("type").asText())
          .isEqualTo(i < 2 ? "NEW" : "REGULAR");
    }

    Http.Response vip = http.putJson("maria", "/api/customers/" + customerId + "/vip", """
        {"vip": true, "reason": "Orders every month"}""");
    assertThat(vip.status()).isEqualTo(200);
    assertThat(vip.json().get("type").asText()).isEqualTo("VIP");
    assertThat(vip.json().get("vipMarking").get("by").asText()).isEqualTo("maria");
    assertThat(vip.json().get("vipMarking").get("reason").asText()).isEqualTo("Orders every month");

    Http.Response notVip = http.putJson("maria", "/api/customers/" + customerId + "/vip", "{\"vip\": false}");
    assertThat(notVip.json().get("type").asText()).isEqualTo("REGULAR");
    assertThat(notVip.json().get("vip").asBoolean()).isFalse();

    Http.Response bad = http.putJson("maria", "/api/customers/" + customerId + "/vip", "{\"reason\": \"why not\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad)).containsExactly("vip");
  }

  @Test
  void shouldRequireCredentials() {
    String id = customer();
    for (Http.Response response : List.of(
        http.get(null, "/api/customers/" + id),
        http.get(null, "/api/customers?email=a@example.com"),
        http.postJson(null, "/api/customers/" + id + "/notes", "{\"text\": \"x\"}"),
        http.postJson(null, "/api/customers/" + id + "/offers", "{}"),
        http.postJson(null, "/api/customers/" + id + "/identities", "{}"),
        http.putJson(null, "/api/customers/" + id + "/vip", "{\"vip\": true}"),
        http.postJson(null, "/api/customers/merge", "{}"))) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  @Test
  void shouldKeepIntegrationsAwayFromTheCustomerRecord() {
    String id = customer();
    long notes = count("note");
    long offers = count("offer");
    for (Http.Response response : List.of(
        http.get("intake", "/api/customers/" + id),
        http.get("intake", "/api/customers?email=a@example.com"),
        http.postJson("intake", "/api/customers/" + id + "/notes", "{\"text\": \"x\"}"),
        http.postJson("intake", "/api/customers/" + id + "/offers", Map.of("text", "x", "validUntil", inDays(3))),
        http.postJson("intake", "/api/customers/" + id + "/identities", "{\"phone\": \"+48600100200\"}"),
        http.putJson("intake", "/api/customers/" + id + "/vip", "{\"vip\": true}"))) {
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(count("note")).isEqualTo(notes);
    assertThat(count("offer")).isEqualTo(offers);
  }

  @Test
  void shouldLeaveTheVipMarkToTeamLeads() {
    String id = customer();
    assertThat(http.putJson("anna", "/api/customers/" + id + "/vip", "{\"vip\": true}").status()).isEqualTo(403);
    assertThat(http.get("anna", "/api/customers/" + id).json().get("vip").asBoolean()).isFalse();
  }

  @Test
  void shouldAnswerAnUnknownCustomerWith404() {
    String unknown = UUID.randomUUID().toString();
    long notes = count("note");
    for (Http.Response response : List.of(
        http.get("anna", "/api/customers/" + unknown),
        http.get("anna", "/api/customers?email=" + encode(uniqueEmail("nobody"))),
        http.get("anna", "/api/customers?phone=" + encode(uniquePhone())),
        http.postJson("anna", "/api/customers/" + unknown + "/notes", "{\"text\": \"x\"}"),
        http.postJson("anna", "/api/customers/" + unknown + "/offers", Map.of("text", "x", "validUntil", inDays(3))),
        http.postJson("anna", "/api/customers/" + unknown + "/identities", "{\"phone\": \"+48600100200\"}"),
        http.putJson("maria", "/api/customers/" + unknown + "/vip", "{\"vip\": true}"))) {
      assertThat(response.status()).as(response.body()).isEqualTo(404);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(count("note")).isEqualTo(notes);
  }

  static List<Arguments> badLookups() {
    return List.of(
        Arguments.of("neither e-mail nor phone nor handle", "", List.of("email", "phone", "handle")),
        Arguments.of("both", "?email=a@example.com&phone=%2B48600100200", List.of("email", "phone", "handle")),
        Arguments.of("e-mail and handle", "?email=a@example.com&handle=fb:1&channel=SOCIAL",
            List.of("email", "phone", "handle")),
        Arguments.of("blank e-mail", "?email=%20", List.of("email", "phone", "handle")),
        Arguments.of("not a phone number", "?phone=12-34", List.of("phone")),
        Arguments.of("handle without its channel", "?handle=fb:1", List.of("channel")),
        Arguments.of("handle of a channel without handles", "?handle=fb:1&channel=EMAIL", List.of("channel")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badLookups")
  void shouldRefuseABadLookup(String what, String query, List<String> badFields) {
    Http.Response response = http.get("anna", "/api/customers" + query);
    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(fields(response)).as(response.body()).containsExactlyInAnyOrderElementsOf(badFields);
  }

  static List<Arguments> badNotes() {
    return List.of(
        Arguments.of("empty text", "{\"text\": \"\"}", List.of("text")),
        Arguments.of("blank text", "{\"text\": \" \\n \"}", List.of("text")),
        Arguments.of("no text", "{}", List.of("text")),
        Arguments.of("text too long", "{\"text\": \"%s\"}".formatted("n".repeat(Note.MAX_TEXT + 1)), List.of("text")),
        Arguments.of("a contact of someone else", "{\"text\": \"x\", \"contactId\": \"%s\"}"
            .formatted(UUID.randomUUID()), List.of("contactId")),
        Arguments.of("several bad fields", "{\"text\": \"\", \"contactId\": \"nope\"}", List.of("text", "contactId")),
        Arguments.of("malformed JSON", "{\"text\": ", List.of("body")),
        Arguments.of("empty body", "", List.of("body")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badNotes")
  void shouldRefuseABadNoteAndStoreNothing(String what, String json, List<String> badFields) {
    String id = customer();
    long notes = count("note");

    Http.Response response = http.postJson("anna", "/api/customers/" + id + "/notes", json);

    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(fields(response)).as(response.body()).containsExactlyInAnyOrderElementsOf(badFields);
    assertThat(response.json().get("errors").get(0).get("message").asText()).isNotBlank();
    assertThat(count("note")).isEqualTo(notes);
  }

  static List<Arguments> badOffers() {
    return List.of(
        Arguments.of("empty text", Map.of("text", "", "validUntil", inDays(3)), List.of("text")),
        Arguments.of("blank text", Map.of("text", "   ", "validUntil", inDays(3)), List.of("text")),
        Arguments.of("text too long", Map.of("text", "o".repeat(Offer.MAX_TEXT + 1), "validUntil", inDays(3)),
            List.of("text")),
        Arguments.of("no end date", Map.of("text", "free delivery"), List.of("validUntil")),
        Arguments.of("ended already", Map.of("text", "free delivery", "validUntil", "2020-01-01T00:00:00+01:00"),
            List.of("validUntil")),
        Arguments.of("not an instant", Map.of("text", "free delivery", "validUntil", "next Friday"),
            List.of("validUntil")),
        Arguments.of("unknown channel", Map.of("text", "x", "validUntil", inDays(3), "channel", "FAX"),
            List.of("channel")),
        Arguments.of("a contact of someone else", Map.of("text", "x", "validUntil", inDays(3),
            "contactId", UUID.randomUUID().toString()), List.of("contactId")),
        Arguments.of("several bad fields", Map.of("text", "", "validUntil", "2001-01-01T00:00:00Z",
            "channel", "PIGEON"), List.of("text", "validUntil", "channel")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOffers")
  void shouldRefuseABadOfferAndStoreNothing(String what, Map<String, String> body, List<String> badFields) {
    String id = customer();
    long offers = count("offer");

    Http.Response response = http.postJson("boris", "/api/customers/" + id + "/offers", body);

    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(fields(response)).as(response.body()).containsExactlyInAnyOrderElementsOf(badFields);
    assertThat(count("offer")).isEqualTo(offers);
  }

  @Test
  void shouldShowAnOfferAsClosedOnceItExpired() {
    String id = customer();
    http.postJson("boris", "/api/customers/" + id + "/offers", Map.of("text", "Free delivery", "validUntil", inDays(1)));
    org.camunda.bpm.engine.impl.util.ClockUtil.offset(3 * 24 * 3600 * 1000L);

    JsonNode offer = http.get("boris", "/api/customers/" + id).json().get("offers").get(0);
    assertThat(offer.get("text").asText()).isEqualTo("Free delivery");
    assertThat(offer.get("open").asBoolean()).isFalse();
  }

  @Test
  void shouldPublishTheEndpointsInTheOpenApiDocument() {
    JsonNode paths = http.get(null, "/v3/api-docs").json().get("paths");
    assertThat(paths.has("/api/customers")).isTrue();
    assertThat(paths.has("/api/customers/{id}")).isTrue();
    assertThat(paths.has("/api/customers/{id}/notes")).isTrue();
    assertThat(paths.has("/api/customers/{id}/offers")).isTrue();
    assertThat(paths.has("/api/customers/{id}/identities")).isTrue();
    assertThat(paths.has("/api/customers/{id}/vip")).isTrue();
    assertThat(paths.has("/api/customers/merge")).isTrue();
  }

  // --- helpers

  private String customer() {
    return intake.receive(emailContact(uniqueEmail("api"), "INQUIRY", "s", "b"), "intake").contact().customerId();
  }

  private void replyAs(String agent, Contact contact, String text) {
    var identity = processEngine.getIdentityService();
    identity.setAuthentication(agent, List.of("agents", "team-inquiries"));
    try {
      var task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id())
          .singleResult();
      processEngine.getTaskService().complete(task.getId(), Map.of(ReplyStep.REPLY_TEXT, text,
          ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE"));
    } finally {
      identity.clearAuthentication();
    }
  }

  static String inDays(int days) {
    return OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(days).withNano(0).toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static List<String> fields(Http.Response response) {
    return StreamSupport.stream(response.json().get("errors").spliterator(), false)
        .map(e -> e.get("field").asText()).distinct().toList();
  }

  static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(e -> e.get(field).asText()).toList();
  }

  static JsonNode find(JsonNode array, String id) {
    return find(array, "id", id);
  }

  static JsonNode find(JsonNode array, String field, String value) {
    return StreamSupport.stream(array.spliterator(), false).filter(e -> e.get(field).asText().equals(value))
        .findFirst().orElseThrow(() -> new AssertionError("No " + field + " " + value + " in " + array));
  }
}
