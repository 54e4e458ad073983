package io.careflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.communication.ReplyStep;
import io.careflow.contact.CaseVariables;
import io.careflow.contact.Contact;
import io.careflow.contact.ContactEvents;
import io.careflow.contact.ContactProcess;
import io.careflow.contact.ContactRepository;
import io.careflow.contact.ContactStatus;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.inquiry.InquiryProcess.Elements;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import io.careflow.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reply deadline of SPEC R2 in the models, driven by the engine clock (never by
 * sleeping). A contact arrives on Monday 30 November 2026 at 10:00 Warsaw time: an e-mail
 * gets 6 working hours — due 16:00, warning at 75% (14:30), twice the time on Tuesday
 * 14:00 (1 h Monday, 5 h Tuesday). Runs on H2 and on PostgreSQL.
 */
abstract class ReplyDeadlineScenarios extends CareflowIntegrationTest {

  static final Instant MONDAY_10 = at("2026-11-30T10:00+01:00");

  @Autowired
  DeadlineService deadlines;

  @Autowired
  ContactRepository contacts;

  Http http;

  @BeforeEach
  void mondayMorning() {
    http = new Http(baseUrl());
    clock(MONDAY_10);
  }

  @Test
  void shouldStartTheClockAtReceiptAndPutTheDeadlineOnTheTask() {
    Contact contact = inquiry("due");
    Deadline deadline = replyDeadline(contact);

    assertThat(deadline.target()).hasToString("PT6H");
    assertThat(deadline.startedAt()).isEqualTo(MONDAY_10);
    assertThat(deadline.dueAt()).isEqualTo(at("2026-11-30T16:00+01:00"));
    assertThat(deadline.warningAt()).isEqualTo(at("2026-11-30T14:30+01:00"));
    assertThat(deadline.escalationAt()).isEqualTo(at("2026-12-01T14:00+01:00"));
    assertThat(task(inquiryProcess(contact)).getDueDate()).isEqualTo(Date.from(deadline.dueAt()));
    JsonNode sla = http.get("maria", "/api/contacts/" + contact.id()).json().get("sla");
    assertThat(sla.get("target").asText()).isEqualTo("PT6H");
    assertThat(sla.get("dueAt").asText()).isEqualTo("2026-11-30T16:00:00+01:00");
    assertThat(sla.get("met").isNull()).isTrue();
  }

  @Test
  void shouldRecordTheDeadlineAsMetWhenAnsweredInTime() {
    Contact contact = inquiry("met");
    ProcessInstance pi = inquiryProcess(contact);

    clock(at("2026-11-30T11:30+01:00"));
    answer(pi, "boris", "Two years.", "ANSWER");
    execute(sendJob(pi));

    assertThat(pi).hasPassed(Elements.SERVICE_SEND_REPLY, Elements.SERVICE_STOP_REPLY_CLOCK).isEnded();
    assertThat(pi).hasNotPassed(Elements.SERVICE_ANSWER_WARN_ASSIGNEE);
    Deadline deadline = replyDeadline(contact);
    assertThat(deadline.met()).isTrue();
    assertThat(deadline.completedAt()).isEqualTo(at("2026-11-30T11:30+01:00"));
    JsonNode sla = http.get("maria", "/api/contacts/" + contact.id()).json().get("sla");
    assertThat(sla.get("met").asBoolean()).isTrue();
    assertThat(sla.get("firstReplyAt").asText()).isEqualTo("2026-11-30T11:30:00+01:00");
    assertThat(sla.get("firstReplyWorkingMinutes").asLong()).isEqualTo(90);
    assertThat(events(contact)).contains(DeadlineService.STARTED, DeadlineService.MET);
    // SPEC R6: the manager's timeline says which deadline applied and that it was met
    List<String> timeline = new ArrayList<>();
    http.get("maria", "/api/contacts/" + contact.id() + "/timeline").json().forEach(entry -> timeline.add(
        entry.get("type").asText() + " " + entry.get("actor").asText() + ": " + entry.get("detail").asText()));
    assertThat(timeline).containsSubsequence(
        DeadlineService.STARTED + " system: reply: PT6H of working time, due 2026-11-30 16:00, warning at 2026-11-30 14:30",
        DeadlineService.MET + " system: reply: done 2026-11-30 11:30, due 2026-11-30 16:00");
  }

  @Test
  void shouldWarnTheAssigneeAtThreeQuartersOfTheTime() throws Exception {
    Contact contact = inquiry("warn");
    ProcessInstance pi = inquiryProcess(contact);
    processEngine.getTaskService().claim(task(pi).getId(), "boris");

    clock(at("2026-11-30T14:29+01:00"));
    assertThat(dueTimer(pi, Elements.TIMER_ANSWER_WARNING)).as("not yet at 14:29").isNull();
    clock(at("2026-11-30T14:31+01:00"));
    execute(dueTimer(pi, Elements.TIMER_ANSWER_WARNING));
    assertThat(runDeadlineAlerts(contact.id())).as("one e-mail: boris").isEqualTo(1);

    assertThat(pi).hasPassed(Elements.SERVICE_ANSWER_WARN_ASSIGNEE).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat(task(pi).getPriority()).isEqualTo(DeadlineAlerts.PRIORITY_WARNED);
    assertThat(staffMail("boris")).singleElement()
        .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Reply due soon (2026-11-30 16:00)"));
    assertThat(staffMail("anna")).isEmpty();
    assertThat(replyDeadline(contact).warnedAt()).isEqualTo(at("2026-11-30T14:31+01:00"));
    assertThat(events(contact)).contains(DeadlineService.WARNED);
  }

  @Test
  void shouldWarnTheTeamWhileNobodyHasClaimedTheTask() throws Exception {
    // a complaint: the whole answer (investigation to reply) is guarded, team-complaints is anna's
    Contact contact = intake.receive(emailContact(uniqueEmail("team"), "COMPLAINT", "Broken", "Broken"), "intake")
        .contact();
    ProcessInstance pi = processInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(contact.id()).singleResult();
    execute(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT).singleResult());
    assertThat(pi).isWaitingAt(ComplaintProcess.Elements.USER_INVESTIGATE_COMPLAINT);

    clock(at("2026-11-30T14:31+01:00"));
    execute(dueTimer(pi, ComplaintProcess.Elements.TIMER_COMPLAINT_WARNING));
    runDeadlineAlerts(contact.id());

    assertThat(staffMail("anna")).as("team-complaints").hasSize(1);
    assertThat(staffMail("boris")).isEmpty();
  }

  @Test
  void shouldOfferTheTaskToTeamLeadsAndRecordTheBreachAtTheDeadline() throws Exception {
    Contact contact = inquiry("breach");
    ProcessInstance pi = inquiryProcess(contact);

    clock(at("2026-11-30T16:01+01:00"));
    execute(dueTimer(pi, Elements.TIMER_ANSWER_WARNING));
    execute(dueTimer(pi, Elements.TIMER_ANSWER_DUE));
    runDeadlineAlerts(contact.id());

    assertThat(pi).hasPassed(Elements.SERVICE_ANSWER_ESCALATE_TO_LEADS).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    Task task = task(pi);
    // the leads are offered the task beside the team and its assignee
    assertThat(task).hasCandidateGroupAssociated("team-leads").hasCandidateGroupAssociated("team-inquiries");
    assertThat(task.getPriority()).isEqualTo(DeadlineAlerts.PRIORITY_BREACHED);
    assertThat(staffMail("maria")).singleElement()
        .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Deadline passed"));
    Deadline deadline = replyDeadline(contact);
    assertThat(deadline.breachedAt()).isEqualTo(at("2026-11-30T16:01+01:00"));
    assertThat(deadline.met()).isFalse();

    // maria, a team lead, may now answer it herself; the deadline stays missed
    clock(at("2026-11-30T16:30+01:00"));
    answer(pi, "maria", "Sorry for the wait: two years.", "ANSWER");
    execute(sendJob(pi));
    assertThat(replyDeadline(contact).met()).isFalse();
    assertThat(events(contact)).contains(DeadlineService.BREACHED, DeadlineService.MISSED);
  }

  @Test
  void shouldTellTheManagersAtTwiceTheAllowedTime() throws Exception {
    Contact contact = inquiry("twice");
    ProcessInstance pi = inquiryProcess(contact);

    clock(at("2026-12-01T13:59+01:00"));
    assertThat(dueTimer(pi, Elements.TIMER_ANSWER_TWICE_DUE)).isNull();
    clock(at("2026-12-01T14:01+01:00"));
    execute(dueTimer(pi, Elements.TIMER_ANSWER_TWICE_DUE));
    runDeadlineAlerts(contact.id());

    assertThat(pi).hasPassed(Elements.SERVICE_ANSWER_TELL_MANAGERS).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat(staffMail("maria")).singleElement()
        .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Twice overdue"));
    assertThat(replyDeadline(contact).escalatedAt()).isNotNull();
    assertThat(events(contact)).contains(DeadlineService.ESCALATED);
  }

  @Test
  void shouldEscalateOnTimeWhileTheMailServerIsDownAndTellTheLeadsOnceItIsBack() throws Exception {
    Contact contact = inquiry("breach-outage");
    ProcessInstance pi = inquiryProcess(contact);

    clock(at("2026-11-30T16:01+01:00"));
    TestMail.SMTP.stop();
    try {
      // the timer's step never waits for the mail server: the breach is recorded and acted on now
      execute(dueTimer(pi, Elements.TIMER_ANSWER_DUE));
      assertThat(replyDeadline(contact).breachedAt()).isEqualTo(at("2026-11-30T16:01+01:00"));
      assertThat(task(pi)).hasCandidateGroupAssociated("team-leads");
      assertThat(task(pi).getPriority()).isEqualTo(DeadlineAlerts.PRIORITY_BREACHED);
      // telling maria is its own step, retried like every send
      Job alert = alertJob(contact);
      assertThatThrownBy(() -> processEngine.getManagementService().executeJob(alert.getId()));
      assertThat(alertJob(contact).getRetries()).isEqualTo(4);
    } finally {
      TestMail.SMTP.start();
    }
    clock(at("2026-11-30T16:03+01:00"));
    execute(alertJob(contact));

    assertThat(staffMail("maria")).singleElement()
        .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Deadline passed"));
    assertThat(events(contact).stream().filter(DeadlineService.BREACHED::equals)).hasSize(1);
  }

  @Test
  void shouldNotWarnOnceTheDeadlineHasPassed() {
    // careflow was down over the warning point and the deadline: both timers are due at once
    Contact contact = inquiry("late-warning");
    ProcessInstance pi = inquiryProcess(contact);
    processEngine.getTaskService().claim(task(pi).getId(), "boris");

    clock(at("2026-11-30T16:05+01:00"));
    execute(dueTimer(pi, Elements.TIMER_ANSWER_WARNING));

    assertThat(pi).hasPassed(Elements.SERVICE_ANSWER_WARN_ASSIGNEE);
    assertThat(runDeadlineAlerts(contact.id())).as("no 'due soon' after the deadline").isZero();
    assertThat(task(pi).getPriority()).isLessThan(DeadlineAlerts.PRIORITY_WARNED);
    // the warning point is handled once and recorded; the breach tells the leads
    assertThat(replyDeadline(contact).warnedAt()).isEqualTo(at("2026-11-30T16:05+01:00"));
    assertThat(events(contact)).contains(DeadlineService.WARNED);
    execute(dueTimer(pi, Elements.TIMER_ANSWER_DUE));
    assertThat(runDeadlineAlerts(contact.id())).isEqualTo(1);
    assertThat(staffMail("boris")).isEmpty();
    assertThat(staffMail("maria")).hasSize(1);
  }

  @Test
  void shouldMoveTheDeadlineByExactlyTheWorkingTimeSpentWaitingForTheCustomer() {
    Contact contact = inquiry("pause");
    ProcessInstance pi = inquiryProcess(contact);

    // Monday 11:00 the agent asks for the order number: the clock stops
    clock(at("2026-11-30T11:00+01:00"));
    answer(pi, "boris", "Which order number is it?", "QUESTION");
    execute(sendJob(pi));
    assertThat(pi).hasPassed(Elements.SERVICE_PAUSE_REPLY_CLOCK).isWaitingAt(Elements.EVT_ANSWER_OR_SILENCE);
    assertThat(contacts.find(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.WAITING_FOR_CUSTOMER);
    assertThat(replyDeadline(contact).isPaused()).isTrue();

    // Tuesday 10:00 the customer answers: 6 h Monday (11-17) + 1 h Tuesday (9-10) waited
    clock(at("2026-12-01T10:00+01:00"));
    Http.Response answer = http.postJson("intake", "/api/contacts/" + contact.id() + "/messages",
        Map.of("body", "It is PL-2026-000777.", "externalId", "<answer-" + contact.id() + "@mail.example>"));
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().get("resumedCase").asBoolean()).isTrue();

    assertThat(pi).hasPassed(Elements.MSG_CUSTOMER_REPLIED, Elements.SERVICE_RESUME_REPLY_CLOCK)
        .isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    Deadline moved = replyDeadline(contact);
    assertThat(moved.pausedWorkingTime()).isEqualTo(Duration.ofHours(7));
    // every point moves by 7 working hours: 16:00 Monday -> 15:00 Tuesday (1 h Mon, 6 h Tue)
    assertThat(moved.dueAt()).isEqualTo(at("2026-12-01T15:00+01:00"));
    assertThat(moved.warningAt()).isEqualTo(at("2026-12-01T13:30+01:00"));
    assertThat(moved.isPaused()).isFalse();
    assertThat(task(pi).getDueDate()).isEqualTo(Date.from(moved.dueAt()));
    Job warning = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(Elements.TIMER_ANSWER_WARNING).singleResult();
    assertThat(warning.getDuedate()).isEqualTo(Date.from(moved.warningAt()));
    assertThat(contacts.find(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.OPEN);
    assertThat((String) processEngine.getTaskService().getVariable(task(pi).getId(),
        CaseVariables.FORM_CUSTOMER_MESSAGE)).contains("Which order number is it?").contains("PL-2026-000777");
    // the same answer again is stored once and resumes nothing
    Http.Response again = http.postJson("intake", "/api/contacts/" + contact.id() + "/messages",
        Map.of("body", "It is PL-2026-000777.", "externalId", "<answer-" + contact.id() + "@mail.example>"));
    assertThat(again.status()).isEqualTo(200);

    // answered Tuesday 14:00: before the moved deadline, so met
    clock(at("2026-12-01T14:00+01:00"));
    answer(pi, "boris", "Your order ships today.", "ANSWER");
    execute(sendJob(pi));
    assertThat(pi).isEnded();
    assertThat(replyDeadline(contact).met()).isTrue();
    assertThat(events(contact)).contains(DeadlineService.PAUSED, DeadlineService.RESUMED, DeadlineService.MET);
    // the question was the first message the customer got
    assertThat(contacts.find(contact.id()).orElseThrow().firstReplyAt()).isEqualTo(at("2026-11-30T11:00+01:00"));
  }

  @Test
  void shouldCloseTheCaseWhenTheCustomerNeverAnswers() {
    Contact contact = inquiry("silent");
    ProcessInstance pi = inquiryProcess(contact);
    answer(pi, "boris", "Could you send a photo?", "QUESTION");
    execute(sendJob(pi));

    clock(at("2026-12-14T10:01+01:00"));
    execute(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(Elements.TIMER_CUSTOMER_SILENT).singleResult());

    assertThat(pi).hasPassed(Elements.TIMER_CUSTOMER_SILENT, Elements.SERVICE_CLOSE_UNANSWERED,
        Elements.END_CUSTOMER_SILENT).isEnded();
    assertThat(contacts.find(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.CLOSED);
    // the silence does not count against the shop
    assertThat(replyDeadline(contact).met()).isTrue();
    assertThat(events(contact)).contains(ContactEvents.CLOSED);
  }

  @Test
  void shouldGuardTriageWithTheSameDeadline() {
    Contact contact = intake.receive(emailContact(uniqueEmail("triage"), null, "?", "?"), "intake").contact();
    ProcessInstance pi = processInstanceQuery().processDefinitionKey(ContactProcess.KEY)
        .processInstanceBusinessKey(contact.id()).singleResult();
    assertThat(pi).isWaitingAt(ContactProcess.Elements.USER_CLASSIFY_CONTACT);
    assertThat(task(pi).getDueDate()).isEqualTo(Date.from(at("2026-11-30T16:00+01:00")));

    clock(at("2026-11-30T16:01+01:00"));
    execute(dueTimer(pi, ContactProcess.Elements.TIMER_CLASSIFY_DUE));

    assertThat(task(pi)).hasCandidateGroupAssociated("team-leads");
    assertThat(replyDeadline(contact).met()).isFalse();
  }

  @Test
  void shouldGiveAMissedCallOneWorkingHour() {
    Http.Response call = http.postJson("intake", "/api/calls/missed",
        Map.of("callId", "call-" + System.nanoTime(), "phone", "+48 600 700 800", "at", "2026-11-30T10:00:00+01:00"));
    JsonNode sla = call.json().get("sla");
    assertThat(sla.get("target").asText()).isEqualTo("PT1H");
    assertThat(sla.get("dueAt").asText()).isEqualTo("2026-11-30T11:00:00+01:00");
  }

  // --- helpers ---------------------------------------------------------------

  Contact inquiry(String name) {
    return intake.receive(emailContact(uniqueEmail(name), "INQUIRY", "Warranty", "How long?"), "intake").contact();
  }

  ProcessInstance inquiryProcess(Contact contact) {
    return processInstanceQuery().processDefinitionKey(InquiryProcess.KEY).processInstanceBusinessKey(contact.id())
        .singleResult();
  }

  Deadline replyDeadline(Contact contact) {
    return deadlines.first(contact.id(), DeadlineService.REPLY).orElseThrow();
  }

  void answer(ProcessInstance pi, String agent, String text, String kind) {
    var identity = processEngine.getIdentityService();
    identity.setAuthentication(agent, List.of("agents", "team-inquiries", "team-leads"));
    try {
      processEngine.getTaskService().complete(task(pi).getId(),
          Map.of(ReplyStep.REPLY_TEXT, text, ReplyStep.REPLY_KIND, kind, "followUpType", "NONE"));
    } finally {
      identity.clearAuthentication();
    }
  }

  Job sendJob(ProcessInstance pi) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(Elements.SERVICE_SEND_REPLY).singleResult();
  }

  /** The timer job of that boundary event if it is due by the engine clock, else null. */
  Job dueTimer(ProcessInstance pi, String timerId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(timerId).executable().singleResult();
  }

  /** The e-mail to staff the contact's deadline raised last, waiting to be sent. */
  Job alertJob(Contact contact) {
    var alert = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(DeadlineAlertProcess.KEY).variableValueEquals(DeadlineAlertProcess.CONTACT_ID, contact.id())
        .singleResult();
    return processEngine.getManagementService().createJobQuery().processInstanceId(alert.getId()).singleResult();
  }

  List<MimeMessage> staffMail(String user) {
    return Arrays.stream(TestMail.SMTP.getReceivedMessagesForDomain("shop.example"))
        .filter(mail -> {
          try {
            return mail.getAllRecipients()[0].toString().equals(user + "@shop.example");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }).toList();
  }

  List<String> events(Contact contact) {
    return jdbc.sql("select type from contact_event where contact_id = ? order by id").param(contact.id())
        .query(String.class).list();
  }

  static void clock(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  static Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
