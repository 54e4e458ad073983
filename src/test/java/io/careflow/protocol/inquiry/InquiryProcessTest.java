package io.careflow.protocol.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.careflow.followup.PlanFollowUpListener;
import io.careflow.support.Refusal;
import io.careflow.followup.FollowUpPlans;
import io.careflow.followup.FollowUpType;
import io.careflow.communication.MessageRepository;
import io.careflow.communication.MessageStatus;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.protocol.inquiry.InquiryProcess.Elements;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Conversation;
import io.careflow.support.TestMail;
import io.careflow.support.TestWebhook;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code processes/inquiry.bpmn}: the reply written, refused, sent, stored, retried. */
class InquiryProcessTest extends CareflowIntegrationTest {

  @Autowired
  ContactRepository contacts;

  @Autowired
  MessageRepository messages;

  @Autowired
  FollowUpPlans followUps;

  @Test
  void shouldSendTheReplyByEmailSignedWithTheAgentsName() throws Exception {
    String email = uniqueEmail("reply");
    NewContact request = emailContact(email, "INQUIRY", "Delivery to Gdańsk", "How long does it take?");
    Contact contact = intake.receive(request, "intake").contact();
    ProcessInstance pi = inquiry(contact);
    assertThat(pi).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);

    completeAs("boris", task(pi), "Two working days.\nKind regards");

    assertThat(pi).hasPassed(Elements.USER_ANSWER_CUSTOMER).isWaitingAt(Elements.SERVICE_SEND_REPLY);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), ReplyStep.REPLY_TEXT)).isNull();
    execute(job(pi));
    assertThat(pi).hasPassed(Elements.SERVICE_SEND_REPLY, Elements.END_INQUIRY_ANSWERED).isEnded();

    MimeMessage[] received = TestMail.SMTP.getReceivedMessagesForDomain(email.substring(email.indexOf('@') + 1));
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
    assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Boris Ivanov");
    assertThat(mail.getSubject()).isEqualTo("Re: Delivery to Gdańsk " + io.careflow.communication.CaseToken.of(contact.id()));
    assertThat(mail.getHeader("In-Reply-To")[0]).isEqualTo(request.externalId());
    String content = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
    assertThat(content).contains("Two working days.").contains("Boris Ivanov");

    Contact replied = contacts.find(contact.id()).orElseThrow();
    assertThat(replied.firstReplyAt()).isNotNull();
    assertThat(messages.ofContact(contact.id())).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
      assertThat(m.author()).isEqualTo("boris");
      assertThat(m.externalId()).isEqualTo(mail.getMessageID());
    });
  }

  @Test
  void shouldRecordFirstContactResolutionAndTheNextCommunication() {
    Contact contact = intake.receive(emailContact(uniqueEmail("fcr"), "INQUIRY", "Stock", "Is it in stock?"),
        "intake").contact();
    ProcessInstance pi = inquiry(contact);
    String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Warsaw")).plusDays(1).toString();

    var identity = processEngine.getIdentityService();
    identity.setAuthentication("boris", List.of("agents", "team-inquiries"));
    try {
      processEngine.getTaskService().complete(task(pi).getId(), Map.of(ReplyStep.REPLY_TEXT, "Yes, 12 in stock.",
          ReplyStep.REPLY_KIND, "ANSWER", RecordFirstContactResolutionListener.RESOLVED_IN_FIRST_CONTACT, true,
          PlanFollowUpListener.TYPE, "SATISFACTION_CHECK", PlanFollowUpListener.DATE, tomorrow));
    } finally {
      identity.clearAuthentication();
    }

    assertThat(contacts.find(contact.id()).orElseThrow().firstContactResolved()).isTrue();
    assertThat(followUps.ofContact(contact.id())).singleElement().satisfies(f -> {
      assertThat(f.type()).isEqualTo(FollowUpType.SATISFACTION_CHECK);
      assertThat(f.createdBy()).isEqualTo("boris");
    });
    // the plan lives in the follow-up table, not in the process
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), PlanFollowUpListener.TYPE)).isNull();
  }

  @Test
  void shouldRefuseAnEmptyReplyAndKeepTheTaskOpen() {
    Contact contact = intake.receive(emailContact(uniqueEmail("empty"), "INQUIRY", "s", "b"), "intake").contact();
    ProcessInstance pi = inquiry(contact);
    Task answer = task(pi);

    assertThatThrownBy(() -> completeAs("boris", answer, "   "))
        .isInstanceOf(ProcessEngineException.class).satisfies(Refusal.naming(ReplyStep.REPLY_TEXT));
    assertThatThrownBy(() -> completeAs("boris", answer, "x".repeat(ReplyStep.MAX_REPLY_LENGTH + 1)))
        .satisfies(Refusal.naming("at most"));

    assertThat(pi).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat(messages.ofContact(contact.id())).isEmpty();
  }

  @Test
  void shouldAnswerAnSmsThroughTheSmsGatewayAndCountItOnlyOnceTheGatewayTookIt() {
    Contact contact = intake.receive(new NewContact("SMS", "sms-" + System.nanoTime(), null,
        new CustomerDetails(null, "+48 602 111 222", null, "pl"), null, "Czy jest w sklepie?", "INQUIRY", null, null),
        "intake").contact();
    ProcessInstance pi = inquiry(contact);

    completeAs("boris", task(pi), "Tak, jest dostępny.");
    execute(job(pi));

    assertThat(pi).isEnded();
    assertThat(TestMail.SMTP.getReceivedMessages()).isEmpty();
    assertThat(TestWebhook.received()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/sms"));
    assertThat(messages.ofContact(contact.id())).singleElement().satisfies(m -> {
      // the gateway answered 2xx: delivered, so it is the first reply
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
      assertThat(m.recipient()).isEqualTo("+48602111222");
    });
    assertThat(contacts.find(contact.id()).orElseThrow().firstReplyAt()).isNotNull();
  }

  @Test
  void shouldRetrySendingWhileTheMailServerIsDown() {
    String email = uniqueEmail("outage");
    Contact contact = intake.receive(emailContact(email, "INQUIRY", "s", "b"), "intake").contact();
    ProcessInstance pi = inquiry(contact);
    completeAs("boris", task(pi), "Answer during an outage");

    TestMail.SMTP.stop();
    try {
      Job send = job(pi);
      assertThatThrownBy(() -> processEngine.getManagementService().executeJob(send.getId()));
      Job retried = job(pi);
      assertThat(retried.getRetries()).isEqualTo(4);
      assertThat(messages.ofContact(contact.id())).singleElement()
          .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.PENDING));
      assertThat(contacts.find(contact.id()).orElseThrow().firstReplyAt()).isNull();
    } finally {
      TestMail.SMTP.start();
    }

    execute(job(pi));
    assertThat(pi).isEnded();
    assertThat(TestMail.SMTP.getReceivedMessagesForDomain("example.com")).hasSize(1);
  }

  @Test
  void shouldAnswerAPhoneContactByCallingTheCustomer() {
    Contact contact = phoneInquiry(null);
    ProcessInstance pi = inquiry(contact);
    assertThat(pi).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);

    completeAs("boris", task(pi), Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Yes, it is in stock in Gdańsk.",
        ReplyStep.REPLY_KIND, "ANSWER", ReplyStep.ANSWER_CALL_OUTCOME, "REACHED", PlanFollowUpListener.TYPE, "NONE")));
    execute(job(pi));

    assertThat(pi).hasPassed(Elements.SERVICE_SEND_REPLY, Elements.END_INQUIRY_ANSWERED).isEnded();
    // the customer heard the answer: nothing is texted or mailed, and the call is the first reply
    assertThat(TestWebhook.received()).isEmpty();
    assertThat(TestMail.SMTP.getReceivedMessages()).isEmpty();
    assertThat(messages.ofContact(contact.id())).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
      assertThat(m.author()).isEqualTo("boris");
      assertThat(m.body()).isEqualTo("Yes, it is in stock in Gdańsk.");
      assertThat(m.sentAt()).isNotNull();
    });
    Contact answered = contacts.find(contact.id()).orElseThrow();
    assertThat(answered.firstReplyAt()).isNotNull();
    assertThat(jdbc.sql("select met from deadline where contact_id = ? and step = 'reply'").param(contact.id())
        .query(Boolean.class).single()).isTrue();
    assertThat(jdbc.sql("select detail from contact_event where contact_id = ? and type = 'MESSAGE_SENT'")
        .param(contact.id()).query(String.class).single()).isEqualTo("answer told the customer in a call to +48602333444");
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .isZero();
  }

  @Test
  void shouldKeepAPhoneAnswerOpenWhenTheCallDidNotReachACustomerWhoRefusedTexts() {
    Contact contact = phoneInquiry(null);
    ProcessInstance pi = inquiry(contact);
    Map<String, Object> notReached = Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Yes, it is in stock.",
        ReplyStep.REPLY_KIND, "ANSWER", ReplyStep.ANSWER_CALL_OUTCOME, "NOT_REACHED", PlanFollowUpListener.TYPE, "NONE"));

    assertThatThrownBy(() -> completeAs("boris", task(pi), notReached))
        .satisfies(Refusal.naming(ReplyStep.ANSWER_CALL_OUTCOME))
        .satisfies(Refusal.naming("has not agreed to text messages"));
    var withoutOutcome = new java.util.HashMap<>(notReached);
    withoutOutcome.remove(ReplyStep.ANSWER_CALL_OUTCOME);
    assertThatThrownBy(() -> completeAs("boris", task(pi), withoutOutcome))
        .satisfies(Refusal.naming(ReplyStep.ANSWER_CALL_OUTCOME));

    // the task stays open, nothing is recorded and the reply clock runs on
    assertThat(pi).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat(messages.ofContact(contact.id())).isEmpty();
    assertThat(contacts.find(contact.id()).orElseThrow().firstReplyAt()).isNull();
    assertThat(jdbc.sql("select count(*) from deadline where contact_id = ? and step = 'reply' and completed_at is null")
        .param(contact.id()).query(Integer.class).single()).isOne();
  }

  @Test
  void shouldTextTheAnswerToAPhoneCustomerWhoAgreedWhenTheCallDidNotReachThem() {
    Contact contact = phoneInquiry(true);
    ProcessInstance pi = inquiry(contact);

    completeAs("boris", task(pi), Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Yes, it is in stock.",
        ReplyStep.REPLY_KIND, "ANSWER", ReplyStep.ANSWER_CALL_OUTCOME, "NOT_REACHED", PlanFollowUpListener.TYPE, "NONE")));
    execute(job(pi));

    assertThat(pi).isEnded();
    assertThat(TestWebhook.received()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/sms"));
    assertThat(messages.ofContact(contact.id())).singleElement()
        .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.SENT));
    assertThat(contacts.find(contact.id()).orElseThrow().firstReplyAt()).isNotNull();
  }

  @Test
  void shouldNotTextAPhoneCustomerWhoDidNotAgree() {
    // an automatic notice to a PHONE customer (the complaint's acknowledgement) is a text: without
    // consent it cannot leave, the step fails and retries, and at the end it is an incident
    Contact contact = intake.receive(new NewContact("PHONE", "call-" + System.nanoTime(), null,
        new CustomerDetails(null, "+48 602 555 666", "Ola", "pl"), "Zepsuty czajnik", "Czajnik nie grzeje.",
        "COMPLAINT", null, null), "intake").contact();
    ProcessInstance complaint = processInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(contact.id()).singleResult();
    Job acknowledgement = processEngine.getManagementService().createJobQuery().processInstanceId(complaint.getId())
        .activityId(ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT).singleResult();

    assertThatThrownBy(() -> processEngine.getManagementService().executeJob(acknowledgement.getId()))
        .satisfies(Refusal.naming("has not agreed to text messages"));
    assertThat(TestWebhook.received()).isEmpty();
    assertThat(messages.ofContact(contact.id())).allSatisfy(m -> assertThat(m.status()).isNotEqualTo(MessageStatus.SENT));
  }

  private Contact phoneInquiry(Boolean textMessagesAllowed) {
    return intake.receive(new NewContact("PHONE", "call-" + System.nanoTime(), null,
        new CustomerDetails(null, "+48 602 333 444", "Jan", "en", null, null, textMessagesAllowed), null,
        "Is the red kettle in stock?", "INQUIRY", null, null), "intake").contact();
  }

  private void completeAs(String user, Task task, Map<String, Object> values) {
    var identity = processEngine.getIdentityService();
    identity.setAuthentication(user, List.of("agents", "team-inquiries"));
    try {
      processEngine.getTaskService().complete(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  private void completeAs(String user, Task task, String reply) {
    var identity = processEngine.getIdentityService();
    identity.setAuthentication(user, List.of("agents", "team-inquiries"));
    try {
      processEngine.getTaskService().complete(task.getId(), Map.of(ReplyStep.REPLY_TEXT, reply,
          ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE"));
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance inquiry(Contact contact) {
    return processInstanceQuery().processDefinitionKey(InquiryProcess.KEY).processInstanceBusinessKey(contact.id())
        .singleResult();
  }
}
