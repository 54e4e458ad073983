package io.careflow.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.inquiry.InquiryProcess.Elements;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import io.careflow.support.Conversation;
import io.careflow.support.DemoPeople;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.TestMail;
import io.careflow.support.TestWebhook;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * SPEC R1, "delivered means delivered", with the chat webhook switched off
 * ({@code careflow.channels.chat.enabled=false}): an agent answers a chat customer, the answer has
 * no way out. It is not an answer — the send step tries as often as for a channel that is down,
 * then shows an incident; the message is UNDELIVERED on the case's timeline with the reason; the
 * team leads are told once; no first reply is recorded; the 60-second chat deadline is breached by
 * the watcher and {@code /api/kpis} counts it as missed. Once the webhook is back and the incident
 * retried, the same message leaves.
 */
@TestPropertySource(properties = "careflow.channels.chat.enabled=false")
abstract class UndeliveredReplyScenarios extends ProtocolTestSupport {


  @Autowired
  private ContactEvents events;

  @Test
  void shouldKeepTheClockRunningRaiseAnIncidentAndCountTheDeadlineMissedWhenTheChatHasNoWayOut()
      throws Exception {
    clock(MONDAY_10);
    Contact contact = intake.receive(new NewContact("CHAT", "chat-" + UUID.randomUUID(), null,
        new CustomerDetails(null, "+48 600 300 400", "Ola", "pl"), null, "Czy macie czajnik KET-200?", "INQUIRY",
        null, null), "intake").contact();
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    complete(pi, "boris", DemoPeople.BORIS, Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Tak, mamy go w magazynie.",
        ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE")));

    // five attempts (R5/PT1M), each failing for want of a way out; then the incident
    for (int attempt = 1; attempt <= 5; attempt++) {
      Job send = sendJob(pi);
      assertThatThrownBy(() -> processEngine.getManagementService().executeJob(send.getId()))
          .hasMessageContaining("chat webhook is not configured or switched off");
    }
    assertThat(pi).isWaitingAt(Elements.SERVICE_SEND_REPLY);
    List<Incident> incidents = processEngine.getRuntimeService().createIncidentQuery()
        .processInstanceId(pi.getId()).list();
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getActivityId()).isEqualTo(Elements.SERVICE_SEND_REPLY);
      assertThat(incident.getIncidentMessage()).contains("chat webhook");
    });
    assertThat(TestWebhook.received()).isEmpty();

    // undelivered, on the timeline with the reason; no first reply; the clock still runs
    Message reply = messages.ofContact(contact.id()).get(0);
    assertThat(reply.status()).isEqualTo(MessageStatus.UNDELIVERED);
    assertThat(reply.sentAt()).isNull();
    assertThat(events.of(contact.id())).filteredOn(e -> e.type().equals(ContactEvents.MESSAGE_UNDELIVERED))
        .singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo(ContactEvents.SYSTEM);
          assertThat(e.detail()).contains("answer to +48600300400 by CHAT not delivered")
              .contains("chat webhook is not configured or switched off").contains("reply clock runs on");
        });
    assertThat(reload(contact).firstReplyAt()).isNull();
    Deadline replyDeadline = deadline(contact.id(), DeadlineService.REPLY);
    assertThat(replyDeadline.isCompleted()).isFalse();
    assertThat(replyDeadline.met()).isNull();

    // the team leads are told once, by e-mail, with the reason
    assertThat(runDeadlineAlerts(contact.id())).isEqualTo(1);
    MimeMessage[] toMaria = TestMail.SMTP.getReceivedMessagesForDomain("shop.example");
    assertThat(Arrays.stream(toMaria).filter(m -> subject(m).startsWith("Message not delivered: CHAT to +48600300400")))
        .singleElement().satisfies(m -> assertThat(m.getAllRecipients()[0].toString()).startsWith("maria"));

    // the watcher breaches the 60-second chat deadline as for any answer not given
    runWatcherUntil(replyDeadline, replyDeadline.dueAt().plusSeconds(1));
    Deadline breached = deadline(contact.id(), DeadlineService.REPLY);
    assertThat(breached.breachedAt()).isNotNull();
    assertThat(breached.met()).isFalse();
    assertThat(http.get("maria", "/api/contacts/" + contact.id()).json().get("sla").get("met").asBoolean(true))
        .isFalse();

    JsonNode sla = http.get("maria", "/api/kpis?from=2026-11-30T00:00:00%2B01:00&to=2026-12-01T00:00:00%2B01:00"
        + "&channel=CHAT").json().get("slaCompliance");
    assertThat(sla.get("byChannel").get("CHAT").get("decided").asLong()).isEqualTo(1);
    assertThat(sla.get("byChannel").get("CHAT").get("met").asLong()).isZero();

    // an operator's retry that fails again tells nobody a second time
    processEngine.getManagementService().setJobRetries(sendJob(pi).getId(), 1);
    assertThatThrownBy(() -> processEngine.getManagementService().executeJob(sendJob(pi).getId()));
    runDeadlineAlerts(contact.id());
    assertThat(Arrays.stream(TestMail.SMTP.getReceivedMessagesForDomain("shop.example"))
        .filter(m -> subject(m).startsWith("Message not delivered"))).hasSize(1);
    assertThat(messages.find(reply.id()).orElseThrow().status()).isEqualTo(MessageStatus.UNDELIVERED);
  }

  private Job sendJob(ProcessInstance pi) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(Elements.SERVICE_SEND_REPLY).singleResult();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
