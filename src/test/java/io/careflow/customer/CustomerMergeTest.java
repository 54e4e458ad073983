package io.careflow.customer;

import static io.careflow.customer.CustomerApiTest.fields;
import static io.careflow.customer.CustomerApiTest.inDays;
import static io.careflow.customer.CustomerApiTest.texts;
import static io.careflow.customer.CustomerTestData.e164;
import static io.careflow.customer.CustomerTestData.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.contact.MissedCall;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A team lead merges two records of one person: nothing is lost, the merge is recorded, bad requests change nothing. */
class CustomerMergeTest extends CareflowIntegrationTest {

  Http http;

  @BeforeEach
  void http() {
    http = new Http(baseUrl());
  }

  @Test
  void shouldMoveEverythingToTheSurvivorAndRecordTheMerge() {
    String email = uniqueEmail("merge");
    String phone = uniquePhone();
    Contact mail1 = intake.receive(emailContact(email, "INQUIRY", "Delivery", "When?"), "intake").contact();
    Contact mail2 = intake.receive(emailContact(email, "COMPLAINT", "Damaged", "Torn box"), "intake").contact();
    Contact call = intake.receive(new MissedCall("call-" + UUID.randomUUID(), phone, null), "intake").contact();
    String into = mail1.customerId();
    String from = call.customerId();
    assertThat(from).isNotEqualTo(into);
    note(into, "Prefers e-mail");
    note(from, "Works night shifts");
    offer(into, "Free delivery");
    offer(from, "10% off KET-200");
    assertThat(http.putJson("maria", "/api/customers/" + from + "/vip", "{\"vip\": true, \"reason\": \"press\"}")
        .status()).isEqualTo(200);
    String order = "ORD-" + UUID.randomUUID();
    jdbc.sql("insert into customer_order (order_id, customer_id, linked_at) values (?, ?, current_timestamp)")
        .params(order, from).update();

    Http.Response merged = http.postJson("maria", "/api/customers/merge", Map.of(
        "into", into, "from", from, "reason", "Same person: called from her new number"));

    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    JsonNode record = merged.json();
    assertThat(record.get("id").asText()).isEqualTo(into);
    assertThat(texts(record.get("contacts"), "id")).containsExactlyInAnyOrder(mail1.id(), mail2.id(), call.id());
    assertThat(texts(record.get("notes"), "text")).containsExactlyInAnyOrder("Prefers e-mail", "Works night shifts");
    assertThat(texts(record.get("offers"), "text")).containsExactlyInAnyOrder("Free delivery", "10% off KET-200");
    assertThat(texts(record.get("identities"), "value")).containsExactlyInAnyOrder(email, e164(phone));
    // the VIP mark is not lost either
    assertThat(record.get("type").asText()).isEqualTo("VIP");
    JsonNode merge = record.get("merged").get(0);
    assertThat(merge.get("customerId").asText()).isEqualTo(from);
    assertThat(merge.get("mergedBy").asText()).isEqualTo("maria");
    assertThat(merge.get("reason").asText()).isEqualTo("Same person: called from her new number");
    assertThat(merge.get("movedContacts").asInt()).isEqualTo(1);
    assertThat(merge.get("movedNotes").asInt()).isEqualTo(1);
    assertThat(merge.get("movedOffers").asInt()).isEqualTo(1);
    assertThat(merge.get("movedIdentities").asInt()).isEqualTo(1);

    assertThat(jdbc.sql("select merged_by from customer_merge where from_customer_id = ? and into_customer_id = ?")
        .params(from, into).query(String.class).single()).isEqualTo("maria");
    assertThat(events(call.id(), ContactEvents.CUSTOMER_MERGED)).isEqualTo(1);
    // orders (and with them shipment news) follow the customer
    assertThat(jdbc.sql("select customer_id from customer_order where order_id = ?").param(order).query(String.class)
        .single()).isEqualTo(into);
    assertThat(events(mail1.id(), ContactEvents.CUSTOMER_MERGED)).isZero();
    // the running case of the moved contact knows its new customer
    var process = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(call.id()).list().get(0);
    assertThat(processEngine.getRuntimeService().getVariable(process.getId(), CaseVariables.CUSTOMER_ID))
        .isEqualTo(into);

    // old links resolve: the tombstone's id answers with the survivor
    Http.Response old = http.get("anna", "/api/customers/" + from);
    assertThat(old.status()).isEqualTo(200);
    assertThat(old.json().get("id").asText()).isEqualTo(into);
    assertThat(old.header("Content-Location")).isEqualTo("/api/customers/" + into);
    // and the next call from that number finds the survivor
    Contact next = intake.receive(new MissedCall("call-" + UUID.randomUUID(), phone, null), "intake").contact();
    assertThat(next.customerId()).isEqualTo(into);
  }

  @Test
  void shouldResolveOldLinksThroughSeveralMerges() {
    String a = customer();
    String b = customer();
    String c = customer();
    assertThat(merge("maria", b, a).status()).isEqualTo(200);
    assertThat(merge("maria", c, b).status()).isEqualTo(200);

    JsonNode record = http.get("boris", "/api/customers/" + a).json();
    assertThat(record.get("id").asText()).isEqualTo(c);
    assertThat(record.get("contacts")).hasSize(3);
    assertThat(texts(record.get("merged"), "customerId")).containsExactlyInAnyOrder(a, b);
    // a note written on an old id lands on the survivor
    assertThat(http.postJson("anna", "/api/customers/" + a + "/notes", "{\"text\": \"via an old link\"}").status())
        .isEqualTo(201);
    assertThat(texts(http.get("anna", "/api/customers/" + c).json().get("notes"), "text"))
        .containsExactly("via an old link");
  }

  @Test
  void shouldRefuseToMergeACustomerWithItself() {
    String id = customer();
    Snapshot before = snapshot(id, id);

    Http.Response response = merge("maria", id, id);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(fields(response)).containsExactly("from");
    assertThat(snapshot(id, id)).isEqualTo(before);
  }

  @Test
  void shouldAnswerUnknownCustomersWith404AndChangeNothing() {
    String known = customer();
    String unknown = UUID.randomUUID().toString();
    Snapshot before = snapshot(known, unknown);

    for (Http.Response response : List.of(merge("maria", known, unknown), merge("maria", unknown, known),
        merge("maria", unknown, UUID.randomUUID().toString()))) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(snapshot(known, unknown)).isEqualTo(before);
  }

  static List<Arguments> badMerges() {
    return List.of(
        Arguments.of("nothing", "{}", List.of("into", "from", "reason")),
        Arguments.of("no reason", "{\"into\": \"a\", \"from\": \"b\"}", List.of("reason")),
        Arguments.of("blank reason", "{\"into\": \"a\", \"from\": \"b\", \"reason\": \"  \"}", List.of("reason")),
        Arguments.of("reason too long", "{\"into\": \"a\", \"from\": \"b\", \"reason\": \"%s\"}"
            .formatted("r".repeat(1001)), List.of("reason")),
        Arguments.of("itself, without reason", "{\"into\": \"a\", \"from\": \"a\"}", List.of("from", "reason")),
        Arguments.of("empty body", "", List.of("body")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badMerges")
  void shouldRefuseABadMergeRequest(String what, String json, List<String> badFields) {
    long merges = count("customer_merge");
    Http.Response response = http.postJson("maria", "/api/customers/merge", json);
    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(fields(response)).as(response.body()).containsExactlyInAnyOrderElementsOf(badFields);
    assertThat(count("customer_merge")).isEqualTo(merges);
  }

  @Test
  void shouldRefuseToMergeACustomerMergedAlready() {
    String a = customer();
    String b = customer();
    String c = customer();
    assertThat(merge("maria", b, a).status()).isEqualTo(200);
    Snapshot before = snapshot(c, a);

    Http.Response again = merge("maria", c, a);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.json().get("mergedInto").asText()).isEqualTo(b);
    assertThat(snapshot(c, a)).isEqualTo(before);
  }

  @Test
  void shouldLeaveMergesToTeamLeads() {
    String a = customer();
    String b = customer();
    Snapshot before = snapshot(a, b);
    assertThat(merge("anna", a, b).status()).isEqualTo(403);
    assertThat(merge("intake", a, b).status()).isEqualTo(403);
    assertThat(merge(null, a, b).status()).isEqualTo(401);
    assertThat(snapshot(a, b)).isEqualTo(before);
  }

  // --- helpers

  /** What a merge changes: contacts of each side, tombstones, merges recorded, contact events. */
  record Snapshot(long intoContacts, long fromContacts, long tombstones, long merges, long events, long notes) {}

  private Snapshot snapshot(String into, String from) {
    return new Snapshot(contactsOf(into), contactsOf(from),
        jdbc.sql("select count(*) from customer where merged_into is not null").query(Long.class).single(),
        count("customer_merge"), count("contact_event"), count("note"));
  }

  private long contactsOf(String customerId) {
    return jdbc.sql("select count(*) from contact where customer_id = ?").param(customerId).query(Long.class).single();
  }

  private long events(String contactId, String type) {
    return jdbc.sql("select count(*) from contact_event where contact_id = ? and type = ?").params(contactId, type)
        .query(Long.class).single();
  }

  private Http.Response merge(String user, String into, String from) {
    return http.postJson(user, "/api/customers/merge", Map.of("into", into, "from", from, "reason", "one person"));
  }

  private String customer() {
    return intake.receive(new NewContact("EMAIL", null, null, new CustomerDetails(uniqueEmail("m"), null, null, null),
        "s", "b", "INQUIRY", null, null), "intake").contact().customerId();
  }

  private void note(String customerId, String text) {
    assertThat(http.postJson("anna", "/api/customers/" + customerId + "/notes", Map.of("text", text)).status())
        .isEqualTo(201);
  }

  private void offer(String customerId, String text) {
    assertThat(http.postJson("boris", "/api/customers/" + customerId + "/offers",
        Map.of("text", text, "validUntil", inDays(10))).status()).isEqualTo(201);
  }
}
