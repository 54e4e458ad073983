package io.careflow.protocol.missedcall;

import static io.careflow.support.DemoPeople.BORIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.followup.PlanFollowUpListener;
import io.careflow.support.Refusal;
import io.careflow.communication.Message;
import io.careflow.communication.MessageKind;
import io.careflow.communication.MessageStatus;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.routing.CustomerRelationships;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.returns.ReturnProcess;
import io.careflow.model.TopicCatalog;
import io.careflow.casefile.ContactStatus;
import io.careflow.contact.MissedCall;
import io.careflow.protocol.missedcall.MissedCallProcess.Elements;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import io.careflow.support.Conversation;
import io.careflow.support.ProtocolTestSupport;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code processes/missed-call.bpmn}. */
class MissedCallProcessTest extends ProtocolTestSupport {


  @Autowired
  DeadlineService deadlines;

  @Autowired
  CustomerRelationships relationships;

  Contact contact;
  ProcessInstance pi;

  @BeforeEach
  void missedCall() {
    contact = intake.receive(new MissedCall("call-" + System.nanoTime(), uniquePhone(), null), "intake").contact();
    pi = protocol(contact, MissedCallProcess.KEY);
  }

  @Test
  void shouldCallTheCustomerBackWithinOneWorkingHour() {
    assertThat(pi).isWaitingAt(Elements.USER_CALL_BACK);
    Deadline callBack = deadline(contact.id(), DeadlineService.REPLY);
    assertThat(callBack.policy()).as("the missed-call row").startsWith("sla-policy rule_missed_call");
    assertThat(task(pi).getDueDate()).isEqualTo(Date.from(callBack.dueAt()));

    clock(callBack.warningAt());
    complete(pi, "boris", BORIS, Conversation.done(Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED",
        MissedCallProcess.CALL_NOTES, "Wanted the delivery date", PlanFollowUpListener.TYPE, "NONE")));

    assertThat(pi).hasPassed(Elements.SERVICE_STOP_REPLY_CLOCK, Elements.SERVICE_RECORD_CALL_ATTEMPT,
        Elements.END_CUSTOMER_REACHED).isEnded();
    assertThat(deadlines.first(contact.id(), DeadlineService.REPLY).orElseThrow().met()).isTrue();
    assertThat(reload(contact).outcome()).isEqualTo("CALLBACK_REACHED");
  }

  @Test
  void shouldContinueTheSameCaseWithTheProtocolOfTheTopicTheCallWasAbout() {
    // SPEC R3: the call reached the customer, who wants to send the kettle back
    assertThat(processEngine.getTaskService().getVariable(task(pi).getId(), TopicCatalog.FORM_OPTIONS).toString())
        .as("the call-back form offers the deployed topics").contains("\"value\":\"RETURN\"");
    long contactsBefore = count("contact");
    complete(pi, "boris", BORIS, Conversation.done(Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED",
        MissedCallProcess.CALL_NOTES, "The kettle is too loud, wants to send it back.",
        MissedCallProcess.CALL_TOPIC, "RETURN", PlanFollowUpListener.TYPE, "NONE")));

    assertThat(pi).hasPassed(Elements.XOR_CALL_TOPIC, Elements.RULE_CLASSIFY_CALL_TOPIC)
        .isWaitingAt(Elements.CALL_TOPIC_PROTOCOL);
    ProcessInstance returns = protocol(contact, ReturnProcess.KEY);
    assertThat(returns).as("the return protocol runs for the same contact").isNotNull();
    assertThat(count("contact")).as("no second case").isEqualTo(contactsBefore);
    Contact continued = reload(contact);
    assertThat(continued.topic()).isEqualTo("RETURN");
    assertThat(continued.protocol()).isEqualTo(ReturnProcess.KEY);
    assertThat(continued.status()).isNotIn(ContactStatus.RESOLVED, ContactStatus.CLOSED);
    assertThat(jdbc.sql("select detail from contact_event where contact_id = ? and type = ? order by id")
        .params(contact.id(), ContactEvents.CLASSIFIED).query(String.class).list())
        .last().asString().contains("topic RETURN", "protocol return", "team team-returns");

    // the return ends (no form came): the call-back's case ends with it, one contact throughout
    run(returns, ReturnProcess.Elements.SERVICE_SEND_RETURN_FORM_LINK);
    run(returns, ReturnProcess.Elements.TIMER_RETURN_REMINDER);
    run(returns, ReturnProcess.Elements.SERVICE_SEND_RETURN_REMINDER);
    run(returns, ReturnProcess.Elements.TIMER_RETURN_FORM_EXPIRED);
    assertThat(returns).isEnded();
    assertThat(pi).hasPassed(Elements.CALL_TOPIC_PROTOCOL, Elements.END_TOPIC_PROTOCOL_DONE).isEnded();
    assertThat(reload(contact).status()).isIn(ContactStatus.RESOLVED, ContactStatus.CLOSED);
    assertThat(count("contact")).isEqualTo(contactsBefore);
  }

  @Test
  void shouldGiveTheProtocolACallContinuesWithTheTargetOfAPhoneCall() {
    complete(pi, "boris", BORIS, Conversation.done(Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED",
        MissedCallProcess.CALL_NOTES, "Asks whether the kettle comes in red; will check and write back",
        MissedCallProcess.CALL_TOPIC, "INQUIRY", PlanFollowUpListener.TYPE, "NONE")));

    ProcessInstance inquiry = protocol(contact, InquiryProcess.KEY);
    assertThat(inquiry).isWaitingAt(InquiryProcess.Elements.USER_ANSWER_CUSTOMER);
    // the call-back's hour was met; the written answer that follows has a phone call's 6 working hours
    List<Deadline> replies = deadlines.ofContact(contact.id()).stream()
        .filter(d -> d.step().equals(DeadlineService.REPLY)).toList();
    assertThat(replies).hasSize(2);
    assertThat(replies).filteredOn(Deadline::isCompleted).singleElement().satisfies(call -> {
      assertThat(call.met()).isTrue();
      assertThat(call.target()).hasToString("PT1H");
    });
    Deadline answer = replies.stream().filter(d -> !d.isCompleted()).findFirst().orElseThrow();
    assertThat(answer.target()).hasToString("PT6H");
    assertThat(answer.policy()).startsWith("sla-policy rule_written");
    assertThat(task(inquiry).getDueDate()).isEqualTo(Date.from(answer.dueAt()));
  }

  @Test
  void shouldCallBackAMissedCallPushedWithATopicHintAndSuggestTheTopic() {
    Contact hinted = intake.receive(new NewContact("MISSED_CALL", "call-" + System.nanoTime(), null,
        new CustomerDetails(null, uniquePhone(), null, null),
        "Missed call", null, "RETURN", null, null), "intake").contact();

    ProcessInstance callBack = protocol(hinted, MissedCallProcess.KEY);
    assertThat(callBack).as("a call-back, not the return protocol").isWaitingAt(Elements.USER_CALL_BACK);
    assertThat(protocol(hinted, ReturnProcess.KEY)).isNull();
    assertThat(deadline(hinted.id(), DeadlineService.REPLY).policy()).startsWith("sla-policy rule_missed_call");
    assertThat(processEngine.getTaskService().getVariable(task(callBack).getId(), MissedCallProcess.CALL_TOPIC))
        .as("the hint is the form's suggestion").isEqualTo("RETURN");

    // the agent keeps the suggestion: the case continues as a return
    complete(callBack, "boris", BORIS, Conversation.done(Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED", PlanFollowUpListener.TYPE, "NONE")));
    assertThat(callBack).isWaitingAt(Elements.CALL_TOPIC_PROTOCOL);
    assertThat(protocol(hinted, ReturnProcess.KEY)).isNotNull();
  }

  @Test
  void shouldKeepWhatWasSaidAsNotesOnTheCustomer() {
    complete(pi, "boris", BORIS, notReached("2026-11-30T15:00", "Voicemail; the wife said he is back at 15:00"));
    clock(at("2026-11-30T15:00+01:00"));
    run(pi, Elements.TIMER_NEXT_ATTEMPT);
    assertThat(processEngine.getTaskService().getVariable(task(pi).getId(), MissedCallProcess.CALL_NOTES))
        .as("the next attempt's form starts empty").isNull();
    complete(pi, "anna", BORIS, Conversation.done(Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED",
        MissedCallProcess.CALL_NOTES, "Going on holiday to Crete next week, call after the 14th", PlanFollowUpListener.TYPE,
        "NONE")));

    assertThat(pi).isEnded();
    assertThat(jdbc.sql("select author || ': ' || text from note where customer_id = ? and contact_id = ? "
            + "order by created_at, author").params(contact.customerId(), contact.id()).query(String.class).list())
        .containsExactly("boris: Voicemail; the wife said he is back at 15:00",
            "anna: Going on holiday to Crete next week, call after the 14th");
  }

  @Test
  void shouldCountAReachedCallBackAsTheAgentsReply() {
    complete(pi, "boris", BORIS, notReached("2026-11-30T15:00"));
    run(pi, Elements.TIMER_NEXT_ATTEMPT);
    complete(pi, "anna", BORIS, Conversation.done(Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED",
        MissedCallProcess.CALL_NOTES, "Order arrives Friday", PlanFollowUpListener.TYPE, "NONE")));

    // only the call that reached the customer is a reply, by the agent who made it
    assertThat(messages.ofContact(contact.id())).singleElement().satisfies(m -> {
      assertThat(m.author()).isEqualTo("anna");
      assertThat(m.kind()).isEqualTo(MessageKind.ANSWER);
      assertThat(m.direction()).isEqualTo(Message.Direction.OUT);
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
      assertThat(m.body()).contains("Order arrives Friday");
    });
    assertThat(relationships.closestAgent(contact.customerId())).hasValueSatisfying(r -> {
      assertThat(r.agent()).isEqualTo("anna");
      assertThat(r.replies()).isEqualTo(1);
    });
  }

  @Test
  void shouldCallBackAWebFormCallMeRequestAtTheTimeTheCustomerChose() {
    // Monday 10:00: the customer asks to be called on Tuesday at 10:30
    Contact callMe = intake.receive(callMe("2026-12-01T10:30:00+01:00", "RETURN"), "intake").contact();
    assertThat(callMe.callBackAt()).isEqualTo(at("2026-12-01T10:30:00+01:00"));
    ProcessInstance callBack = protocol(callMe, MissedCallProcess.KEY);

    assertThat(callBack).as("a call-back, whatever the hint").hasPassed(Elements.XOR_TIME_REQUESTED,
        Elements.SERVICE_PAUSE_UNTIL_REQUESTED).isWaitingAt(Elements.TIMER_REQUESTED_TIME);
    assertThat(deadline(callMe.id(), DeadlineService.REPLY).isPaused()).as("no clock runs before that time").isTrue();
    assertThat(reload(callMe).status()).isEqualTo(ContactStatus.WAITING_FOR_CUSTOMER);
    assertThat(dueJob(callBack, Elements.TIMER_REQUESTED_TIME)).isNull();

    clock(at("2026-12-01T10:30:00+01:00"));
    assertThat(dueJob(callBack, Elements.TIMER_REQUESTED_TIME)).isNotNull();
    run(callBack, Elements.TIMER_REQUESTED_TIME);

    assertThat(callBack).hasPassed(Elements.SERVICE_RESUME_AT_REQUESTED, Elements.XOR_MERGE_CALL)
        .isWaitingAt(Elements.USER_CALL_BACK);
    Deadline call = deadline(callMe.id(), DeadlineService.REPLY);
    assertThat(call.policy()).as("the call-me row: 1 working hour").startsWith("sla-policy rule_call_me");
    assertThat(call.dueAt()).as("an hour after the time the customer chose").isEqualTo(at("2026-12-01T11:30:00+01:00"));
    assertThat(task(callBack).getDueDate()).isEqualTo(Date.from(call.dueAt()));
    assertThat(reload(callMe).status()).isEqualTo(ContactStatus.OPEN);
    assertThat(processEngine.getTaskService().getVariable(task(callBack).getId(), MissedCallProcess.CALL_TOPIC))
        .isEqualTo("RETURN");

    complete(callBack, "boris", BORIS, Conversation.done(Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED",
        MissedCallProcess.CALL_TOPIC, "", PlanFollowUpListener.TYPE, "NONE")));
    assertThat(callBack).hasPassed(Elements.END_CUSTOMER_REACHED).isEnded();
    assertThat(deadlines.first(callMe.id(), DeadlineService.REPLY).orElseThrow().met()).isTrue();
  }

  @Test
  void shouldMoveACallMeTimeOutsideWorkingHoursToTheNextOpening() {
    // Saturday 10:00 is closed: the call is due from Monday 09:00
    Contact callMe = intake.receive(callMe("2026-12-05T10:00:00+01:00", null), "intake").contact();

    assertThat(callMe.callBackAt()).isEqualTo(at("2026-12-07T09:00:00+01:00"));
    ProcessInstance callBack = protocol(callMe, MissedCallProcess.KEY);
    clock(at("2026-12-07T09:00:00+01:00"));
    run(callBack, Elements.TIMER_REQUESTED_TIME);
    assertThat(callBack).isWaitingAt(Elements.USER_CALL_BACK);
    assertThat(deadline(callMe.id(), DeadlineService.REPLY).dueAt()).isEqualTo(at("2026-12-07T10:00:00+01:00"));
  }

  private static NewContact callMe(String at, String topic) {
    return new NewContact("WEB_FORM", "form-" + System.nanoTime(), null,
        new CustomerDetails(null, uniquePhone(), "Ola", "pl"), at, "Please call me", "About my order", topic, null,
        null, null);
  }

  @Test
  void shouldRefuseATopicTheTableDoesNotKnow() {
    assertThatThrownBy(() -> complete(pi, "boris", BORIS, Conversation.done(Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED",
        MissedCallProcess.CALL_TOPIC, "WEATHER", PlanFollowUpListener.TYPE, "NONE")))).satisfies(Refusal.naming(MissedCallProcess.CALL_TOPIC));
    assertThat(pi).isWaitingAt(Elements.USER_CALL_BACK);
  }

  @Test
  void shouldTryAgainAtTheTimeTheAgentChose() {
    complete(pi, "boris", BORIS, notReached("2026-11-30T15:00"));
    assertThat(pi).isWaitingAt(Elements.TIMER_NEXT_ATTEMPT);
    assertThat(dueJob(pi, Elements.TIMER_NEXT_ATTEMPT)).isNull();

    clock(at("2026-11-30T15:00+01:00"));
    run(pi, Elements.TIMER_NEXT_ATTEMPT);
    assertThat(pi).isWaitingAt(Elements.USER_CALL_AGAIN);
    complete(pi, "boris", BORIS, Conversation.done(Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED",
        PlanFollowUpListener.TYPE, "CALL", PlanFollowUpListener.DATE, "2026-12-07")));

    assertThat(pi).hasPassed(Elements.END_CUSTOMER_REACHED).isEnded();
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(MissedCallProcess.CALL_ATTEMPTS).singleResult().getValue()).isEqualTo(2);
  }

  @Test
  void shouldWriteToTheCustomerAndCloseAfterThreeFailedAttempts() {
    complete(pi, "boris", BORIS, notReached("2026-11-30T15:00"));
    for (String next : new String[] {"2026-12-01T10:00", null}) {
      run(pi, Elements.TIMER_NEXT_ATTEMPT);
      complete(pi, "boris", BORIS, notReached(next));
    }
    assertThat(pi).hasPassed(Elements.XOR_ATTEMPTS_LEFT).isWaitingAt(Elements.SERVICE_SEND_WE_TRIED);
    run(pi, Elements.SERVICE_SEND_WE_TRIED);

    assertThat(pi).hasPassed(Elements.SERVICE_CLOSE_UNREACHABLE, Elements.END_CUSTOMER_UNREACHABLE).isEnded();
    // written to the phone number the customer called from, through the SMS gateway
    assertThat(notices(contact)).singleElement().satisfies(m -> {
      // no language known from a phone call: the shop's language
      assertThat(m.body()).contains("Trzy razy");
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
      assertThat(m.recipient()).isEqualTo(contact.customerPhone());
    });
    assertThat(reload(contact).status()).isEqualTo(ContactStatus.CLOSED);
  }

  @Test
  void shouldRefuseAFailedAttemptWithoutAGoodNextTime() {
    assertThatThrownBy(() -> complete(pi, "boris", BORIS, notReached(null, "Voicemail")))
        .satisfies(Refusal.naming(MissedCallProcess.NEXT_ATTEMPT_AT));
    assertThat(jdbc.sql("select count(*) from note where contact_id = ?").param(contact.id()).query(Long.class)
        .single()).as("a refused attempt stores no note").isZero();
    assertThatThrownBy(() -> complete(pi, "boris", BORIS, notReached("2026-11-29T10:00")))
        .satisfies(Refusal.naming("next 7 days"));
    assertThatThrownBy(() -> complete(pi, "boris", BORIS, notReached("tomorrow")))
        .satisfies(Refusal.naming("date and time"));
    assertThatThrownBy(() -> complete(pi, "boris", BORIS, Map.of(MissedCallProcess.CALL_OUTCOME, "BUSY")))
        .satisfies(Refusal.naming(MissedCallProcess.CALL_OUTCOME));
    assertThat(pi).isWaitingAt(Elements.USER_CALL_BACK);
  }

  @Test
  void shouldEscalateACallBackThatDoesNotHappen() {
    guardedStep(contact.id(), DeadlineService.REPLY).warnsThenEscalates();

    assertThat(pi).isWaitingAt(Elements.USER_CALL_BACK);
  }

  @Test
  void shouldGuardAnotherAttemptFromTheTimeTheAgentChoseAndEscalateItWhenItDoesNotHappen() {
    complete(pi, "boris", BORIS, notReached("2026-11-30T15:00"));
    clock(at("2026-11-30T15:00+01:00"));
    run(pi, Elements.TIMER_NEXT_ATTEMPT);
    assertThat(pi).isWaitingAt(Elements.USER_CALL_AGAIN);
    // the attempt's deadline (sla-policy.dmn, call-again): one working hour from the time chosen
    Deadline again = deadline(contact.id(), MissedCallProcess.CALL_AGAIN_STEP);
    assertThat(again.startedAt()).isEqualTo(at("2026-11-30T15:00+01:00"));
    assertThat(again.dueAt()).isEqualTo(at("2026-11-30T16:00+01:00"));

    guardedStep(contact.id(), MissedCallProcess.CALL_AGAIN_STEP).warnsThenEscalates();

    // the attempt is made at last: missed on the record, and the next attempt has a clock of its own
    complete(pi, "boris", BORIS, notReached("2026-12-02T10:00"));
    assertThat(pi).hasPassed(Elements.SERVICE_STOP_CALL_AGAIN_CLOCK).isWaitingAt(Elements.TIMER_NEXT_ATTEMPT);
    Deadline missed = deadlines.ofContact(contact.id()).stream().filter(d -> d.id().equals(again.id()))
        .findFirst().orElseThrow();
    assertThat(missed.isCompleted()).isTrue();
    assertThat(missed.met()).isFalse();
    clock(at("2026-12-02T10:00+01:00"));
    run(pi, Elements.TIMER_NEXT_ATTEMPT);
    Deadline third = deadline(contact.id(), MissedCallProcess.CALL_AGAIN_STEP);
    assertThat(third.id()).isNotEqualTo(again.id());
    assertThat(third.dueAt()).isEqualTo(at("2026-12-02T11:00+01:00"));
    assertThat(task(pi).getDueDate()).isEqualTo(Date.from(third.dueAt()));
    assertThat(task(pi).getPriority()).as("a fresh clock: not yet warned").isLessThan(
        io.careflow.sla.DeadlineAlerts.PRIORITY_WARNED);
    clock(at("2026-12-02T10:20+01:00"));
    complete(pi, "boris", BORIS, Conversation.done(Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED",
        PlanFollowUpListener.TYPE, "NONE")));
    assertThat(pi).isEnded();
    assertThat(deadline(contact.id(), MissedCallProcess.CALL_AGAIN_STEP).met()).isTrue();
  }

  /** A phone number no other test's customer has: a customer's replies and notes are this test's own. */
  static String uniquePhone() {
    return "+48 60%07d".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
  }

  /** A failed attempt as Tasklist submits it: the form preselects "none" as the next communication. */
  private static Map<String, Object> notReached(String nextAttemptAt) {
    return notReached(nextAttemptAt, null);
  }

  private static Map<String, Object> notReached(String nextAttemptAt, String notes) {
    var values = new HashMap<String, Object>(Map.of(MissedCallProcess.CALL_OUTCOME, "NOT_REACHED",
        PlanFollowUpListener.TYPE, "NONE"));
    if (notes != null) {
      values.put(MissedCallProcess.CALL_NOTES, notes);
    }
    if (nextAttemptAt != null) {
      values.put(MissedCallProcess.NEXT_ATTEMPT_AT, nextAttemptAt);
    }
    return values;
  }
}
