package io.careflow.customer;

import static io.careflow.customer.CustomerApiTest.find;
import static io.careflow.customer.CustomerApiTest.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.communication.Message;
import io.careflow.communication.MessageStatus;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.support.DemoPeople;
import io.careflow.support.Http;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.TestWebhook;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * SPEC R1, API.md {@code customer.handle}: a chat or social customer with neither e-mail nor
 * phone is identified by the channel's own handle. The contact is accepted, the next one with
 * the same handle in the same channel family finds the same customer, a merge moves the handle
 * like any address, and the answer goes back to the handle through the channel's webhook. Run on
 * H2 ({@link CustomerHandleTest}) and PostgreSQL ({@link CustomerHandlePostgresTest}).
 */
abstract class CustomerHandleScenarios extends ProtocolTestSupport {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldAcceptAChatContactWithOnlyAHandleAndFindTheSameCustomerNextTime() {
    String handle = uniqueHandle("chat-user-");

    Http.Response first = http.postJson("intake", "/api/contacts", Map.of("channel", "CHAT",
        "externalId", "chat-" + UUID.randomUUID(), "customer", Map.of("handle", handle, "name", "Ola"),
        "body", "Czy jest w czerwonym?", "topic", "INQUIRY"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String customerId = first.json().get("customerId").asText();
    Contact second = chat(handle, "A w niebieskim?");

    assertThat(second.customerId()).isEqualTo(customerId);
    assertThat(second.customerHandle()).isEqualTo(handle);
    assertThat(second.customerEmail()).isNull();
    assertThat(second.customerPhone()).isNull();
    JsonNode record = http.get("anna", "/api/customers/" + customerId).json();
    JsonNode identity = find(record.get("identities"), "value", handle);
    assertThat(identity.get("kind").asText()).isEqualTo("CHAT");
    assertThat(texts(record.get("contacts"), "channel")).containsExactly("CHAT", "CHAT");
    assertThat(jdbc.sql("select count(*) from customer_identity where identity_value = ?").param(handle)
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void shouldTellTheSameHandleInAnotherChannelFamilyApart() {
    String handle = uniqueHandle("anna-");
    Contact byChat = chat(handle, "Hello");
    Contact bySocial = social(handle, "Hello");
    Contact bySocialAgain = social(handle, "Hello again");

    assertThat(bySocial.customerId()).isNotEqualTo(byChat.customerId());
    assertThat(bySocialAgain.customerId()).isEqualTo(bySocial.customerId());
    assertThat(jdbc.sql("select kind from customer_identity where identity_value = ? order by kind").param(handle)
        .query(String.class).list()).containsExactly("CHAT", "SOCIAL");
    // an agent finds each by the handle and its channel
    String query = "/api/customers?handle=" + java.net.URLEncoder.encode(handle, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(http.get("anna", query + "&channel=CHAT").json().get("id").asText()).isEqualTo(byChat.customerId());
    assertThat(http.get("anna", query + "&channel=SOCIAL").json().get("id").asText())
        .isEqualTo(bySocial.customerId());
    assertThat(http.get("anna", "/api/customers?handle=nobody-" + UUID.randomUUID() + "&channel=CHAT").status())
        .isEqualTo(404);
  }

  @Test
  void shouldLinkAHandleToTheCustomerOfTheEmailItCameWith() {
    String email = uniqueEmail("handle");
    String handle = uniqueHandle("fb:");
    Contact byEmail = intake.receive(emailContact(email, "INQUIRY", "Question", "Hello"), "intake").contact();
    Contact withBoth = intake.receive(new NewContact("SOCIAL", "social-" + UUID.randomUUID(), null,
        new CustomerDetails(email, null, null, null, null, handle), null, "Hi", "INQUIRY", null, null), "intake")
        .contact();
    Contact byHandle = social(handle, "Me again");

    assertThat(List.of(withBoth.customerId(), byHandle.customerId())).containsOnly(byEmail.customerId());
  }

  @Test
  void shouldMoveTheHandleToTheSurvivorOfAMerge() {
    String email = uniqueEmail("merged");
    String handle = uniqueHandle("fb:");
    Contact byEmail = intake.receive(emailContact(email, "INQUIRY", "Question", "Hello"), "intake").contact();
    Contact bySocial = social(handle, "Hello from Facebook");
    assertThat(bySocial.customerId()).isNotEqualTo(byEmail.customerId());

    Http.Response merged = http.postJson("maria", "/api/customers/merge", Map.of("into", byEmail.customerId(),
        "from", bySocial.customerId(), "reason", "The Facebook user gave the e-mail address in the chat"));

    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    assertThat(find(merged.json().get("identities"), "value", handle).get("kind").asText()).isEqualTo("SOCIAL");
    assertThat(merged.json().get("merged").get(0).get("movedIdentities").asInt()).isEqualTo(1);
    Contact later = social(handle, "Any news?");
    assertThat(later.customerId()).isEqualTo(byEmail.customerId());
  }

  @Test
  void shouldAnswerThroughTheChannelWebhookToTheHandle() throws Exception {
    String handle = uniqueHandle("fb:");
    Contact contact = social(handle, "Ile kosztuje dostawa?");
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    TestWebhook.reset();

    complete(pi, "boris", DemoPeople.BORIS, Map.of(ReplyStep.REPLY_TEXT, "Dostawa kosztuje 15 zł.",
        ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE"));
    run(pi, InquiryProcess.Elements.SERVICE_SEND_REPLY);

    assertThat(pi).isEnded();
    Message reply = messages.ofContact(contact.id()).stream().filter(m -> m.author().equals("boris")).findFirst()
        .orElseThrow();
    assertThat(reply.recipient()).isEqualTo(handle);
    assertThat(reply.status()).isEqualTo(MessageStatus.SENT);
    assertThat(TestWebhook.received()).singleElement().satisfies(request -> {
      assertThat(request.path()).isEqualTo("/social");
      JsonNode body = json.readTree(request.body());
      assertThat(body.get("to").asText()).isEqualTo(handle);
      assertThat(body.get("text").asText()).contains("Dostawa kosztuje 15 zł.");
    });
  }

  private Contact chat(String handle, String text) {
    return contact("CHAT", handle, text);
  }

  private Contact social(String handle, String text) {
    return contact("SOCIAL", handle, text);
  }

  private Contact contact(String channel, String handle, String text) {
    return intake.receive(new NewContact(channel, channel.toLowerCase() + "-" + UUID.randomUUID(), null,
        new CustomerDetails(null, null, null, "pl", null, handle), null, text, "INQUIRY", null, null), "intake")
        .contact();
  }

  private static String uniqueHandle(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }
}
