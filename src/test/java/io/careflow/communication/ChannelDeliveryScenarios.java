package io.careflow.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.support.Conversation;
import io.careflow.support.DemoPeople;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.TestMail;
import io.careflow.support.TestWebhook;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Replies and notices leave in the customer's channel: chat and social through their signed
 * webhooks (a local HTTP receiver here), e-mail through SMTP; an outage of either loses
 * nothing and, once over, delivers every message exactly once.
 */
abstract class ChannelDeliveryScenarios extends ProtocolTestSupport {

  private final ObjectMapper json = new ObjectMapper();

  @org.springframework.beans.factory.annotation.Autowired
  ChannelDelivery delivery;

  @Test
  void shouldSendAChatReplyThroughTheSignedChatWebhook() throws Exception {
    Contact contact = chat("Ile kosztuje dostawa?");
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    complete(pi, "boris", DemoPeople.BORIS, Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Dostawa <b>kosztuje</b> 15 zł.",
        ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE")));
    run(pi, InquiryProcess.Elements.SERVICE_SEND_REPLY);

    assertThat(pi).isEnded();
    Message reply = messages.ofContact(contact.id()).get(0);
    assertThat(reply.status()).isEqualTo(MessageStatus.SENT);
    assertThat(TestWebhook.received()).singleElement().satisfies(request -> {
      assertThat(request.path()).isEqualTo("/chat");
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      // the receiver recomputes the signature over the exact bytes with the shared secret
      assertThat(request.header(WebhookSender.SIGNATURE))
          .isEqualTo("sha256=" + WebhookSender.sign(TestWebhook.SECRET, request.body()));
      assertThat(request.header(WebhookSender.MESSAGE_ID)).isEqualTo(reply.id());
      JsonNode body = json.readTree(request.body());
      assertThat(body.get("messageId").asText()).isEqualTo(reply.id());
      assertThat(body.get("contactId").asText()).isEqualTo(contact.id());
      assertThat(body.get("channel").asText()).isEqualTo("CHAT");
      assertThat(body.get("kind").asText()).isEqualTo("ANSWER");
      assertThat(body.get("to").asText()).isEqualTo("+48600100200");
      assertThat(body.get("from").asText()).isEqualTo("Boris Ivanov");
      // plain text for a chat: the agent's words as written, never turned into markup
      assertThat(body.get("text").asText()).contains("Dostawa <b>kosztuje</b> 15 zł.");
    });
    // no reply tells the customer to switch channel: nothing went by e-mail
    assertThat(TestMail.SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void shouldNotSendAgainWhatAnOverlappingRunOfTheStepSent() {
    // two runs of one send step (cluster nodes, a job whose lock ran out) both read the reply PENDING
    Contact contact = chat("Czy wysyłacie do Czech?");
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    complete(pi, "boris", DemoPeople.BORIS, Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Tak.", ReplyStep.REPLY_KIND,
        "ANSWER", PlanFollowUpListener.TYPE, "NONE")));
    Message readByBoth = messages.ofContact(contact.id()).stream()
        .filter(m -> m.direction() == Message.Direction.OUT).findFirst().orElseThrow();
    assertThat(readByBoth.status()).isEqualTo(MessageStatus.PENDING);

    run(pi, InquiryProcess.Elements.SERVICE_SEND_REPLY);
    assertThat(TestWebhook.received()).hasSize(1);
    // the second run gets the row after the first committed, sees SENT and sends nothing
    delivery.deliver(readByBoth, new MessageTemplates.Rendered("pl", null, "Tak."), List.of());

    assertThat(TestWebhook.received()).hasSize(1);
    assertThat(messages.ofContact(contact.id()).stream().filter(m -> m.direction() == Message.Direction.OUT))
        .singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.SENT));
  }

  @Test
  void shouldKeepRetryingThroughAWebhookOutageAndDeliverOnceWhenItIsBack() {
    Contact contact = chat("Czy jest dostępny w czerwonym?");
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    complete(pi, "boris", DemoPeople.BORIS, Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Tak.", ReplyStep.REPLY_KIND,
        "ANSWER", PlanFollowUpListener.TYPE, "NONE")));

    TestWebhook.answer(503);
    for (int attempt = 1; attempt <= 5; attempt++) {
      Job send = job(pi);
      assertThatThrownBy(() -> processEngine.getManagementService().executeJob(send.getId()))
          .hasMessageContaining("answered 503");
    }
    // after the last retry: an incident for Cockpit, the message kept as undelivered
    assertThat(job(pi).getRetries()).isZero();
    assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
        .isEqualTo(1);
    assertThat(messages.ofContact(contact.id())).singleElement()
        .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.UNDELIVERED));
    assertThat(reload(contact).firstReplyAt()).isNull();

    // the chat tool is back; an operator retries the incident in Cockpit
    TestWebhook.answer(200);
    processEngine.getManagementService().setJobRetries(job(pi).getId(), 1);
    processEngine.getManagementService().executeJob(job(pi).getId());

    assertThat(pi).isEnded();
    Message reply = messages.ofContact(contact.id()).get(0);
    assertThat(reply.status()).isEqualTo(MessageStatus.SENT);
    // six attempts reached the receiver, all with the same idempotency key; one was accepted
    assertThat(TestWebhook.received()).hasSize(6)
        .allSatisfy(r -> assertThat(r.header(WebhookSender.MESSAGE_ID)).isEqualTo(reply.id()));
    assertThat(reload(contact).firstReplyAt()).isNotNull();
  }

  @Test
  void shouldGiveUpOnAWebhookThatRefusesWithA4xxAfterTheAttemptsAndTellTheTeamLeadsOnce() throws Exception {
    Contact contact = chat("Gdzie jest moja paczka?");
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    complete(pi, "boris", DemoPeople.BORIS, Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Jest w drodze.", ReplyStep.REPLY_KIND, "ANSWER",
        PlanFollowUpListener.TYPE, "NONE")));

    // the chat tool refuses the message (it no longer knows the session): not retried forever
    TestWebhook.answer(410);
    for (int attempt = 1; attempt <= 5; attempt++) {
      Job send = job(pi);
      assertThatThrownBy(() -> processEngine.getManagementService().executeJob(send.getId()))
          .hasMessageContaining("answered 410");
    }
    assertThat(job(pi).getRetries()).isZero();
    assertThat(TestWebhook.received()).hasSize(5);
    assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult()
        .getIncidentMessage()).contains("answered 410");
    Message reply = messages.ofContact(contact.id()).get(0);
    assertThat(reply.status()).isEqualTo(MessageStatus.UNDELIVERED);
    assertThat(reload(contact).firstReplyAt()).isNull();
    assertThat(deadline(contact.id(), io.careflow.sla.DeadlineService.REPLY).isCompleted()).isFalse();

    // the team leads are told once, whatever the operator's retries do
    runDeadlineAlerts(contact.id());
    processEngine.getManagementService().setJobRetries(job(pi).getId(), 1);
    assertThatThrownBy(() -> processEngine.getManagementService().executeJob(job(pi).getId()));
    runDeadlineAlerts(contact.id());
    var alerts = java.util.Arrays.stream(TestMail.SMTP.getReceivedMessages())
        .filter(m -> subjectOf(m).startsWith("Message not delivered: CHAT to +48600100200")).toList();
    assertThat(alerts).singleElement()
        .satisfies(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo("maria@shop.example"));
    assertThat(jdbc.sql("select count(*) from staff_alert where message_id = ? and level = 'UNDELIVERED'")
        .param(reply.id()).query(Long.class).single()).isEqualTo(1);

    // the chat tool takes it again: the operator's retry delivers that same message, now a reply
    TestWebhook.answer(200);
    processEngine.getManagementService().setJobRetries(job(pi).getId(), 1);
    processEngine.getManagementService().executeJob(job(pi).getId());
    assertThat(pi).isEnded();
    assertThat(messages.find(reply.id()).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    assertThat(reload(contact).firstReplyAt()).isNotNull();
  }

  @Test
  void shouldMarkOnlyTheMessageOfTheStepThatGaveUpWhenTwoBranchesSend() {
    // a complaint acknowledges and answers on parallel branches: the acknowledgement's step gives
    // up while the agent's reply waits at its own step — only the acknowledgement is undelivered
    Contact contact = intake.receive(new NewContact("SOCIAL", "post-" + UUID.randomUUID(), null,
        new CustomerDetails(uniqueEmail("branches"), null, "Ola", "en"), null, "The parcel came crushed!",
        "COMPLAINT", null, null), "intake").contact();
    ProcessInstance complaint = protocol(contact, ComplaintProcess.KEY);
    List<String> anna = List.of("agents", "team-complaints");
    complete(complaint, "anna", anna, Conversation.done(Map.of(ComplaintProcess.FINDINGS, "Crushed in transit.",
        ComplaintProcess.JUSTIFIED, "YES")));
    complete(complaint, "anna", anna, Map.of(ComplaintProcess.RESOLUTION_TYPE, "DISCOUNT_VOUCHER",
        ComplaintProcess.COMPENSATION_AMOUNT, 50.0, ComplaintProcess.PROPOSAL, "A 50 PLN voucher."));
    complete(complaint, "anna", anna, Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "We are sorry: a 50 PLN voucher.",
        PlanFollowUpListener.TYPE, "NONE")));
    Message reply = messages.ofContact(contact.id()).stream().filter(m -> m.kind() == MessageKind.ANSWER)
        .findFirst().orElseThrow();

    TestWebhook.answer(500);
    for (int attempt = 1; attempt <= 5; attempt++) {
      Job ack = jobAt(complaint, ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
      assertThatThrownBy(() -> processEngine.getManagementService().executeJob(ack.getId()));
    }

    assertThat(notices(contact)).singleElement()
        .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.UNDELIVERED));
    assertThat(messages.find(reply.id()).orElseThrow().status()).isEqualTo(MessageStatus.PENDING);

    TestWebhook.answer(200);
    processEngine.getManagementService().executeJob(jobAt(complaint, ComplaintProcess.Elements.SERVICE_SEND_REPLY)
        .getId());
    assertThat(messages.find(reply.id()).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    assertThat(reload(contact).firstReplyAt()).isNotNull();
  }

  private Job jobAt(ProcessInstance pi, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(activityId).singleResult();
  }

  private static String subjectOf(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldResendTheSameRecordedNoticeAfterAFailedAttempt() {
    Contact contact = intake.receive(new NewContact("SOCIAL", "post-" + UUID.randomUUID(), null,
        new CustomerDetails(uniqueEmail("social"), null, "Ola", "en"), null, "Your courier broke my parcel!",
        "COMPLAINT", null, null), "intake").contact();
    ProcessInstance complaint = protocol(contact, ComplaintProcess.KEY);

    TestWebhook.answer(500);
    assertThatThrownBy(() -> run(complaint, ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT));
    // the notice was recorded before it was handed over: visible on the case as unsent
    List<Message> unsent = notices(contact);
    assertThat(unsent).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.PENDING));

    TestWebhook.answer(200);
    run(complaint, ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);

    assertThat(notices(contact)).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo(unsent.get(0).id());
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
    });
    assertThat(TestWebhook.received()).hasSize(2).allSatisfy(r -> {
      assertThat(r.path()).isEqualTo("/social");
      assertThat(r.header(WebhookSender.MESSAGE_ID)).isEqualTo(unsent.get(0).id());
    });
  }

  @Test
  void shouldResendTheSameNoticeByEmailOnceTheMailServerIsBack() throws Exception {
    String email = uniqueEmail("smtp");
    Contact contact = intake.receive(emailContact(email, "COMPLAINT", "Broken parcel", "Unacceptable!"), "intake")
        .contact();
    ProcessInstance complaint = protocol(contact, ComplaintProcess.KEY);

    TestMail.SMTP.stop();
    try {
      assertThatThrownBy(() -> run(complaint, ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT));
      assertThat(notices(contact)).singleElement()
          .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.PENDING));
    } finally {
      TestMail.SMTP.start();
    }
    run(complaint, ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);

    Message notice = notices(contact).get(0);
    assertThat(notice.status()).isEqualTo(MessageStatus.SENT);
    var received = TestMail.SMTP.getReceivedMessagesForDomain("example.com");
    assertThat(received).hasSize(1);
    assertThat(received[0].getMessageID()).isEqualTo(notice.externalId()).contains(notice.id());
  }

  @Test
  void shouldStripLineBreaksSoNoMailHeaderCanBeInjected() throws Exception {
    String email = uniqueEmail("inject");
    Contact contact = intake.receive(emailContact(email, "INQUIRY",
        "Price\r\nBcc: victim@example.org\r\nX-Evil: 1", "How much?"), "intake").contact();
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    complete(pi, "boris", DemoPeople.BORIS, Map.of(ReplyStep.REPLY_TEXT, "10 zł", ReplyStep.REPLY_KIND, "ANSWER",
        PlanFollowUpListener.TYPE, "NONE"));
    run(pi, InquiryProcess.Elements.SERVICE_SEND_REPLY);

    var mail = TestMail.SMTP.getReceivedMessages();
    assertThat(mail).hasSize(1);
    assertThat(mail[0].getHeader("X-Evil")).isNull();
    assertThat(mail[0].getHeader("Bcc")).isNull();
    assertThat(mail[0].getSubject()).startsWith("Re: Price Bcc: victim@example.org X-Evil: 1 [#CF-");
    assertThat(TestMail.SMTP.getReceivedMessagesForDomain("example.org")).isEmpty();
  }

  private Contact chat(String text) {
    return intake.receive(new NewContact("CHAT", "chat-" + UUID.randomUUID(), null,
        new CustomerDetails(null, "+48 600 100 200", "Ola", "pl"), null, text, "INQUIRY", null, null), "intake")
        .contact();
  }

  private org.camunda.bpm.engine.runtime.Job job(ProcessInstance pi) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
  }
}
