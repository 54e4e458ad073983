package io.careflow.protocol.missedcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.communication.MessageStatus;
import io.careflow.contact.Contact;
import io.careflow.contact.ContactEvents;
import io.careflow.protocol.returns.ReturnProcess;
import io.careflow.model.TopicCatalog;
import io.careflow.contact.ContactStatus;
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

  static final List<String> BORIS = List.of("agents", "team-inquiries");

  @Autowired
  DeadlineService deadlines;

  Contact contact;
  ProcessInstance pi;

  @BeforeEach
  void missedCall() {
    contact = intake.receive(new MissedCall("call-" + System.nanoTime(), "+48 600 " + (100 + (int) (Math.random() * 800))
        + " 111", null), "intake").contact();
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
        MissedCallProcess.CALL_NOTES, "Wanted the delivery date", "followUpType", "NONE")));

    assertThat(pi).hasPassed(Elements.SERVICE_STOP_REPLY_CLOCK, Elements.SERVICE_RECORD_CALL_ATTEMPT,
        Elements.END_CUSTOMER_REACHED).isEnded();
    assertThat(deadlines.first(contact.id(), DeadlineService.REPLY).orElseThrow().met()).isTrue();
    assertThat(reload(contact).outcome()).isEqualTo("CALLBACK_REACHED");
  }

  @Test
  void shouldContinueWithTheProtocolOfTheTopicTheCallTurnedOutToBeAbout() {
    // SPEC R3: the call reached the customer, who wants to send the kettle back
    assertThat(processEngine.getTaskService().getVariable(task(pi).getId(), TopicCatalog.FORM_OPTIONS).toString())
        .as("the call-back form offers the deployed topics").contains("\"value\":\"RETURN\"");
    complete(pi, "boris", BORIS, Conversation.done(Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED",
        MissedCallProcess.CALL_NOTES, "The kettle is too loud, wants to send it back.",
        MissedCallProcess.CALL_TOPIC, "RETURN", "followUpType", "NONE")));

    assertThat(pi).hasPassed(Elements.SERVICE_START_TOPIC_PROTOCOL, Elements.END_CUSTOMER_REACHED).isEnded();
    assertThat(reload(contact).status()).isEqualTo(ContactStatus.RESOLVED);
    String started = jdbc.sql("select id from contact where follows_contact_id = ?").param(contact.id())
        .query(String.class).single();
    Contact followUp = contacts.find(started).orElseThrow();
    assertThat(followUp.customerId()).isEqualTo(contact.customerId());
    assertThat(followUp.channel()).isEqualTo(contact.channel());
    assertThat(followUp.topic()).isEqualTo("RETURN");
    assertThat(followUp.body()).isEqualTo("The kettle is too loud, wants to send it back.");
    assertThat(protocol(followUp, ReturnProcess.KEY)).as("the return protocol runs for it").isNotNull();
    assertThat(jdbc.sql("select detail from contact_event where contact_id = ? and type = ?")
        .params(contact.id(), ContactEvents.FOLLOWED_BY).query(String.class).single()).contains(started);
  }

  @Test
  void shouldRefuseATopicTheTableDoesNotKnow() {
    assertThatThrownBy(() -> complete(pi, "boris", BORIS, Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED",
        MissedCallProcess.CALL_TOPIC, "WEATHER", "followUpType", "NONE"))).hasMessageContaining("callTopic");
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
        "followUpType", "CALL", "followUpDate", "2026-12-07")));

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
    // written to the phone number the customer called from (kept until the SMS gateway takes it)
    assertThat(notices(contact)).singleElement().satisfies(m -> {
      // no language known from a phone call: the shop's language
      assertThat(m.body()).contains("Trzy razy");
      assertThat(m.status()).isEqualTo(MessageStatus.STORED);
      assertThat(m.recipient()).isEqualTo(contact.customerPhone());
    });
    assertThat(reload(contact).status()).isEqualTo(ContactStatus.CLOSED);
  }

  @Test
  void shouldRefuseAFailedAttemptWithoutAGoodNextTime() {
    assertThatThrownBy(() -> complete(pi, "boris", BORIS, notReached(null))).hasMessageContaining("nextAttemptAt");
    assertThatThrownBy(() -> complete(pi, "boris", BORIS, notReached("2026-11-29T10:00")))
        .hasMessageContaining("next 7 days");
    assertThatThrownBy(() -> complete(pi, "boris", BORIS, notReached("tomorrow")))
        .hasMessageContaining("date and time");
    assertThatThrownBy(() -> complete(pi, "boris", BORIS, Map.of(MissedCallProcess.CALL_OUTCOME, "BUSY")))
        .hasMessageContaining("callOutcome");
    assertThat(pi).isWaitingAt(Elements.USER_CALL_BACK);
  }

  @Test
  void shouldEscalateACallBackThatDoesNotHappen() {
    Deadline callBack = overrunDeadline(contact.id(), DeadlineService.REPLY);

    assertThat(pi).isWaitingAt(Elements.USER_CALL_BACK);
    assertThat(task(pi)).hasCandidateGroupAssociated("team-leads");
    assertThat(callBack.met()).isFalse();
  }

  /** A failed attempt as Tasklist submits it: the form preselects "none" as the next communication. */
  private static Map<String, Object> notReached(String nextAttemptAt) {
    var values = new HashMap<String, Object>(Map.of(MissedCallProcess.CALL_OUTCOME, "NOT_REACHED",
        "followUpType", "NONE"));
    if (nextAttemptAt != null) {
      values.put(MissedCallProcess.NEXT_ATTEMPT_AT, nextAttemptAt);
    }
    return values;
  }
}
