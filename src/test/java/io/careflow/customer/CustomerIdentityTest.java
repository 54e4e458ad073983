package io.careflow.customer;

import static io.careflow.customer.CustomerApiTest.fields;
import static io.careflow.customer.CustomerApiTest.find;
import static io.careflow.customer.CustomerApiTest.texts;
import static io.careflow.customer.CustomerTestData.e164;
import static io.careflow.customer.CustomerTestData.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.Contact;
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

/**
 * One customer, many identities: an e-mail contact and a phone contact of the same person
 * lead to one customer once the phone number is linked — by a contact carrying both, by an
 * agent, or by a team lead's merge when the number had a customer of its own.
 */
class CustomerIdentityTest extends CareflowIntegrationTest {

  Http http;

  @BeforeEach
  void http() {
    http = new Http(baseUrl());
  }

  @Test
  void shouldLinkThePhoneOfAContactCarryingBothAddresses() {
    String email = uniqueEmail("both");
    String phone = uniquePhone();
    Contact byEmail = intake.receive(emailContact(email, "INQUIRY", "Question", "Hello"), "intake").contact();
    Contact withBoth = intake.receive(new NewContact("WEB_FORM", null, null,
        new CustomerDetails(email, phone, null, null), "Form", "Call me", "INQUIRY", null, null), "intake").contact();
    Contact byPhone = intake.receive(phoneContact(phone.replace(" ", "-")), "intake").contact();
    Contact missed = intake.receive(new MissedCall("call-" + UUID.randomUUID(), e164(phone), null), "intake")
        .contact();

    assertThat(List.of(withBoth.customerId(), byPhone.customerId(), missed.customerId()))
        .containsOnly(byEmail.customerId());
    JsonNode record = http.get("anna", "/api/customers?phone=" + e164(phone).replace("+", "%2B")).json();
    assertThat(record.get("id").asText()).isEqualTo(byEmail.customerId());
    assertThat(texts(record.get("contacts"), "channel"))
        .containsExactlyInAnyOrder("EMAIL", "WEB_FORM", "PHONE", "MISSED_CALL");
  }

  @Test
  void shouldFindTheSameCustomerOnceAnAgentLinkedTheirPhone() {
    String email = uniqueEmail("linked");
    String phone = uniquePhone();
    Contact byEmail = intake.receive(emailContact(email, "INQUIRY", "Question", "Hello"), "intake").contact();
    String customerId = byEmail.customerId();

    Http.Response linked = http.postJson("anna", "/api/customers/" + customerId + "/identities",
        Map.of("phone", phone));

    assertThat(linked.status()).as(linked.body()).isEqualTo(200);
    JsonNode address = find(linked.json().get("identities"), "value", e164(phone));
    assertThat(address.get("kind").asText()).isEqualTo("PHONE");
    assertThat(address.get("linkedBy").asText()).isEqualTo("anna");
    assertThat(find(linked.json().get("identities"), "value", email).get("linkedBy").isNull()).isTrue();

    Contact byPhone = intake.receive(phoneContact(phone), "intake").contact();
    assertThat(byPhone.customerId()).isEqualTo(customerId);
    // linking an address the customer has already changes nothing
    long identities = count("customer_identity");
    assertThat(http.postJson("boris", "/api/customers/" + customerId + "/identities",
        Map.of("email", email.toUpperCase(), "phone", phone)).status()).isEqualTo(200);
    assertThat(count("customer_identity")).isEqualTo(identities);
  }

  @Test
  void shouldMakeOneCustomerOfAnEmailAndAPhoneContactByAMerge() {
    String email = uniqueEmail("two");
    String phone = uniquePhone();
    Contact byEmail = intake.receive(emailContact(email, "COMPLAINT", "Broken", "It broke"), "intake").contact();
    Contact byPhone = intake.receive(phoneContact(phone), "intake").contact();
    assertThat(byPhone.customerId()).isNotEqualTo(byEmail.customerId());
    long identities = count("customer_identity");

    // the number belongs to the phone contact's customer: linking it elsewhere is refused
    Http.Response conflict = http.postJson("anna", "/api/customers/" + byEmail.customerId() + "/identities",
        Map.of("phone", phone, "email", uniqueEmail("other")));
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
    assertThat(conflict.json().get("customerId").asText()).isEqualTo(byPhone.customerId());
    assertThat(conflict.json().get("field").asText()).isEqualTo("phone");
    assertThat(count("customer_identity")).isEqualTo(identities);

    Http.Response merged = http.postJson("maria", "/api/customers/merge", Map.of("into", byEmail.customerId(),
        "from", byPhone.customerId(), "reason", "The caller gave the e-mail address on the phone"));
    assertThat(merged.status()).isEqualTo(200);
    assertThat(texts(merged.json().get("contacts"), "id")).containsExactlyInAnyOrder(byEmail.id(), byPhone.id());

    Contact later = intake.receive(phoneContact(phone), "intake").contact();
    assertThat(later.customerId()).isEqualTo(byEmail.customerId());
  }

  static List<Arguments> badAddresses() {
    return List.of(
        Arguments.of("neither", "{}", List.of("email", "phone")),
        Arguments.of("blank", "{\"email\": \" \", \"phone\": \"\"}", List.of("email", "phone")),
        Arguments.of("malformed e-mail", "{\"email\": \"jan(at)example\"}", List.of("email")),
        Arguments.of("not a phone number", "{\"phone\": \"12-34\"}", List.of("phone")),
        Arguments.of("both bad", "{\"email\": \"x\", \"phone\": \"call me\"}", List.of("email", "phone")),
        Arguments.of("empty body", "", List.of("body")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAddresses")
  void shouldRefuseABadAddressAndLinkNothing(String what, String json, List<String> badFields) {
    String customerId = intake.receive(emailContact(uniqueEmail("bad"), "INQUIRY", "s", "b"), "intake").contact()
        .customerId();
    long identities = count("customer_identity");

    Http.Response response = http.postJson("anna", "/api/customers/" + customerId + "/identities", json);

    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(fields(response)).as(response.body()).containsExactlyInAnyOrderElementsOf(badFields);
    assertThat(count("customer_identity")).isEqualTo(identities);
  }

  private static NewContact phoneContact(String phone) {
    return new NewContact("PHONE", "call-" + UUID.randomUUID(), null, new CustomerDetails(null, phone, null, null),
        "Phone call", "Asked about the order", "INQUIRY", null, null);
  }
}
