package io.careflow.protocol.returns;

import static io.careflow.support.DemoPeople.ANNA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.support.Refusal;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactStatus;
import io.careflow.protocol.returns.ReturnProcess.Elements;
import io.careflow.sla.DeadlineService;
import io.careflow.communication.CaseToken;
import io.careflow.communication.Message;
import io.careflow.communication.MessageStatus;
import io.careflow.support.Http;
import io.careflow.support.TestMail;
import org.camunda.bpm.engine.runtime.Job;
import io.careflow.support.ProtocolTestSupport;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code processes/return.bpmn}. */
class ReturnProcessTest extends ProtocolTestSupport {


  @Autowired
  ReturnRequests returns;

  @Autowired
  DeadlineService deadlines;

  Contact contact;
  ProcessInstance pi;

  @BeforeEach
  void returnRequested() {
    contact = intake.receive(emailContact(uniqueEmail("return"), "RETURN", "Return", "I want to return the shoes."),
        "intake").contact();
    pi = protocol(contact, ReturnProcess.KEY);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"REFUND, service_tell_refund, refund is on its way",
              "EXCHANGE, service_tell_exchange, exchange is on its way",
              "REJECT, service_tell_rejection, cannot accept it"})
  void shouldTakeTheReturnFromTheFormToTheCustomersAnswer(String decision, String tell, String told) {
    // nothing sent yet: neither met nor missed, and not answered
    JsonNode open = http.get("maria", "/api/contacts/" + contact.id()).json().get("sla");
    assertThat(open.get("met").isNull()).isTrue();
    assertThat(open.get("firstReplyAt").isNull()).isTrue();
    run(pi, Elements.SERVICE_SEND_RETURN_FORM_LINK);
    // the link answers the customer's request: the reply deadline is met
    assertThat(pi).hasPassed(Elements.SERVICE_STOP_REPLY_CLOCK).isWaitingAt(Elements.RECEIVE_RETURN_FORM);
    assertThat(deadlines.first(contact.id(), DeadlineService.REPLY).orElseThrow().met()).isTrue();
    // and the record says when the customer was answered: the contact's sla is true to itself
    assertThat(reload(contact).firstReplyAt()).isEqualTo(MONDAY_10);
    JsonNode sla = http.get("maria", "/api/contacts/" + contact.id()).json().get("sla");
    assertThat(sla.get("met").asBoolean()).isTrue();
    assertThat(sla.get("firstReplyAt").asText()).isEqualTo("2026-11-30T10:00:00+01:00");

    Http.Response sent = http.post(null, linkedPath(contact), "application/x-www-form-urlencoded",
        "reason=WRONG_SIZE&comment=Too+small");
    assertThat(sent.status()).isEqualTo(200);
    assertThat(returns.find(contact.id()).orElseThrow().reason()).isEqualTo(ReturnReason.WRONG_SIZE);
    // the instructions go out from the model's own step, once, naming the case number
    assertThat(pi).isWaitingAt(Elements.SERVICE_SEND_RETURN_INSTRUCTIONS);
    run(pi, Elements.SERVICE_SEND_RETURN_INSTRUCTIONS);
    assertThat(instructions()).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
      assertThat(m.body()).contains(CaseToken.of(contact.id()));
    });

    // the parcel travels: the case waits in the process, on nobody's list
    assertThat(pi).isWaitingAt(Elements.RECEIVE_RETURNED_ITEM);
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id()).count())
        .isZero();
    assertThat(arrive(contact, "Box dented, shoes fine").status()).isEqualTo(204);

    assertThat(pi).isWaitingAt(Elements.USER_INSPECT_ITEM);
    // offered to the team and routed to anna, its only member, under a deadline of its own, with the parcel's state
    assertThat(task(pi)).hasCandidateGroupAssociated("team-returns").isAssignedTo("anna");
    assertThat(task(pi).getDueDate()).isEqualTo(java.util.Date.from(
        deadlines.running(contact.id(), ReturnProcess.INSPECTION_STEP).orElseThrow().dueAt()));
    assertThat((String) processEngine.getTaskService().getVariableLocal(task(pi).getId(),
        io.careflow.casefile.CaseVariables.FORM_CASE_SO_FAR)).contains("item received: Box dented, shoes fine");
    complete(pi, "anna", ANNA, Map.of(ReturnProcess.ITEM_CONDITION, "AS_NEW", ReturnProcess.DECISION, decision,
        ReturnProcess.DECISION_REASON, "Worn outside", PlanFollowUpListener.TYPE, "NONE"));
    run(pi, tell);

    assertThat(pi).hasPassed(Elements.SERVICE_STOP_INSPECTION_CLOCK, tell, Elements.END_RETURN_RESOLVED).isEnded();
    assertThat(deadlines.first(contact.id(), ReturnProcess.INSPECTION_STEP).orElseThrow().met()).isTrue();
    assertThat(notices(contact).get(notices(contact).size() - 1).body()).contains(told);
    assertThat(reload(contact).outcome()).isEqualTo("RETURN_" + decision);
    assertThat(returns.find(contact.id()).orElseThrow().decision()).isEqualTo(decision);
  }

  @Test
  void shouldRemindAfterThreeDaysAndCloseAfterFourteenWithoutTheForm() {
    run(pi, Elements.SERVICE_SEND_RETURN_FORM_LINK);
    clock(at("2026-12-03T10:01+01:00"));
    run(pi, Elements.TIMER_RETURN_REMINDER);
    run(pi, Elements.SERVICE_SEND_RETURN_REMINDER);
    assertThat(notices(contact)).hasSize(2);
    assertThat(notices(contact).get(1).body()).contains("not received your return form");

    clock(at("2026-12-14T10:01+01:00"));
    run(pi, Elements.TIMER_RETURN_FORM_EXPIRED);
    assertThat(pi).hasPassed(Elements.END_RETURN_ABANDONED).isEnded();
    assertThat(reload(contact).status()).isEqualTo(ContactStatus.CLOSED);
  }

  @Test
  void shouldCloseAndTellTheCustomerWhenTheParcelNeverArrives() {
    run(pi, Elements.SERVICE_SEND_RETURN_FORM_LINK);
    http.post(null, linkedPath(contact), "application/x-www-form-urlencoded", "reason=CHANGED_MIND");
    run(pi, Elements.SERVICE_SEND_RETURN_INSTRUCTIONS);
    assertThat(pi).isWaitingAt(Elements.RECEIVE_RETURNED_ITEM);

    // the model's time for the journey passes (moved on the engine's clock)
    clock(at("2026-12-21T10:01+01:00"));
    run(pi, Elements.TIMER_RETURN_NEVER_ARRIVED);
    run(pi, Elements.SERVICE_TELL_NOT_ARRIVED);

    assertThat(pi).hasPassed(Elements.END_RETURN_NEVER_ARRIVED).hasNotPassed(Elements.USER_INSPECT_ITEM).isEnded();
    assertThat(notices(contact).get(notices(contact).size() - 1).body()).contains("within 21 days");
    assertThat(reload(contact).status()).isEqualTo(ContactStatus.CLOSED);
    assertThat(reload(contact).outcome()).isEqualTo("RETURN_NOT_ARRIVED");
    // a parcel reported afterwards finds no return waiting for it
    assertThat(arrive(contact, "late").status()).isEqualTo(404);
  }

  @Test
  void shouldRefuseAnArrivalNobodyWaitsForOrWithOverlongNotes() {
    run(pi, Elements.SERVICE_SEND_RETURN_FORM_LINK);
    // the return form has not come yet: no parcel is expected
    Http.Response early = arrive(contact, "Box intact");
    assertThat(early.status()).isEqualTo(404);
    assertThat(early.body()).contains(contact.id());
    http.post(null, linkedPath(contact), "application/x-www-form-urlencoded", "reason=CHANGED_MIND");
    Http.Response overlong = arrive(contact, "x".repeat(2001));
    assertThat(overlong.status()).isEqualTo(400);
    assertThat(overlong.body()).contains("parcelNotes");
    assertThat(pi).isWaitingAt(Elements.RECEIVE_RETURNED_ITEM);
    // only the warehouse, agents and administrators report parcels
    assertThat(http.postJson("maria", "/api/returns/" + contact.id() + "/arrival", "{}").status()).isEqualTo(403);
  }

  @Test
  void shouldRefuseToRejectWithoutReason() {
    run(pi, Elements.SERVICE_SEND_RETURN_FORM_LINK);
    http.post(null, linkedPath(contact), "application/x-www-form-urlencoded", "reason=CHANGED_MIND");
    assertThat(arrive(contact, "Box intact").status()).isEqualTo(204);
    assertThatThrownBy(() -> complete(pi, "anna", ANNA, Map.of(ReturnProcess.ITEM_CONDITION, "USED",
        ReturnProcess.DECISION, "REJECT", PlanFollowUpListener.TYPE, "NONE"))).satisfies(Refusal.naming(ReturnProcess.DECISION_REASON));
    assertThatThrownBy(() -> complete(pi, "anna", ANNA, Map.of(ReturnProcess.ITEM_CONDITION, "BURNT",
        ReturnProcess.DECISION, "REFUND", PlanFollowUpListener.TYPE, "NONE"))).satisfies(Refusal.naming(ReturnProcess.ITEM_CONDITION));
    assertThat(pi).isWaitingAt(Elements.USER_INSPECT_ITEM);
  }

  @Test
  void shouldRetryTheInstructionsWhileTheChannelFailsThenRaiseAnIncidentAndSendThemOnceWhenRetried() {
    run(pi, Elements.SERVICE_SEND_RETURN_FORM_LINK);
    assertThat(http.post(null, linkedPath(contact), "application/x-www-form-urlencoded", "reason=CHANGED_MIND")
        .status()).isEqualTo(200);
    var management = processEngine.getManagementService();
    TestMail.SMTP.stop();
    try {
      // the step's own retries (R5/PT1M), then an incident for an operator
      for (int left = 4; left >= 0; left--) {
        Job send = instructionsJob();
        assertThatThrownBy(() -> management.executeJob(send.getId()));
        assertThat(instructionsJob().getRetries()).isEqualTo(left);
        // one message throughout: PENDING while retries are left, UNDELIVERED on the case after the last
        MessageStatus expected = left > 0 ? MessageStatus.PENDING : MessageStatus.UNDELIVERED;
        assertThat(instructions()).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(expected));
      }
      assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).list())
          .singleElement().satisfies(incident ->
              assertThat(incident.getActivityId()).isEqualTo(Elements.SERVICE_SEND_RETURN_INSTRUCTIONS));
      // meanwhile the case takes the parcel: the notice never holds up the return
      assertThat(arrive(contact, "Box intact").status()).isEqualTo(204);
      assertThat(pi).isWaitingAt(Elements.USER_INSPECT_ITEM, Elements.SERVICE_SEND_RETURN_INSTRUCTIONS);
    } finally {
      TestMail.SMTP.start();
    }
    int mailed = TestMail.SMTP.getReceivedMessages().length;

    // the operator retries once the channel is back: the same message goes out, exactly once
    management.setJobRetries(instructionsJob().getId(), 1);
    management.executeJob(instructionsJob().getId());
    assertThat(pi).hasPassed(Elements.END_RETURN_INSTRUCTIONS_SENT);
    assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
        .isZero();
    assertThat(instructions()).singleElement().satisfies(m -> {
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
      assertThat(m.body()).contains(CaseToken.of(contact.id()));
    });
    assertThat(TestMail.SMTP.getReceivedMessages()).hasSize(mailed + 1);
  }

  @Test
  void shouldWarnAndEscalateAnInspectionThatTakesTooLong() {
    run(pi, Elements.SERVICE_SEND_RETURN_FORM_LINK);
    http.post(null, linkedPath(contact), "application/x-www-form-urlencoded", "reason=CHANGED_MIND");
    run(pi, Elements.SERVICE_SEND_RETURN_INSTRUCTIONS);
    clock(at("2026-12-02T11:00+01:00"));
    assertThat(arrive(contact, "Box intact").status()).isEqualTo(204);
    assertThat(pi).isWaitingAt(Elements.USER_INSPECT_ITEM);
    // one working day from the arrival
    assertThat(deadlines.running(contact.id(), ReturnProcess.INSPECTION_STEP).orElseThrow().dueAt())
        .isEqualTo(at("2026-12-03T11:00+01:00"));

    guardedStep(contact.id(), ReturnProcess.INSPECTION_STEP).warnsThenEscalates();

    // inspected at last: missed on the record, and the return goes on
    complete(pi, "anna", ANNA, Map.of(ReturnProcess.ITEM_CONDITION, "AS_NEW", ReturnProcess.DECISION, "REFUND",
        PlanFollowUpListener.TYPE, "NONE"));
    assertThat(deadlines.first(contact.id(), ReturnProcess.INSPECTION_STEP).orElseThrow().met()).isFalse();
    assertThat(pi).hasPassed(Elements.SERVICE_STOP_INSPECTION_CLOCK).isWaitingAt(Elements.SERVICE_TELL_REFUND);
  }

  /** The messages the model's "Send the return instructions" step wrote. */
  private List<Message> instructions() {
    return notices(contact).stream().filter(m -> (pi.getId() + ":" + Elements.SERVICE_SEND_RETURN_INSTRUCTIONS)
        .equals(m.source())).toList();
  }

  private Job instructionsJob() {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(Elements.SERVICE_SEND_RETURN_INSTRUCTIONS).singleResult();
  }

  private Http.Response arrive(Contact contact, String notes) {
    return http.postJson("intake", "/api/returns/" + contact.id() + "/arrival", Map.of("parcelNotes", notes));
  }
}
