package io.careflow.question;

import static io.careflow.support.SupportMailbox.deliver;
import static io.careflow.support.SupportMailbox.mail;
import static io.careflow.support.SupportMailbox.receivedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.communication.CaseToken;
import io.careflow.communication.MessageKind;
import io.careflow.communication.ReplyStep;
import io.careflow.mailbox.InboundMail.Outcome;
import io.careflow.mailbox.MailboxPoller;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactStatus;
import io.careflow.files.FilesOnTaskForms;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.inquiry.InquiryProcess.Elements;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import io.careflow.support.DemoPeople;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.SupportMailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Ask the customer" from a task: Complete with a question sends it and keeps the task open with
 * the case's clock paused (moving the engine clock past the deadline breaches nothing); the
 * customer's e-mail reply with a photo resumes the clock, moved by the time waited, and the task
 * shows the answer and the photo.
 */
class AskCustomerTest extends ProtocolTestSupport {


  @Autowired
  MailboxPoller mailbox;

  @Test
  void shouldKeepTheTaskOpenWithTheClockPausedUntilTheCustomerAnswersWithAPhoto() throws Exception {
    String customer = uniqueEmail("ask");
    String first = deliver(mail(customer, "Ola Nowak", "Paczka", "How long does the parcel take?"));
    mailbox.pollOnce();
    Contact contact = contactOf(first);
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    assertThat(pi).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    Task task = task(pi);
    Deadline before = deadline(contact.id(), DeadlineService.REPLY);

    complete(pi, "boris", DemoPeople.BORIS, Map.of(CustomerQuestions.FORM_QUESTION, "Which model do you have? A photo helps.",
        ReplyStep.REPLY_TEXT, "ignored while asking"));

    // the task stays open and nothing of the completion is kept
    assertThat(pi).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat(task(pi).getId()).isEqualTo(task.getId());
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), ReplyStep.REPLY_TEXT))
        .isNotEqualTo("ignored while asking");
    assertThat(reload(contact).status()).isEqualTo(ContactStatus.WAITING_FOR_CUSTOMER);
    // the question went out in the thread, as boris's question
    MimeMessage question = receivedBy(customer);
    assertThat(question.getSubject()).contains(CaseToken.of(contact.id()));
    assertThat(messages.ofContact(contact.id())).anySatisfy(m -> {
      assertThat(m.kind()).isEqualTo(MessageKind.QUESTION);
      assertThat(m.author()).isEqualTo("boris");
      assertThat(m.body()).startsWith("Which model do you have? A photo helps.\n\n")
          .contains(CustomerQuestions.LINK_PATH);
      assertThat(m.status().name()).isEqualTo("SENT");
    });
    assertThat(processEngine.getTaskService().getVariableLocal(task.getId(), CustomerQuestions.FORM_ANSWER))
        .asString().startsWith("Waiting for the customer's answer");
    Deadline paused = deadline(contact.id(), DeadlineService.REPLY);
    assertThat(paused.isPaused()).isTrue();
    assertThat(watcher(paused)).as("the watcher stops with the clock").isNull();

    // three days pass while the customer looks for the photo: no breach
    clock(before.dueAt().plus(Duration.ofDays(3)));
    assertThat(deadline(contact.id(), DeadlineService.REPLY).breachedAt()).isNull();

    // the customer answers by e-mail with the photo
    MimeMessage answer = mail(customer, "Ola Nowak", question.getSubject(), "Model K-200, photo attached.",
        new SupportMailbox.File("model.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}));
    answer.setHeader("In-Reply-To", question.getMessageID());
    deliver(answer);
    assertThat(mailbox.pollOnce()).containsExactly(Map.entry(Outcome.REPLY, 1));

    Deadline resumed = deadline(contact.id(), DeadlineService.REPLY);
    assertThat(resumed.isPaused()).isFalse();
    assertThat(resumed.dueAt()).as("moved by the working time waited").isAfter(before.dueAt().plus(Duration.ofDays(3)));
    assertThat(watcher(resumed)).isNotNull();
    assertThat(reload(contact).status()).isEqualTo(ContactStatus.OPEN);
    var taskService = processEngine.getTaskService();
    assertThat(taskService.getVariableLocal(task.getId(), CustomerQuestions.FORM_ANSWER)).asString()
        .contains("Model K-200, photo attached.");
    assertThat(taskService.getVariableLocal(task.getId(), FilesOnTaskForms.VARIABLE)).asString()
        .contains("[![model.png](/cases/" + contact.id() + "/files/");
    assertThat(jdbc.sql("select count(*) from customer_question where contact_id = ? and answered_at is not null")
        .param(contact.id()).query(Long.class).single()).isEqualTo(1);

    // now the agent answers: the task completes as usual
    complete(pi, "boris", DemoPeople.BORIS, Map.of(ReplyStep.REPLY_TEXT, "K-200 has a filter.", PlanFollowUpListener.TYPE, "NONE",
        CustomerQuestions.FORM_QUESTION, ""));
    assertThat(pi).hasPassed(Elements.USER_ANSWER_CUSTOMER);
  }

  @Test
  void shouldRefuseAQuestionFromSomeoneWhoMayNotWorkOnTheTaskAndOnePhoneCustomersAreAskedByCalling() throws Exception {
    String customer = uniqueEmail("ask-too-long");
    String first = deliver(mail(customer, null, "Dostawa", "How long does delivery to Gdansk take?"));
    mailbox.pollOnce();
    Contact contact = contactOf(first);
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);

    assertThatThrownBy(() -> complete(pi, "boris", DemoPeople.BORIS, Map.of(CustomerQuestions.FORM_QUESTION, "x".repeat(2001))))
        .hasMessageContaining(CustomerQuestions.FORM_QUESTION);
    assertThat(pi).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat(messages.ofContact(contact.id())).noneMatch(m -> m.kind() == MessageKind.QUESTION);
    assertThat(deadline(contact.id(), DeadlineService.REPLY).isPaused()).isFalse();
  }

  private Contact contactOf(String messageId) {
    return jdbc.sql("select id from contact where channel = 'EMAIL' and external_id = ?").param(messageId)
        .query(String.class).optional().flatMap(contacts::find)
        .orElseThrow(() -> new AssertionError("No contact for " + messageId));
  }
}
