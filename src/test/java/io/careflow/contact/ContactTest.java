package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The named constructors and withers of {@link Contact}: each use case starts from what it knows. */
class ContactTest {

  private static final Instant AT = Instant.parse("2026-12-07T09:30:00Z");

  @Test
  void shouldReceiveAnOpenContactWithNothingDecidedYet() {
    Contact contact = Contact.received(Channel.EMAIL, "<m-1@shop.example>", AT)
        .withReach("jan@example.com", null, null)
        .withText("Warranty", "How long?")
        .withTopicHint("INQUIRY")
        .withOrder("ORD-1", "KET-200")
        .withDissatisfaction("low")
        .withCallBackAt(null);

    assertThat(contact.id()).isNotBlank();
    assertThat(contact.status()).isEqualTo(ContactStatus.OPEN);
    assertThat(contact).extracting(Contact::channel, Contact::externalId, Contact::receivedAt,
            Contact::customerEmail, Contact::subject, Contact::body, Contact::topicHint, Contact::orderId,
            Contact::productSku, Contact::dissatisfaction)
        .containsExactly(Channel.EMAIL, "<m-1@shop.example>", AT, "jan@example.com", "Warranty", "How long?",
            "INQUIRY", "ORD-1", "KET-200", "low");
    assertThat(contact).extracting(Contact::customerId, Contact::topic, Contact::protocol,
            Contact::processInstanceId, Contact::firstReplyAt, Contact::resolvedAt, Contact::outcome)
        .containsOnlyNulls();
    assertThat(Contact.received(Channel.EMAIL, null, AT).id()).isNotEqualTo(contact.id());
  }

  @Test
  void shouldFollowACaseForTheSameCustomerInTheSameChannel() {
    Contact origin = Contact.received(Channel.CHAT, "chat-1", AT)
        .withCustomer("customer-1", "pl")
        .withReach("ewa@example.com", "+48600100200", "fb:42")
        .withText("Call me", "about my order")
        .withOrder("ORD-2", "JKT-110")
        .withDissatisfaction("high")
        .withTopicHint("CALL_BACK");

    Contact next = Contact.following(origin, "follow-1", AT.plusSeconds(60)).withText("Return", null)
        .withTopicHint("RETURN");

    assertThat(next.id()).isNotEqualTo(origin.id());
    assertThat(next).extracting(Contact::channel, Contact::customerId, Contact::language, Contact::customerEmail,
            Contact::customerPhone, Contact::customerHandle, Contact::orderId, Contact::productSku)
        .containsExactly(Channel.CHAT, "customer-1", "pl", "ewa@example.com", "+48600100200", "fb:42", "ORD-2",
            "JKT-110");
    assertThat(next).extracting(Contact::externalId, Contact::receivedAt, Contact::subject, Contact::topicHint,
            Contact::status)
        .containsExactly("follow-1", AT.plusSeconds(60), "Return", "RETURN", ContactStatus.OPEN);
    assertThat(next.dissatisfaction()).as("the new case's mood is its own").isNull();
  }

  @Test
  void shouldOpenAProactiveContactWithItsRunningProtocol() {
    Contact contact = Contact.proactive("event-1", Channel.SMS, AT, "shipment", "pi-1")
        .withCustomer("customer-2", "en");

    assertThat(contact).extracting(Contact::id, Contact::channel, Contact::receivedAt, Contact::protocol,
            Contact::processInstanceId, Contact::customerId, Contact::language, Contact::status)
        .containsExactly("event-1", Channel.SMS, AT, "shipment", "pi-1", "customer-2", "en", ContactStatus.OPEN);
    assertThat(contact.externalId()).isNull();
  }
}
