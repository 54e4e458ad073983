package io.careflow.sla;

import static io.careflow.support.ShopTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.careflow.communication.ReplyStep;
import io.careflow.casefile.Contact;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.sla.DeadlineAlertProcess.Elements;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code deadline-alert.bpmn}: one e-mail to one person about one level of a deadline, sent by its
 * own asynchronous step with retries ({@code R5/PT1M}). Driven by the engine clock: an inquiry
 * e-mail arrives on Monday 30 November 2026 at 10:00 Warsaw time and is due at 16:00 (warning
 * 14:30); the deadline's timer starts the alert, the test runs the alert's job.
 */
class DeadlineAlertProcessTest extends CareflowIntegrationTest {

  @Autowired
  DeadlineService deadlines;

  @Autowired
  DeadlineAlerts alerts;

  ManagementService management;

  @BeforeEach
  void mondayMorning() {
    management = processEngine.getManagementService();
    clock(at("2026-11-30T10:00+01:00"));
  }

  @Test
  void shouldEmailThePersonOnceUnderAMessageIdFixedByDeadlineLevelAndPerson() throws Exception {
    Contact contact = inquiry("alert");
    ProcessInstance inquiry = inquiryProcess(contact);
    Deadline reply = deadline(contact.id(), DeadlineService.REPLY);
    runWatcherUntil(reply, reply.dueAt().plusSeconds(60));

    ProcessInstance alert = alert(contact);
    assertThat(alert).hasPassed(Elements.START_DEADLINE_ALERT).isWaitingAt(Elements.SERVICE_SEND_DEADLINE_ALERT);
    assertThat(alert.getBusinessKey()).isEqualTo(replyDeadlineId(contact));
    assertThat(TestMail.SMTP.getReceivedMessages()).as("not in the timer's step").isEmpty();

    execute(job(alert));

    assertThat(alert).hasPassed(Elements.SERVICE_SEND_DEADLINE_ALERT, Elements.END_PERSON_TOLD).isEnded();
    MimeMessage mail = mailTo("maria").get(0);
    assertThat(mailTo("maria")).hasSize(1);
    assertThat(mail.getSubject()).startsWith("Deadline passed");
    String expectedId = UUID.nameUUIDFromBytes((replyDeadlineId(contact) + "/BREACH/maria")
        .getBytes(StandardCharsets.UTF_8)).toString();
    assertThat(mail.getMessageID()).contains(expectedId);

    // the same step run again after the first one committed (a cluster node whose job lock ran out,
    // an operator's retry of a stale job) finds the e-mail recorded and sends nothing
    alerts.deliver(replyDeadlineId(contact), DeadlineAlertProcess.Level.BREACH, "maria", inquiry.getId());
    assertThat(mailTo("maria")).hasSize(1);
    assertThat(jdbc.sql("select recipient from staff_alert where id = ?").param(expectedId).query(String.class)
        .list()).containsExactly("maria");
  }

  @Test
  void shouldRaiseAnIncidentWhenTheRetriesRunOutAndSendOnceAnOperatorRetries() throws Exception {
    Contact contact = inquiry("alert-incident");
    ProcessInstance inquiry = inquiryProcess(contact);
    Deadline reply = deadline(contact.id(), DeadlineService.REPLY);
    runWatcherUntil(reply, reply.dueAt().plusSeconds(60));
    ProcessInstance alert = alert(contact);

    TestMail.SMTP.stop();
    try {
      for (int attempt = 1; attempt <= 5; attempt++) {
        Job job = job(alert);
        assertThat(job.getRetries()).as("R5/PT1M: five attempts").isEqualTo(6 - attempt);
        assertThatThrownBy(() -> management.executeJob(job.getId())).as("attempt %d", attempt);
        clock(ClockUtil.getCurrentTime().toInstant().plusSeconds(61));
      }
    } finally {
      TestMail.SMTP.start();
    }
    assertThat(job(alert).getRetries()).isZero();
    var incident = processEngine.getRuntimeService().createIncidentQuery().processInstanceId(alert.getId())
        .singleResult();
    assertThat(incident.getActivityId()).isEqualTo(Elements.SERVICE_SEND_DEADLINE_ALERT);
    assertThat(mailTo("maria")).isEmpty();
    // the deadline itself was handled in the timer's step, whatever the mail server did
    assertThat(deadlines.get(replyDeadlineId(contact)).breachedAt()).isNotNull();

    // Cockpit's "retry": the job gets its retries back and runs again
    management.setJobRetries(job(alert).getId(), 1);
    execute(job(alert));

    assertThat(alert).hasPassed(Elements.END_PERSON_TOLD).isEnded();
    assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(alert.getId()).count())
        .isZero();
    assertThat(mailTo("maria")).hasSize(1);
  }

  @Test
  void shouldNotWarnAboutADeadlineThatWasMetBeforeTheWarningCouldBeSent() {
    Contact contact = inquiry("alert-met");
    ProcessInstance inquiry = inquiryProcess(contact);
    processEngine.getTaskService().claim(task(inquiry).getId(), "boris");
    Deadline reply = deadline(contact.id(), DeadlineService.REPLY);
    runWatcherUntil(reply, reply.warningAt().plusSeconds(60));
    ProcessInstance alert = alert(contact);
    assertThat(alert).isWaitingAt(Elements.SERVICE_SEND_DEADLINE_ALERT);

    // the answer goes out before the warning e-mail does (the mail server was slow to come back)
    clock(reply.warningAt().plusSeconds(9 * 60));
    processEngine.getTaskService().complete(task(inquiry).getId(),
        Map.of(ReplyStep.REPLY_TEXT, "Two years.", ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE"));
    execute(management.createJobQuery().processInstanceId(inquiry.getId())
        .activityId(InquiryProcess.Elements.SERVICE_SEND_REPLY).singleResult());
    assertThat(deadlines.get(replyDeadlineId(contact)).isCompleted()).isTrue();
    execute(job(alert));

    assertThat(alert).hasPassed(Elements.END_PERSON_TOLD).isEnded();
    assertThat(mailTo("boris")).as("'due soon' about an answered contact").isEmpty();
  }

  private Contact inquiry(String name) {
    return intake.receive(emailContact(uniqueEmail(name), "INQUIRY", "Warranty", "How long?"), "intake").contact();
  }

  private ProcessInstance inquiryProcess(Contact contact) {
    return processInstanceQuery().processDefinitionKey(InquiryProcess.KEY).processInstanceBusinessKey(contact.id())
        .singleResult();
  }

  private ProcessInstance alert(Contact contact) {
    return processInstanceQuery().processDefinitionKey(DeadlineAlertProcess.KEY)
        .variableValueEquals(DeadlineAlertProcess.CONTACT_ID, contact.id()).singleResult();
  }

  private String replyDeadlineId(Contact contact) {
    return deadlines.first(contact.id(), DeadlineService.REPLY).orElseThrow().id();
  }

  private Job job(ProcessInstance alert) {
    return management.createJobQuery().processInstanceId(alert.getId()).singleResult();
  }

  private static List<MimeMessage> mailTo(String user) {
    return Arrays.stream(TestMail.SMTP.getReceivedMessagesForDomain("shop.example")).filter(mail -> {
      try {
        return mail.getAllRecipients()[0].toString().equals(user + "@shop.example");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static void clock(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

}
