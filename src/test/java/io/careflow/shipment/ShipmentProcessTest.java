package io.careflow.shipment;

import static io.careflow.support.DemoPeople.BORIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.followup.PlanFollowUpListener;
import io.careflow.support.Refusal;
import io.careflow.communication.Message;
import io.careflow.communication.MessageKind;
import io.careflow.communication.MessageStatus;
import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.shipment.ShipmentProcess.Elements;
import io.careflow.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every path of {@code processes/shipment.bpmn} on H2 (the main path also runs on PostgreSQL). */
class ShipmentProcessTest extends ShipmentScenarios {

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource(delimiter = '|', textBlock = """
      SHIPPED          | en | Your order %s has been shipped         | has been shipped
      OUT_FOR_DELIVERY | en | Your order %s is out for delivery      | is out for delivery today
      DELIVERED        | en | Your order %s has been delivered       | has been delivered
      SHIPPED          | ru | Ваш заказ %s отправлен                 | отправлен
      OUT_FOR_DELIVERY | pl | Zamówienie %s jest dziś w doręczeniu   | w doręczeniu u kuriera
      DELIVERED        | pl | Zamówienie %s zostało doręczone        | zostało doręczone
      """)
  void shouldTellAnEmailCustomerEveryStatus(String status, String language, String subject, String text)
      throws Exception {
    String email = uniqueEmail("status");
    String order = newOrder();
    Contact asked = emailContactNaming(order, email, language);

    ShipmentEventAccepted accepted = receive(newTracking(), order, status, null);
    ProcessInstance pi = shipment(accepted.eventId());
    assertThat(pi).isWaitingAt(Elements.SERVICE_SEND_SHIPMENT_MESSAGE);
    run(pi, Elements.SERVICE_SEND_SHIPMENT_MESSAGE);

    assertThat(pi).hasPassed(Elements.START_SHIPMENT_EVENT, Elements.XOR_DELAYED, Elements.END_CUSTOMER_TOLD)
        .hasNotPassed(Elements.SERVICE_OPEN_DELAY_CONTACT).isEnded();
    List<MimeMessage> mails = mailsTo(email);
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).isEqualTo(subject.formatted(order));
    assertThat(messagesOf(asked.customerId())).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
      assertThat(m.recipient()).isEqualTo(email);
      assertThat(m.body()).contains(text).contains(order);
      assertThat(m.source()).isEqualTo(pi.getId() + ":" + Elements.SERVICE_SEND_SHIPMENT_MESSAGE);
    });
    // no contact is opened for good news
    assertThat(contacts.find(accepted.eventId())).isEmpty();
  }

  @Test
  void shouldTellAnSmsCustomerBySms() {
    String order = newOrder();
    Contact asked = contactNaming(order, "PHONE", null, "+48 601 234 567", "pl", null);

    run(shipment(receive(newTracking(), order, "SHIPPED", "2026-12-02T12:00:00+01:00").eventId()),
        Elements.SERVICE_SEND_SHIPMENT_MESSAGE);

    assertThat(TestMail.SMTP.getReceivedMessages()).isEmpty();
    assertThat(messagesOf(asked.customerId())).singleElement().satisfies(m -> {
      assertThat(m.channel()).isEqualTo(Channel.SMS);
      assertThat(m.recipient()).isEqualTo("+48601234567");
      // the SMS gateway (the tests' webhook receiver) took it
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
      assertThat(m.body()).contains("zostało wysłane").contains("Przewidywany termin dostawy: środa, 2 grudnia 2026");
    });
  }

  @Test
  void shouldUseTheChannelOfTheCustomersOwnContactElseTheEventsEmailElseItsPhone() {
    // the customer the event carries has no contact naming the order: their e-mail from the event
    String order = newOrder();
    String email = uniqueEmail("carried");
    ShipmentEventAccepted byEmail = receive(newTracking(), order, "SHIPPED", null,
        new CustomerDetails(email, "+48 602 000 111", "Ewa Nowak", "en"));
    run(shipment(byEmail.eventId()), Elements.SERVICE_SEND_SHIPMENT_MESSAGE);
    assertThat(mailsTo(email)).hasSize(1);

    // a later event of the order without the customer: the same address, found through the link
    ShipmentEventAccepted later = receive(newTracking(), order, "DELIVERED", null);
    run(shipment(later.eventId()), Elements.SERVICE_SEND_SHIPMENT_MESSAGE);
    assertThat(mailsTo(email)).hasSize(2);

    // phone only: an SMS
    String phoneOrder = newOrder();
    ShipmentEventAccepted byPhone = receive(newTracking(), phoneOrder, "SHIPPED", null,
        new CustomerDetails(null, "+48 603 000 222", null, null));
    run(shipment(byPhone.eventId()), Elements.SERVICE_SEND_SHIPMENT_MESSAGE);
    String customerId = events.get(byPhone.eventId()).customerId();
    assertThat(messagesOf(customerId)).singleElement().satisfies(m -> {
      assertThat(m.channel()).isEqualTo(Channel.SMS);
      assertThat(m.recipient()).isEqualTo("+48603000222");
    });

    // a chat customer is told in the chat (kept until a chat webhook is configured)
    String chatOrder = newOrder();
    Contact chat = contactNaming(chatOrder, "CHAT", uniqueEmail("chat"), null, "en", null);
    run(shipment(receive(newTracking(), chatOrder, "OUT_FOR_DELIVERY", null).eventId()),
        Elements.SERVICE_SEND_SHIPMENT_MESSAGE);
    assertThat(messagesOf(chat.customerId())).singleElement()
        .satisfies(m -> assertThat(m.channel()).isEqualTo(Channel.CHAT));
  }

  @Test
  void shouldSendOnceForTheSameEventTwice() {
    String email = uniqueEmail("twice");
    String order = newOrder();
    String tracking = newTracking();
    Contact asked = emailContactNaming(order, email, "en");

    ShipmentEventAccepted first = receive(tracking, order, "OUT_FOR_DELIVERY", null);
    // the same instant written in another offset is the same event
    ShipmentEventAccepted again = shipments.receive(
        new CarrierEvent(tracking, order, "OUT_FOR_DELIVERY", "2026-11-30T08:30:00Z", null, null), "intake");

    assertThat(first.duplicate()).isFalse();
    assertThat(again.duplicate()).isTrue();
    assertThat(again.eventId()).isEqualTo(first.eventId());
    assertThat(shipmentProcesses(first.eventId())).isEqualTo(1);
    run(shipment(first.eventId()), Elements.SERVICE_SEND_SHIPMENT_MESSAGE);
    assertThat(mailsTo(email)).hasSize(1);
    assertThat(messagesOf(asked.customerId())).hasSize(1);

    // the same status seen at another time is news of its own
    ShipmentEventAccepted other = shipments.receive(
        new CarrierEvent(tracking, order, "OUT_FOR_DELIVERY", "2026-11-30T09:45:00+01:00", null, null), "intake");
    assertThat(other.duplicate()).isFalse();
    assertThat(other.eventId()).isNotEqualTo(first.eventId());
  }

  @Test
  void shouldMarkTheMessageUndeliveredThroughAMailOutageAndSendItExactlyOnceAfterwards() throws Exception {
    String email = uniqueEmail("outage");
    String order = newOrder();
    Contact asked = emailContactNaming(order, email, "en");
    ProcessInstance pi = shipment(receive(newTracking(), order, "SHIPPED", null).eventId());
    ManagementService management = processEngine.getManagementService();

    TestMail.SMTP.stop();
    try {
      // every retry of the step fails; after the last one an incident shows in Cockpit
      for (int attempt = 1; attempt <= 5; attempt++) {
        Job send = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(send.getRetries()).isPositive();
        assertThatThrownBy(() -> management.executeJob(send.getId()));
      }
      Job exhausted = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
      assertThat(exhausted.getRetries()).isZero();
      assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
          .isEqualTo(1);
      // recorded before it left, never dropped, never written twice; undelivered once the step gave up
      assertThat(messagesOf(asked.customerId())).singleElement()
          .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.UNDELIVERED));
    } finally {
      TestMail.SMTP.start();
    }

    // the operator retries the incident once the mail server is back
    Job exhausted = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    management.setJobRetries(exhausted.getId(), 1);
    management.executeJob(exhausted.getId());

    assertThat(pi).hasPassed(Elements.END_CUSTOMER_TOLD).isEnded();
    assertThat(mailsTo(email)).hasSize(1);
    List<Message> sent = messagesOf(asked.customerId());
    assertThat(sent).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
      assertThat(m.kind()).isEqualTo(MessageKind.NOTICE);
    });
  }

  @Test
  void shouldWarnEscalateAndTellManagersWhenTheCheckTakesTooLong() {
    String order = newOrder();
    emailContactNaming(order, uniqueEmail("slow"), "en");
    String eventId = receive(newTracking(), order, "DELAYED", "2026-12-03T12:00:00+01:00").eventId();
    ProcessInstance pi = shipment(eventId);
    run(pi, Elements.SERVICE_OPEN_DELAY_CONTACT);
    run(pi, Elements.SERVICE_SEND_DELAY_APOLOGY);

    guardedStep(eventId, ShipmentProcess.DELAY_STEP).warnsThenEscalates();

    assertThat(pi).isWaitingAt(Elements.USER_CHECK_DELAYED_SHIPMENT);

    complete(pi, "boris", BORIS, Map.of(PlanFollowUpListener.TYPE, "NONE"));
    assertThat(pi).isEnded();
    assertThat(deadlines.first(eventId, ShipmentProcess.DELAY_STEP).orElseThrow().met()).isFalse();
  }

  @Test
  void shouldKeepTheCheckOpenWhenTheFormIsIncomplete() {
    String order = newOrder();
    emailContactNaming(order, uniqueEmail("form"), "en");
    ProcessInstance pi = shipment(receive(newTracking(), order, "DELAYED", "2026-12-03T12:00:00+01:00").eventId());
    run(pi, Elements.SERVICE_OPEN_DELAY_CONTACT);
    run(pi, Elements.SERVICE_SEND_DELAY_APOLOGY);

    assertThatThrownBy(() -> complete(pi, "boris", BORIS, Map.of(ShipmentProcess.FORM_CHECK_NOTE, "x".repeat(2001),
        PlanFollowUpListener.TYPE, "NONE"))).satisfies(Refusal.naming(ShipmentProcess.FORM_CHECK_NOTE));
    assertThatThrownBy(() -> complete(pi, "boris", BORIS, Map.of())).satisfies(Refusal.naming(PlanFollowUpListener.TYPE));
    assertThat(pi).isWaitingAt(Elements.USER_CHECK_DELAYED_SHIPMENT);
  }
}
