package io.careflow.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.careflow.support.DemoPeople;
import io.careflow.support.Refusal;
import io.careflow.communication.CaseToken;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactStatus;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.customer.CustomerOffers;
import io.careflow.customer.NewOffer;
import io.careflow.followup.FollowUpProcess.Elements;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import io.careflow.sla.Deadline;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code processes/follow-up.bpmn}: on its day, in sending hours, as a task, cancelled. */
class FollowUpProcessTest extends ProtocolTestSupport {


  @Autowired
  FollowUpPlans plans;

  @Autowired
  ContactEvents events;

  @Autowired
  CustomerOffers offers;

  @Autowired
  io.careflow.customer.CustomerRecordService records;

  @Test
  void shouldSendAMessageFollowUpOnItsPlannedDay() throws Exception {
    String email = uniqueEmail("check");
    Contact contact = contact(email, null, "INQUIRY");
    String id = plans.plan(contact.id(), FollowUpType.SATISFACTION_CHECK, at("2026-12-01T10:00+01:00"),
        "Is the kettle boiling fine now?", "boris", "team-inquiries").orElseThrow();
    ProcessInstance pi = followUp(id);

    assertThat(pi).isWaitingAt(Elements.EVT_DUE_OR_CANCELLED);
    assertThat(timerDue(pi)).isEqualTo(at("2026-12-01T10:00+01:00"));
    assertThat(dueJob(pi, Elements.TIMER_FOLLOW_UP_DUE)).isNull();
    assertThat(records.view(contact.customerId()).plannedFollowUps()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo(id);
      assertThat(f.type()).isEqualTo("SATISFACTION_CHECK");
      assertThat(f.plannedBy()).isEqualTo("boris");
    });

    clock(at("2026-12-01T10:00+01:00"));
    execute(job(pi));
    assertThat(pi).hasPassed(Elements.TIMER_FOLLOW_UP_DUE, Elements.XOR_SENDING_HOURS, Elements.XOR_MESSAGE_OR_TASK)
        .isWaitingAt(Elements.SERVICE_SEND_FOLLOW_UP);
    run(pi, Elements.SERVICE_SEND_FOLLOW_UP);

    assertThat(pi).hasPassed(Elements.END_FOLLOW_UP_SENT).isEnded();
    MimeMessage mail = mailTo(email);
    assertThat(mail.getSubject()).endsWith(CaseToken.of(contact.id()));
    assertThat(GreenMailUtil.getBody(mail)).contains("Is the kettle boiling fine now?");
    assertThat(plans.find(id).orElseThrow().status()).isEqualTo(FollowUpPlans.SENT);
    assertThat(records.view(contact.customerId()).plannedFollowUps()).isEmpty();
    assertThat(events.of(contact.id())).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(FollowUpPlans.FOLLOW_UP_DONE);
      assertThat(e.detail()).isEqualTo("satisfaction check: message sent");
    });
  }

  @Test
  void shouldListTheCustomersOpenOffersInAnOfferFollowUp() throws Exception {
    String email = uniqueEmail("offer");
    Contact contact = contact(email, null, "INQUIRY");
    offers.add(contact.customerId(), new NewOffer("10% off the next kettle", "2026-12-31T23:59:59+01:00", null, null), "boris");
    String id = plans.plan(contact.id(), FollowUpType.OFFER, at("2026-12-01T10:00+01:00"), null, "boris",
        "team-inquiries").orElseThrow();
    ProcessInstance pi = followUp(id);
    clock(at("2026-12-01T10:00+01:00"));
    execute(job(pi));
    run(pi, Elements.SERVICE_SEND_FOLLOW_UP);

    assertThat(GreenMailUtil.getBody(mailTo(email))).contains("10% off the next kettle");
  }

  @Test
  void shouldPlanIntoTheCustomersSendingHours() {
    // 10:00 in Warsaw is 04:00 in New York: the message waits for 08:00 there
    Contact contact = contact(uniqueEmail("ny"), "America/New_York", "INQUIRY");
    String id = plans.plan(contact.id(), FollowUpType.REPAIR_STATUS, at("2026-12-01T10:00+01:00"), "At the workshop",
        "boris", "team-inquiries").orElseThrow();

    assertThat(timerDue(followUp(id))).isEqualTo(at("2026-12-01T08:00-05:00"));
    assertThat(events.of(contact.id())).anySatisfy(e -> assertThat(e.detail())
        .contains("moved into the customer's sending hours"));
  }

  @Test
  void shouldWaitForSendingHoursWhenTheTimerFiresLate() {
    String email = uniqueEmail("late");
    Contact contact = contact(email, null, "INQUIRY");
    String id = plans.plan(contact.id(), FollowUpType.REPAIR_STATUS, at("2026-12-01T19:30+01:00"), "Repaired",
        "boris", "team-inquiries").orElseThrow();
    ProcessInstance pi = followUp(id);

    // careflow was down in the evening: at 21:00 the message must not go out
    clock(at("2026-12-01T21:00+01:00"));
    execute(job(pi));
    assertThat(pi).hasPassed(Elements.SERVICE_MOVE_TO_SENDING_HOURS).isWaitingAt(Elements.EVT_DUE_OR_CANCELLED);
    assertThat(timerDue(pi)).isEqualTo(at("2026-12-02T08:00+01:00"));
    assertThat(TestMail.SMTP.getReceivedMessages()).isEmpty();

    clock(at("2026-12-02T08:00+01:00"));
    execute(job(pi));
    run(pi, Elements.SERVICE_SEND_FOLLOW_UP);
    assertThat(pi).isEnded();
    assertThat(GreenMailUtil.getBody(mailTo(email))).contains("Repaired");
  }

  @Test
  void shouldPutACallInFrontOfTheAgentWhoPlannedIt() {
    Contact contact = contact(uniqueEmail("call"), null, "INQUIRY");
    String id = plannedCallDue(contact);
    ProcessInstance pi = followUp(id);

    assertThat(pi).isWaitingAt(Elements.USER_FOLLOW_UP_WITH_CUSTOMER);
    var call = task(pi);
    assertThat(call.getAssignee()).isEqualTo("boris");
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(call.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("team-inquiries"));
    assertThat(processEngine.getTaskService().getVariable(call.getId(), FollowUpProcess.Variables.PLANNED_NOTE))
        .isEqualTo("Ask about the kettle");
    // guarded on the case from the planned time (sla-policy.dmn, follow-up): four working hours
    Deadline guard = deadlineService.running(contact.id(), FollowUpProcess.DEADLINE_STEP).orElseThrow();
    assertThat(guard.startedAt()).isEqualTo(at("2026-12-01T10:00+01:00"));
    assertThat(guard.dueAt()).isEqualTo(at("2026-12-01T14:00+01:00"));
    assertThat(call.getDueDate()).isEqualTo(java.util.Date.from(guard.dueAt()));

    assertThatThrownBy(() -> complete(pi, "boris", DemoPeople.BORIS, Map.of(PlanFollowUpListener.TYPE, "NONE")))
        .isInstanceOf(ProcessEngineException.class).satisfies(Refusal.naming(FollowUpProcess.Variables.OUTCOME));
    complete(pi, "boris", DemoPeople.BORIS, Map.of(FollowUpProcess.Variables.OUTCOME, "Called: all fine, kettle works.",
        PlanFollowUpListener.TYPE, "NONE"));

    assertThat(pi).hasPassed(Elements.SERVICE_STOP_FOLLOW_UP_CLOCK, Elements.END_FOLLOW_UP_DONE).isEnded();
    assertThat(deadlineService.first(contact.id(), FollowUpProcess.DEADLINE_STEP).orElseThrow().met()).isTrue();
    assertThat(plans.find(id).orElseThrow().status()).isEqualTo(FollowUpPlans.DONE);
    assertThat(events.of(contact.id())).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(FollowUpPlans.FOLLOW_UP_DONE);
      assertThat(e.actor()).isEqualTo("boris");
      assertThat(e.detail()).isEqualTo("call: Called: all fine, kettle works.");
    });
  }

  @Test
  void shouldWarnAndEscalateAFollowUpCallThatDoesNotHappen() {
    Contact contact = contact(uniqueEmail("late-call"), null, "INQUIRY");
    ProcessInstance pi = followUp(plannedCallDue(contact));
    assertThat(pi).isWaitingAt(Elements.USER_FOLLOW_UP_WITH_CUSTOMER);

    guardedStep(contact.id(), FollowUpProcess.DEADLINE_STEP).warnsThenEscalates();

    // boris calls at last: missed on the record
    complete(pi, "boris", DemoPeople.BORIS, Map.of(FollowUpProcess.Variables.OUTCOME, "Called a day late.",
        PlanFollowUpListener.TYPE, "NONE"));
    assertThat(pi).hasPassed(Elements.SERVICE_STOP_FOLLOW_UP_CLOCK).isEnded();
    assertThat(deadlineService.first(contact.id(), FollowUpProcess.DEADLINE_STEP).orElseThrow().met()).isFalse();
  }

  @Test
  void shouldCancelFollowUpsANewCaseOnTheSameTopicMakesPointless() {
    String email = uniqueEmail("again");
    Contact earlier = contact(email, null, "INQUIRY");
    Contact aReturn = contact(email, null, "RETURN");
    String pointless = plans.plan(earlier.id(), FollowUpType.REPAIR_STATUS, at("2026-12-03T10:00+01:00"), "status",
        "boris", "team-inquiries").orElseThrow();
    String call = plans.plan(earlier.id(), FollowUpType.CALL, at("2026-12-01T10:00+01:00"), "call back",
        "boris", "team-inquiries").orElseThrow();
    String otherTopic = plans.plan(aReturn.id(), FollowUpType.SATISFACTION_CHECK, at("2026-12-03T10:00+01:00"),
        null, "boris", "team-returns").orElseThrow();
    // the call is due and waiting in boris's list
    clock(at("2026-12-01T10:00+01:00"));
    execute(job(followUp(call)));
    assertThat(followUp(call)).isWaitingAt(Elements.USER_FOLLOW_UP_WITH_CUSTOMER);
    ProcessInstance pointlessPi = followUp(pointless);
    ProcessInstance callPi = followUp(call);

    // the customer writes again about the same thing
    Contact again = contact(email, null, "INQUIRY");

    assertThat(pointlessPi).hasPassed(Elements.MSG_FOLLOW_UP_CANCELLED, Elements.END_FOLLOW_UP_CANCELLED).isEnded();
    assertThat(callPi).hasPassed(Elements.MSG_TASK_CANCELLED, Elements.SERVICE_STOP_CANCELLED_FOLLOW_UP_CLOCK,
        Elements.END_TASK_CANCELLED).isEnded();
    // nothing left to warn or escalate about the cancelled call
    Deadline cancelled = deadlineService.first(earlier.id(), FollowUpProcess.DEADLINE_STEP).orElseThrow();
    assertThat(cancelled.isCompleted()).isTrue();
    assertThat(watcher(cancelled)).isNull();
    assertThat(plans.find(pointless).orElseThrow()).satisfies(f -> {
      assertThat(f.status()).isEqualTo(FollowUpPlans.CANCELLED);
      assertThat(f.cancelReason()).contains(again.id());
    });
    assertThat(plans.find(call).orElseThrow().status()).isEqualTo(FollowUpPlans.CANCELLED);
    assertThat(followUp(otherTopic)).isWaitingAt(Elements.EVT_DUE_OR_CANCELLED);
    assertThat(plans.find(otherTopic).orElseThrow().status()).isEqualTo(FollowUpPlans.PLANNED);
    assertThat(events.of(earlier.id())).anySatisfy(e -> assertThat(e.type())
        .isEqualTo(FollowUpPlans.FOLLOW_UP_CANCELLED));
  }

  @Test
  void shouldInviteToTheSurveyAnHourAfterTheCaseIsResolved() throws Exception {
    String email = uniqueEmail("survey");
    Contact contact = contact(email, null, "INQUIRY");
    ProcessInstance inquiry = protocol(contact, InquiryProcess.KEY);
    complete(inquiry, "boris", DemoPeople.BORIS, Map.of(ReplyStep.REPLY_TEXT, "Two years.", ReplyStep.REPLY_KIND, "ANSWER",
        PlanFollowUpListener.TYPE, "NONE"));
    run(inquiry, InquiryProcess.Elements.SERVICE_SEND_REPLY);
    assertThat(reload(contact).status()).isEqualTo(ContactStatus.RESOLVED);

    var survey = plans.ofContact(contact.id()).stream().filter(f -> f.type() == FollowUpType.SURVEY).findFirst()
        .orElseThrow();
    ProcessInstance pi = followUp(survey.id());
    assertThat(timerDue(pi)).isEqualTo(MONDAY_10.plusSeconds(3600));
    clock(MONDAY_10.plusSeconds(3600));
    execute(job(pi));
    run(pi, Elements.SERVICE_SEND_FOLLOW_UP);

    assertThat(pi).isEnded();
    assertThat(GreenMailUtil.getBody(mailTo(email))).contains("/public/survey/");
    assertThat(linkedPath(contact)).startsWith("/public/survey/");
  }

  @Test
  void shouldNotInviteToTheSurveyWhenTheCaseClosedUnanswered() {
    Contact contact = contact(uniqueEmail("silent"), null, "INQUIRY");
    ProcessInstance inquiry = protocol(contact, InquiryProcess.KEY);
    complete(inquiry, "boris", DemoPeople.BORIS, Map.of(ReplyStep.REPLY_TEXT, "Which model?", ReplyStep.REPLY_KIND,
        "QUESTION", PlanFollowUpListener.TYPE, "NONE"));
    run(inquiry, InquiryProcess.Elements.SERVICE_SEND_REPLY);
    // the customer never answers
    run(inquiry, InquiryProcess.Elements.TIMER_CUSTOMER_SILENT);

    assertThat(reload(contact).status()).isEqualTo(ContactStatus.CLOSED);
    assertThat(plans.ofContact(contact.id())).isEmpty();
  }

  @Test
  void shouldRefuseASurveyPlannedFromAForm() {
    Contact contact = contact(uniqueEmail("crafted"), null, "INQUIRY");
    ProcessInstance inquiry = protocol(contact, InquiryProcess.KEY);

    assertThatThrownBy(() -> complete(inquiry, "boris", DemoPeople.BORIS, Map.of(ReplyStep.REPLY_TEXT, "Hi",
        ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "SURVEY", PlanFollowUpListener.DATE, "2026-12-02")))
        .isInstanceOf(ProcessEngineException.class).satisfies(Refusal.naming(PlanFollowUpListener.TYPE));
  }

  private Contact contact(String email, String timeZone, String topic) {
    return intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail.example>", null,
        new CustomerDetails(email, null, "Ola", "en", timeZone), "Kettle", "How long is the warranty?", topic, null,
        null), "intake").contact();
  }

  /** boris plans a call for Tuesday 10:00, and that time has come: its timer fired. */
  private String plannedCallDue(Contact contact) {
    String id = plans.plan(contact.id(), FollowUpType.CALL, at("2026-12-01T10:00+01:00"), "Ask about the kettle",
        "boris", "team-inquiries").orElseThrow();
    clock(at("2026-12-01T10:00+01:00"));
    execute(job(followUp(id)));
    return id;
  }

  private ProcessInstance followUp(String followUpId) {
    return processInstanceQuery().processDefinitionKey(FollowUpProcess.KEY).processInstanceBusinessKey(followUpId)
        .singleResult();
  }

  private Instant timerDue(ProcessInstance pi) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .singleResult().getDuedate().toInstant();
  }

  private static MimeMessage mailTo(String email) {
    MimeMessage[] all = TestMail.SMTP.getReceivedMessages();
    for (int i = all.length - 1; i >= 0; i--) {
      try {
        if (all[i].getAllRecipients()[0].toString().equals(email)) {
          return all[i];
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("No mail to " + email);
  }
}
