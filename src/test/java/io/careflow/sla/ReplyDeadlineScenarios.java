package io.careflow.sla;

import static io.careflow.support.ShopTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.calendar.WorkingDuration;
import io.careflow.calendar.WorkingTimeCalendar;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.contact.ContactProcess;
import io.careflow.casefile.ContactRepository;
import io.careflow.casefile.ContactStatus;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.inquiry.InquiryProcess.Elements;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Conversation;
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
 * sleeping). A contact arrives on Monday 30 November 2026 at 10:00 Warsaw time. The target
 * comes from sla-policy.dmn and is pinned only in its table test ({@code SlaPolicyTableTest}):
 * here every point is read from the deadline that applied and checked against the business
 * calendar, so a designer who changes a target fails only that table's test. The warning,
 * deadline and twice-the-time points are the timers of the deadline's watcher
 * ({@code deadline-watch.bpmn}). Runs on H2 and on PostgreSQL.
 */
abstract class ReplyDeadlineScenarios extends CareflowIntegrationTest {

  static final Instant MONDAY_10 = io.careflow.support.ShopTime.MONDAY_10;
  static final Duration MINUTE = Duration.ofMinutes(1);

  @Autowired
  DeadlineService deadlines;

  @Autowired
  ContactRepository contacts;

  @Autowired
  WorkingTimeCalendar calendar;

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

    assertThat(deadline.startedAt()).isEqualTo(MONDAY_10);
    assertThat(deadline.dueAt()).isEqualTo(calendar.after(MONDAY_10, deadline.target()));
    assertThat(deadline.warningAt()).isEqualTo(calendar.fractionOf(MONDAY_10, deadline.dueAt(),
        deadline.warningFraction()));
    assertThat(deadline.escalationAt()).isEqualTo(calendar.after(deadline.dueAt(),
        calendar.between(MONDAY_10, deadline.dueAt())));
    assertThat(deadline.policyRule()).as("the row that applied is kept").isNotBlank();
    assertThat(task(inquiryProcess(contact)).getDueDate()).isEqualTo(Date.from(deadline.dueAt()));
    assertThat(watcher(deadline)).as("the deadline's watcher runs").isNotNull();
    JsonNode sla = http.get("maria", "/api/contacts/" + contact.id()).json().get("sla");
    assertThat(sla.get("target").asText()).isEqualTo(deadline.target().toString());
    assertThat(OffsetDateTime.parse(sla.get("dueAt").asText()).toInstant()).isEqualTo(deadline.dueAt());
    assertThat(sla.get("policy").asText()).contains(deadline.policyRule());
    assertThat(sla.get("met").isNull()).isTrue();
  }

  @Test
  void shouldRecordTheDeadlineAsMetWhenAnsweredInTime() {
    Contact contact = inquiry("met");
    ProcessInstance pi = inquiryProcess(contact);
    Deadline started = replyDeadline(contact);

    Instant answeredAt = at("2026-11-30T10:30+01:00");
    clock(answeredAt);
    answer(pi, "boris", "Two years.", "ANSWER");
    execute(sendJob(pi));

    assertThat(pi).hasPassed(Elements.SERVICE_SEND_REPLY, Elements.SERVICE_STOP_REPLY_CLOCK).isEnded();
    Deadline deadline = replyDeadline(contact);
    assertThat(deadline.met()).isTrue();
    assertThat(deadline.warnedAt()).isNull();
    assertThat(deadline.completedAt()).isEqualTo(answeredAt);
    assertThat(watcher(deadline)).as("the watcher ends with the clock").isNull();
    JsonNode sla = http.get("maria", "/api/contacts/" + contact.id()).json().get("sla");
    assertThat(sla.get("met").asBoolean()).isTrue();
    assertThat(sla.get("firstReplyAt").asText()).isEqualTo("2026-11-30T10:30:00+01:00");
    assertThat(sla.get("firstReplyWorkingMinutes").asLong()).isEqualTo(30);
    assertThat(events(contact)).contains(DeadlineService.STARTED, DeadlineService.MET);
    // SPEC R6: the manager's timeline says which deadline applied (the policy's row) and that it was met
    List<String> timeline = new ArrayList<>();
    http.get("maria", "/api/contacts/" + contact.id() + "/timeline").json().forEach(entry -> timeline.add(
        entry.get("type").asText() + " " + entry.get("actor").asText() + ": " + entry.get("detail").asText()));
    assertThat(timeline).containsSubsequence(
        DeadlineService.STARTED + " system: reply: " + started.target() + " of working time, due "
            + local(started.dueAt()) + ", warning at " + local(started.warningAt()) + " (" + started.policy() + ")",
        DeadlineService.MET + " system: reply: done 2026-11-30 10:30, due " + local(started.dueAt()));
  }

  @Test
  void shouldWarnTheAssigneeAtTheWarningPoint() throws Exception {
    Contact contact = inquiry("warn");
    ProcessInstance pi = inquiryProcess(contact);
    processEngine.getTaskService().claim(task(pi).getId(), "boris");
    Deadline deadline = replyDeadline(contact);

    clock(deadline.warningAt().minus(MINUTE));
    assertThat(dueWatcherTimer(deadline, DeadlineWatchProcess.Elements.TIMER_WARNING_POINT))
        .as("not yet a minute before").isNull();
    assertThat(runWatcherUntil(deadline, deadline.warningAt().plus(MINUTE))).isEqualTo(1);
    assertThat(runDeadlineAlerts(contact.id())).as("one e-mail: boris").isEqualTo(1);

    assertThat(watcher(deadline)).hasPassed(DeadlineWatchProcess.Elements.SERVICE_WARN_ASSIGNEE)
        .isWaitingAt(DeadlineWatchProcess.Elements.TIMER_DEADLINE);
    assertThat(pi).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat(task(pi).getPriority()).isEqualTo(DeadlineAlerts.PRIORITY_WARNED);
    assertThat(staffMail("boris")).singleElement()
        .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Reply due soon (" + local(deadline.dueAt()) + ")"));
    assertThat(staffMail("anna")).isEmpty();
    assertThat(replyDeadline(contact).warnedAt()).isEqualTo(deadline.warningAt().plus(MINUTE));
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
    Deadline deadline = replyDeadline(contact);

    runWatcherUntil(deadline, deadline.warningAt().plus(MINUTE));
    runDeadlineAlerts(contact.id());

    assertThat(staffMail("anna")).as("team-complaints").hasSize(1);
    assertThat(staffMail("boris")).isEmpty();
  }

  @Test
  void shouldOfferTheTaskToTeamLeadsAndRecordTheBreachAtTheDeadline() throws Exception {
    Contact contact = inquiry("breach");
    ProcessInstance pi = inquiryProcess(contact);
    Deadline deadline = replyDeadline(contact);

    Instant late = deadline.dueAt().plus(MINUTE);
    assertThat(runWatcherUntil(deadline, late)).as("warning point and deadline").isEqualTo(2);
    runDeadlineAlerts(contact.id());

    assertThat(watcher(deadline)).hasPassed(DeadlineWatchProcess.Elements.SERVICE_OFFER_TO_LEADS)
        .isWaitingAt(DeadlineWatchProcess.Elements.TIMER_TWICE_THE_TIME);
    assertThat(pi).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    Task task = task(pi);
    // the leads are offered the task beside the team and its assignee
    assertThat(task).hasCandidateGroupAssociated("team-leads").hasCandidateGroupAssociated("team-inquiries");
    assertThat(task.getPriority()).isEqualTo(DeadlineAlerts.PRIORITY_BREACHED);
    assertThat(staffMail("maria")).singleElement()
        .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Deadline passed"));
    Deadline breached = replyDeadline(contact);
    assertThat(breached.breachedAt()).isEqualTo(late);
    assertThat(breached.met()).isFalse();

    // maria, a team lead, may now answer it herself; the deadline stays missed
    clock(late.plus(Duration.ofMinutes(29)));
    answer(pi, "maria", "Sorry for the wait: two years.", "ANSWER");
    execute(sendJob(pi));
    assertThat(replyDeadline(contact).met()).isFalse();
    assertThat(events(contact)).contains(DeadlineService.BREACHED, DeadlineService.MISSED);
  }

  @Test
  void shouldTellTheManagersAtTwiceTheAllowedTime() throws Exception {
    Contact contact = inquiry("twice");
    ProcessInstance pi = inquiryProcess(contact);
    Deadline deadline = replyDeadline(contact);

    runWatcherUntil(deadline, deadline.escalationAt().minus(MINUTE));
    assertThat(dueWatcherTimer(deadline, DeadlineWatchProcess.Elements.TIMER_TWICE_THE_TIME)).isNull();
    runDeadlineAlerts(contact.id());
    assertThat(runWatcherUntil(deadline, deadline.escalationAt().plus(MINUTE))).isEqualTo(1);
    runDeadlineAlerts(contact.id());

    assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId(DeadlineWatchProcess.Elements.SERVICE_TELL_MANAGERS).finished().list()).isNotEmpty();
    assertThat(watcher(deadline)).as("the watcher's work is done").isNull();
    assertThat(pi).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat(staffMail("maria")).filteredOn(mail -> subject(mail).startsWith("Twice overdue")).hasSize(1);
    assertThat(replyDeadline(contact).escalatedAt()).isNotNull();
    assertThat(events(contact)).contains(DeadlineService.ESCALATED);
  }

  @Test
  void shouldEscalateOnTimeWhileTheMailServerIsDownAndTellTheLeadsOnceItIsBack() throws Exception {
    Contact contact = inquiry("breach-outage");
    ProcessInstance pi = inquiryProcess(contact);
    Deadline deadline = replyDeadline(contact);
    processEngine.getTaskService().claim(task(pi).getId(), "boris");

    Instant late = deadline.dueAt().plus(MINUTE);
    TestMail.SMTP.stop();
    try {
      // the timer's step never waits for the mail server: the breach is recorded and acted on now
      runWatcherUntil(deadline, late);
      assertThat(replyDeadline(contact).breachedAt()).isEqualTo(late);
      assertThat(task(pi)).hasCandidateGroupAssociated("team-leads");
      assertThat(task(pi).getPriority()).isEqualTo(DeadlineAlerts.PRIORITY_BREACHED);
      // telling maria is its own step, retried like every send (the warning after the deadline tells nobody)
      Job alert = alertJob(contact);
      assertThatThrownBy(() -> processEngine.getManagementService().executeJob(alert.getId()));
      assertThat(alertJob(contact).getRetries()).isEqualTo(4);
    } finally {
      TestMail.SMTP.start();
    }
    clock(late.plus(Duration.ofMinutes(2)));
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
    Deadline deadline = replyDeadline(contact);

    Instant late = deadline.dueAt().plus(Duration.ofMinutes(5));
    clock(late);
    execute(dueWatcherTimer(deadline, DeadlineWatchProcess.Elements.TIMER_WARNING_POINT));

    assertThat(watcher(deadline)).hasPassed(DeadlineWatchProcess.Elements.SERVICE_WARN_ASSIGNEE);
    assertThat(runDeadlineAlerts(contact.id())).as("no 'due soon' after the deadline").isZero();
    assertThat(task(pi).getPriority()).isLessThan(DeadlineAlerts.PRIORITY_WARNED);
    // the warning point is handled once and recorded; the breach tells the leads
    assertThat(replyDeadline(contact).warnedAt()).isEqualTo(late);
    assertThat(events(contact)).contains(DeadlineService.WARNED);
    assertThat(eventDetails(contact, DeadlineService.WARNED)).singleElement().asString()
        .isEqualTo("reply: warning point handled after the deadline (" + local(deadline.dueAt())
            + "), nobody warned; the breach tells the team leads");
    execute(dueWatcherTimer(deadline, DeadlineWatchProcess.Elements.TIMER_DEADLINE));
    assertThat(runDeadlineAlerts(contact.id())).isEqualTo(1);
    assertThat(staffMail("boris")).isEmpty();
    assertThat(staffMail("maria")).hasSize(1);
  }

  @Test
  void shouldMoveEveryPointOfARunningDeadlineWhenAProtocolsRowGivesAnotherTarget() {
    // what "Apply the protocol's reply target" does when the table has a row for the protocol:
    // the same clock, counted from receipt with the new target; its task and watcher follow
    Contact contact = inquiry("retarget");
    ProcessInstance pi = inquiryProcess(contact);
    Deadline before = replyDeadline(contact);
    WorkingDuration target = WorkingDuration.parse(before.target().toString().equals("PT2H") ? "PT3H" : "PT2H");

    deadlines.retarget(before, new SlaPolicy.Row(target, 0.5, "rule_protocol_row", "the protocol's own target"));

    Deadline after = replyDeadline(contact);
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.target()).isEqualTo(target);
    assertThat(after.dueAt()).isEqualTo(calendar.after(MONDAY_10, target));
    assertThat(after.warningAt()).isEqualTo(calendar.fractionOf(MONDAY_10, after.dueAt(), 0.5));
    assertThat(after.policy()).isEqualTo("sla-policy rule_protocol_row: the protocol's own target");
    assertThat(task(pi).getDueDate()).isEqualTo(Date.from(after.dueAt()));
    Job warning = processEngine.getManagementService().createJobQuery().processInstanceId(watcher(after).getId())
        .activityId(DeadlineWatchProcess.Elements.TIMER_WARNING_POINT).singleResult();
    assertThat(warning.getDuedate()).isEqualTo(Date.from(after.warningAt()));
    assertThat(eventDetails(contact, DeadlineService.RETARGETED)).singleElement().asString()
        .startsWith("reply: " + target + " of working time instead of " + before.target());

    // the same target again changes nothing and records nothing
    deadlines.retarget(after, new SlaPolicy.Row(target, 0.5, "rule_protocol_row", "the protocol's own target"));
    assertThat(eventDetails(contact, DeadlineService.RETARGETED)).hasSize(1);
  }

  @Test
  void shouldWatchADeadlineThatHasNoWatcherOnceAGuardedTaskJoinsIt() {
    // a case started on a model of before the watcher (its timers sat on the task): the deadline
    // runs unwatched until a task of the current models joins it
    Contact contact = intake.receive(emailContact(uniqueEmail("unwatched"), "COMPLAINT", "Broken", "Broken"),
        "intake").contact();
    ProcessInstance pi = processInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(contact.id()).singleResult();
    Deadline deadline = replyDeadline(contact);
    processEngine.getRuntimeService().createMessageCorrelation(DeadlineWatchProcess.MESSAGE_STOPPED)
        .processInstanceVariableEquals(DeadlineWatchProcess.DEADLINE_ID, deadline.id()).correlateAll();
    jdbc.sql("update deadline set watched = false where id = ?").param(deadline.id()).update();
    assertThat(watcher(deadline)).isNull();

    investigate(pi);

    assertThat(pi).isWaitingAt(ComplaintProcess.Elements.USER_PROPOSE_RESOLUTION);
    assertThat(watcher(deadline)).as("watched again").isNotNull();
  }

  @Test
  void shouldGiveATaskCreatedAfterTheBreachTheLevelsReached() {
    // a complaint whose deadline passed during the investigation: the next step of the answer
    // is the leads' at once, with the raised priority, although no timer fires for it
    Contact contact = intake.receive(emailContact(uniqueEmail("late-step"), "COMPLAINT", "Broken", "Broken"),
        "intake").contact();
    ProcessInstance pi = processInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(contact.id()).singleResult();
    Deadline deadline = replyDeadline(contact);
    runWatcherUntil(deadline, deadline.dueAt().plus(MINUTE));

    investigate(pi);

    assertThat(pi).isWaitingAt(ComplaintProcess.Elements.USER_PROPOSE_RESOLUTION);
    assertThat(task(pi)).hasCandidateGroupAssociated("team-leads");
    assertThat(task(pi).getPriority()).isEqualTo(DeadlineAlerts.PRIORITY_BREACHED);
    assertThat(task(pi).getDueDate()).isEqualTo(Date.from(deadline.dueAt()));
  }

  @Test
  void shouldMoveTheDeadlineByExactlyTheWorkingTimeSpentWaitingForTheCustomer() {
    Contact contact = inquiry("pause");
    ProcessInstance pi = inquiryProcess(contact);
    Deadline original = replyDeadline(contact);

    // Monday 11:00 the agent asks for the order number: the clock stops
    clock(at("2026-11-30T11:00+01:00"));
    answer(pi, "boris", "Which order number is it?", "QUESTION");
    execute(sendJob(pi));
    assertThat(pi).hasPassed(Elements.SERVICE_PAUSE_REPLY_CLOCK).isWaitingAt(Elements.EVT_ANSWER_OR_SILENCE);
    assertThat(contacts.find(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.WAITING_FOR_CUSTOMER);
    assertThat(replyDeadline(contact).isPaused()).isTrue();
    assertThat(watcher(original)).as("no timers while the clock stands still").isNull();

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
    // every point moves by the 7 working hours waited
    assertThat(moved.dueAt()).isEqualTo(calendar.after(original.dueAt(), Duration.ofHours(7)));
    assertThat(moved.warningAt()).isEqualTo(calendar.after(original.warningAt(), Duration.ofHours(7)));
    assertThat(moved.isPaused()).isFalse();
    assertThat(task(pi).getDueDate()).isEqualTo(Date.from(moved.dueAt()));
    Job warning = processEngine.getManagementService().createJobQuery().processInstanceId(watcher(moved).getId())
        .activityId(DeadlineWatchProcess.Elements.TIMER_WARNING_POINT).singleResult();
    assertThat(warning.getDuedate()).isEqualTo(Date.from(moved.warningAt()));
    assertThat(contacts.find(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.OPEN);
    // the form offers "the answer" again, not the question asked before
    assertThat(processEngine.getTaskService().getVariable(task(pi).getId(), ReplyStep.REPLY_KIND)).isEqualTo("ANSWER");
    assertThat((String) processEngine.getTaskService().getVariable(task(pi).getId(),
        CaseVariables.FORM_CUSTOMER_MESSAGE)).contains("Which order number is it?").contains("PL-2026-000777");
    // the same answer again is stored once and resumes nothing
    Http.Response again = http.postJson("intake", "/api/contacts/" + contact.id() + "/messages",
        Map.of("body", "It is PL-2026-000777.", "externalId", "<answer-" + contact.id() + "@mail.example>"));
    assertThat(again.status()).isEqualTo(200);

    // answered an hour before the moved deadline, so met
    clock(moved.dueAt().minus(Duration.ofHours(1)));
    answer(pi, "boris", "Your order ships today.", "ANSWER");
    execute(sendJob(pi));
    assertThat(pi).isEnded();
    assertThat(replyDeadline(contact).met()).isTrue();
    assertThat(events(contact)).contains(DeadlineService.PAUSED, DeadlineService.RESUMED, DeadlineService.MET);
    // each step in words, every value filled in
    assertThat(eventDetails(contact, DeadlineService.PAUSED)).containsExactly("reply: waiting for the customer, clock stopped");
    assertThat(eventDetails(contact, DeadlineService.RESUMED)).containsExactly("reply: customer answered after 420 "
        + "working minutes, now due " + local(moved.dueAt()));
    assertThat(eventDetails(contact, DeadlineService.MET)).containsExactly("reply: done "
        + local(moved.dueAt().minus(Duration.ofHours(1))) + ", due " + local(moved.dueAt()));
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
    Deadline deadline = replyDeadline(contact);
    assertThat(task(pi).getDueDate()).isEqualTo(Date.from(deadline.dueAt()));

    runWatcherUntil(deadline, deadline.dueAt().plus(MINUTE));

    assertThat(task(pi)).hasCandidateGroupAssociated("team-leads");
    assertThat(replyDeadline(contact).met()).isFalse();
  }

  @Test
  void shouldGiveAMissedCallTheMissedCallRowOfThePolicy() {
    Http.Response call = http.postJson("intake", "/api/calls/missed",
        Map.of("callId", "call-" + System.nanoTime(), "phone", "+48 600 700 800", "at", "2026-11-30T10:00:00+01:00"));
    JsonNode sla = call.json().get("sla");
    assertThat(sla.get("policy").asText()).startsWith("sla-policy rule_missed_call");
    assertThat(OffsetDateTime.parse(sla.get("dueAt").asText()).toInstant())
        .isEqualTo(calendar.after(MONDAY_10, WorkingDuration.parse(sla.get("target").asText())));
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
    return deadline(contact.id(), DeadlineService.REPLY);
  }

  void answer(ProcessInstance pi, String agent, String text, String kind) {
    completeAs(task(pi).getId(), agent, List.of("agents", "team-inquiries", "team-leads"),
        Map.of(ReplyStep.REPLY_TEXT, text, ReplyStep.REPLY_KIND, kind, PlanFollowUpListener.TYPE, "NONE"));
  }

  /** anna (team-complaints) finishes a complaint's investigation: justified. */
  void investigate(ProcessInstance complaint) {
    completeAs(task(complaint).getId(), "anna", List.of("agents", "team-complaints"),
        Conversation.done(Map.of(ComplaintProcess.FINDINGS, "Cracked lid.", ComplaintProcess.JUSTIFIED, "YES")));
  }

  Job sendJob(ProcessInstance pi) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(Elements.SERVICE_SEND_REPLY).singleResult();
  }

  String local(Instant instant) {
    return calendar.hours().local(instant);
  }

  static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  List<String> eventDetails(Contact contact, String type) {
    return jdbc.sql("select detail from contact_event where contact_id = ? and type = ? order by id")
        .params(contact.id(), type).query(String.class).list();
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

}
