package io.careflow.protocol.defect;

import static io.careflow.support.DemoPeople.BORIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.communication.ReplyStep;
import io.careflow.contact.CommunicationStyle;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactStatus;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.defect.DefectReplacementProcess.Elements;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import io.careflow.support.Http;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.Refusal;
import io.careflow.system.Groups;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code processes/defect-replacement.bpmn}. */
class DefectReplacementProcessTest extends ProtocolTestSupport {


  @Autowired
  ReplacementRequests requests;

  @Autowired
  DeadlineService deadlines;

  Contact contact;
  ProcessInstance pi;

  @BeforeEach
  void defect() {
    contact = intake.receive(emailContact(uniqueEmail("defect"), "DEFECT", "Broken kettle",
        "It stopped working after a week."), "intake").contact();
    pi = protocol(contact, DefectReplacementProcess.KEY);
  }

  @Test
  void shouldRegisterReviewApproveContactAndShipWithAMessageAtEachStage() {
    assertThat(pi).isWaitingAt(Elements.USER_TALK_WITH_CUSTOMER);
    talk("AGENT");
    run(pi, Elements.SERVICE_SEND_REPLY);
    assertThat(pi).hasPassed(Elements.SERVICE_REGISTER_REPLACEMENT_REQUEST)
        .isWaitingAt(Elements.SERVICE_CONFIRM_REQUEST_RECEIVED);
    assertThat(deadlines.first(contact.id(), DeadlineService.REPLY).orElseThrow().met()).isTrue();
    run(pi, Elements.SERVICE_CONFIRM_REQUEST_RECEIVED);

    // the review has its own deadline: two working days, Wednesday 10:00
    assertThat(pi).isWaitingAt(Elements.USER_REVIEW_REPLACEMENT_REQUEST);
    Deadline review = deadlines.first(contact.id(), DefectReplacementProcess.REVIEW_STEP).orElseThrow();
    assertThat(review.dueAt()).isEqualTo(at("2026-12-02T10:00+01:00"));
    assertThat(task(pi).getDueDate()).isEqualTo(Date.from(review.dueAt()));
    // offered to the service department and routed to boris, who knows kitchen appliances
    assertThat(task(pi)).hasCandidateGroupAssociated("team-replacements").isAssignedTo("boris");
    // the form left the order empty: the request says so instead of "order: "
    assertThat((String) processEngine.getTaskService().getVariable(task(pi).getId(),
        DefectReplacementProcess.REQUEST_SUMMARY)).contains("Heating element dead")
        .contains("Product: KET-200 · order: not given");
    complete(pi, "boris", BORIS, Map.of(DefectReplacementProcess.REVIEW_DECISION, "APPROVE", PlanFollowUpListener.TYPE, "NONE"));
    run(pi, Elements.SERVICE_SEND_REVIEW_RESULT);
    assertThat(deadlines.first(contact.id(), DefectReplacementProcess.REVIEW_STEP).orElseThrow().met()).isTrue();

    // reviewed and contacted within two working days of the request: the specialist's task is due then
    assertThat(pi).isWaitingAt(Elements.USER_CONTACT_CUSTOMER);
    Deadline contacted = deadlines.first(contact.id(), DefectReplacementProcess.CONTACT_STEP).orElseThrow();
    assertThat(contacted.startedAt()).as("counted from the registration").isEqualTo(MONDAY_10);
    assertThat(contacted.dueAt()).isEqualTo(at("2026-12-02T10:00+01:00"));
    assertThat(contacted.isCompleted()).isFalse();
    assertThat(task(pi).getDueDate()).isEqualTo(Date.from(contacted.dueAt()));
    clock(at("2026-12-01T15:00+01:00"));
    complete(pi, "boris", BORIS, Map.of(DefectReplacementProcess.CONTACT_NOTES, "Delivery on Friday morning"));
    assertThat(pi).hasPassed(Elements.SERVICE_STOP_CONTACT_CLOCK);
    contacted = deadlines.first(contact.id(), DefectReplacementProcess.CONTACT_STEP).orElseThrow();
    assertThat(contacted.met()).isTrue();
    assertThat(contacted.warnedAt()).isNull();
    assertThat(watcher(contacted)).as("the contact clock's watcher ended with it").isNull();
    // shipping has a deadline of its own from the specialist's call, and its clock stops with the shipment
    assertThat(pi).isWaitingAt(Elements.USER_SHIP_REPLACEMENT);
    Deadline shipping = deadlines.running(contact.id(), DefectReplacementProcess.SHIPPING_STEP).orElseThrow();
    assertThat(shipping.startedAt()).isEqualTo(at("2026-12-01T15:00+01:00"));
    assertThat(task(pi).getDueDate()).isEqualTo(Date.from(shipping.dueAt()));
    assertThat(watcher(shipping)).as("warning, breach and escalation are watched").isNotNull();
    complete(pi, "boris", BORIS, Map.of(DefectReplacementProcess.TRACKING_NUMBER, "PX123456789PL",
        PlanFollowUpListener.TYPE, "REPAIR_STATUS", PlanFollowUpListener.DATE, "2026-12-10"));
    assertThat(deadlines.first(contact.id(), DefectReplacementProcess.SHIPPING_STEP).orElseThrow().met()).isTrue();
    run(pi, Elements.SERVICE_SEND_SHIPPED);

    assertThat(pi).hasPassed(Elements.END_REPLACEMENT_SHIPPED).isEnded();
    assertThat(notices(contact)).extracting(m -> m.body()).satisfiesExactly(
        received -> assertThat(received).contains("registered your replacement request"),
        reviewed -> assertThat(reviewed).contains("has been approved"),
        shipped -> assertThat(shipped).contains("PX123456789PL"));
    assertThat(requests.find(contact.id()).orElseThrow().trackingNumber()).isEqualTo("PX123456789PL");
    assertThat(reload(contact).outcome()).isEqualTo("REPLACEMENT_SHIPPED");
  }

  @Test
  void shouldRejectWithTheReasonTheCustomerIsTold() {
    talk("AGENT");
    run(pi, Elements.SERVICE_SEND_REPLY);
    run(pi, Elements.SERVICE_CONFIRM_REQUEST_RECEIVED);
    complete(pi, "boris", BORIS, Map.of(DefectReplacementProcess.REVIEW_DECISION, "REJECT",
        DefectReplacementProcess.REJECTION_REASON, "The damage was caused by a fall.", PlanFollowUpListener.TYPE, "NONE"));
    run(pi, Elements.SERVICE_SEND_REVIEW_RESULT);

    assertThat(pi).hasPassed(Elements.SERVICE_STOP_CONTACT_CLOCK_REJECTED, Elements.END_REPLACEMENT_REJECTED)
        .isEnded();
    // the rejection told is the service's word to the customer: no specialist's call is due any more
    Deadline contacted = deadlines.first(contact.id(), DefectReplacementProcess.CONTACT_STEP).orElseThrow();
    assertThat(contacted.isCompleted()).isTrue();
    assertThat(contacted.met()).isTrue();
    assertThat(watcher(contacted)).isNull();
    assertThat(notices(contact).get(notices(contact).size() - 1).body())
        .contains("cannot replace").contains("caused by a fall");
    assertThat(reload(contact).outcome()).isEqualTo("REPLACEMENT_REJECTED");
  }

  @Test
  void shouldLetTheCustomerRegisterTheRequestThroughTheirLink() {
    talk("CUSTOMER");
    run(pi, Elements.SERVICE_SEND_REPLY);
    run(pi, Elements.SERVICE_SEND_REQUEST_LINK);
    assertThat(pi).isWaitingAt(Elements.RECEIVE_REPLACEMENT_REQUEST);

    String page = linkedPath(contact);
    assertThat(http.get(null, page).body()).contains("name=\"fault\"");
    Http.Response sent = http.post(null, page, "application/x-www-form-urlencoded",
        "product=KET-200&order=PL-1&fault=" + java.net.URLEncoder.encode("Leaks water", java.nio.charset.StandardCharsets.UTF_8));
    assertThat(sent.status()).isEqualTo(200);

    assertThat(pi).hasPassed(Elements.RECEIVE_REPLACEMENT_REQUEST).isWaitingAt(Elements.SERVICE_CONFIRM_REQUEST_RECEIVED);
    assertThat(requests.find(contact.id()).orElseThrow().registeredBy()).isEqualTo("customer");
    assertThat(http.post(null, page, "application/x-www-form-urlencoded", "fault=again").status()).isEqualTo(410);
  }

  @Test
  void shouldPutThePhotoTheCustomerUploadedWithTheRequestOnTheReview() {
    talk("CUSTOMER");
    run(pi, Elements.SERVICE_SEND_REPLY);
    run(pi, Elements.SERVICE_SEND_REQUEST_LINK);
    String page = linkedPath(contact);
    assertThat(http.get(null, page).body()).contains("enctype=\"multipart/form-data\"").contains("name=\"files\"");

    Http.Response sent = http.postMultipart(page, java.util.Map.of("product", "KET-200", "fault", "Leaks water"),
        "files", new Http.Part("leak.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}),
        new Http.Part("leak.svg", "image/svg+xml", "<svg onload=alert(1)/>".getBytes()));
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body()).contains("id=\"files-refused\"").contains("leak.svg");

    assertThat(pi).hasPassed(Elements.RECEIVE_REPLACEMENT_REQUEST);
    run(pi, Elements.SERVICE_CONFIRM_REQUEST_RECEIVED);
    assertThat(pi).isWaitingAt(Elements.USER_REVIEW_REPLACEMENT_REQUEST);
    assertThat(processEngine.getTaskService().getVariableLocal(task(pi).getId(),
        io.careflow.files.FilesOnTaskForms.VARIABLE)).asString()
        .contains("[![leak.png](/cases/" + contact.id() + "/files/").contains("leak.svg (22 B): not taken");
  }

  @Test
  void shouldStartTheReviewAndItsClockWhileTheConfirmationCannotBeSent() {
    talk("AGENT");
    run(pi, Elements.SERVICE_SEND_REPLY);
    // the confirmation waits for its channel; the review and its two-day clock do not
    assertThat(pi).isWaitingAt(Elements.SERVICE_CONFIRM_REQUEST_RECEIVED, Elements.USER_REVIEW_REPLACEMENT_REQUEST);
    io.careflow.support.TestMail.SMTP.stop();
    try {
      assertThatThrownBy(() -> run(pi, Elements.SERVICE_CONFIRM_REQUEST_RECEIVED));
    } finally {
      io.careflow.support.TestMail.SMTP.start();
    }
    Deadline review = deadlines.first(contact.id(), DefectReplacementProcess.REVIEW_STEP).orElseThrow();
    assertThat(review.startedAt()).as("counted from the registration").isEqualTo(MONDAY_10);
    assertThat(review.dueAt()).isEqualTo(at("2026-12-02T10:00+01:00"));

    run(pi, Elements.SERVICE_CONFIRM_REQUEST_RECEIVED);
    assertThat(pi).hasPassed(Elements.AND_CONFIRM_AND_REVIEW, Elements.END_REQUEST_CONFIRMED)
        .isWaitingAt(Elements.USER_REVIEW_REPLACEMENT_REQUEST);
  }

  @Test
  void shouldRemindAfterThreeDaysAndCloseAfterFourteenWithoutARequest() {
    talk("CUSTOMER");
    run(pi, Elements.SERVICE_SEND_REPLY);
    run(pi, Elements.SERVICE_SEND_REQUEST_LINK);

    clock(at("2026-12-03T10:01+01:00"));
    run(pi, Elements.TIMER_REQUEST_REMINDER);
    run(pi, Elements.SERVICE_SEND_REQUEST_REMINDER);
    assertThat(notices(contact)).hasSize(2);
    assertThat(pi).isWaitingAt(Elements.RECEIVE_REPLACEMENT_REQUEST);

    clock(at("2026-12-14T10:01+01:00"));
    run(pi, Elements.TIMER_REQUEST_EXPIRED);
    assertThat(pi).hasPassed(Elements.END_REQUEST_NEVER_CAME).isEnded();
    assertThat(reload(contact).status()).isEqualTo(ContactStatus.CLOSED);
  }

  @Test
  void shouldEscalateAReviewThatTakesTooLong() {
    talk("AGENT");
    run(pi, Elements.SERVICE_SEND_REPLY);
    run(pi, Elements.SERVICE_CONFIRM_REQUEST_RECEIVED);

    guardedStep(contact.id(), DefectReplacementProcess.REVIEW_STEP).warnsThenEscalates();

    assertThat(pi).isWaitingAt(Elements.USER_REVIEW_REPLACEMENT_REQUEST);
  }

  @Test
  void shouldWarnBreachAndEscalateWhenTheSpecialistDoesNotContactTheCustomerInTime() {
    talk("AGENT");
    run(pi, Elements.SERVICE_SEND_REPLY);
    run(pi, Elements.SERVICE_CONFIRM_REQUEST_RECEIVED);
    assertThat(pi).hasPassed(Elements.SERVICE_START_CONTACT_CLOCK);
    // reviewed in time, on Monday afternoon: the review clock is met, the contact clock runs on
    clock(at("2026-11-30T15:00+01:00"));
    complete(pi, "boris", BORIS, Map.of(DefectReplacementProcess.REVIEW_DECISION, "APPROVE", PlanFollowUpListener.TYPE, "NONE"));
    run(pi, Elements.SERVICE_SEND_REVIEW_RESULT);
    assertThat(deadline(contact.id(), DefectReplacementProcess.REVIEW_STEP).met()).isTrue();
    assertThat(pi).isWaitingAt(Elements.USER_CONTACT_CUSTOMER);
    assertThat(task(pi).getAssignee()).isEqualTo("boris");

    Deadline contacted = deadline(contact.id(), DefectReplacementProcess.CONTACT_STEP);
    // warning point: 75% of two working days (12 of 16 working hours) from Monday 10:00 is Tuesday 14:00
    assertThat(contacted.warningAt()).isEqualTo(at("2026-12-01T14:00+01:00"));
    // warned, offered to the team leads and missed at the deadline, the managers told at twice the time
    guardedStep(contact.id(), DefectReplacementProcess.CONTACT_STEP).warnsThenEscalates();
    assertThat(task(pi).getAssignee()).as("boris keeps it beside the leads").isEqualTo("boris");
    // each level on the contact's record in words, naming the step and who was told
    assertThat(jdbc.sql("select type || ' ' || detail from contact_event where contact_id = ? and detail like ?"
            + " order by id").params(contact.id(), DefectReplacementProcess.CONTACT_STEP + ":%")
        .query(String.class).list()).satisfiesExactly(
            start -> assertThat(start).startsWith("SLA_STARTED replacement-contact: P2D of working time, due "
                + "2026-12-02 10:00, warning at 2026-12-01 14:00 (sla-policy rule_replacement_contact: "),
            warning -> assertThat(warning).isEqualTo("SLA_WARNING replacement-contact: priority raised, told boris"),
            breach -> assertThat(breach).startsWith("SLA_BREACHED replacement-contact: offered to team leads, told "),
            escalation -> assertThat(escalation)
                .startsWith("SLA_ESCALATED replacement-contact: twice the allowed time, told "));

    // the specialist calls at last: recorded as missed, and the replacement goes on
    complete(pi, "boris", BORIS, Map.of(DefectReplacementProcess.CONTACT_NOTES, "Delivery on Friday morning"));
    Deadline done = deadline(contact.id(), DefectReplacementProcess.CONTACT_STEP);
    assertThat(done.isCompleted()).isTrue();
    assertThat(done.met()).isFalse();
    assertThat(pi).hasPassed(Elements.SERVICE_STOP_CONTACT_CLOCK).isWaitingAt(Elements.USER_SHIP_REPLACEMENT);
  }

  @Test
  void shouldWarnAndEscalateAShipmentThatDoesNotLeaveInTime() {
    talk("AGENT");
    run(pi, Elements.SERVICE_SEND_REPLY);
    run(pi, Elements.SERVICE_CONFIRM_REQUEST_RECEIVED);
    complete(pi, "boris", BORIS, Map.of(DefectReplacementProcess.REVIEW_DECISION, "APPROVE", PlanFollowUpListener.TYPE, "NONE"));
    run(pi, Elements.SERVICE_SEND_REVIEW_RESULT);
    clock(at("2026-12-01T11:00+01:00"));
    complete(pi, "boris", BORIS, Map.of(DefectReplacementProcess.CONTACT_NOTES, "Delivery on Friday morning"));
    assertThat(pi).isWaitingAt(Elements.USER_SHIP_REPLACEMENT);
    // one working day from the specialist's call
    assertThat(deadline(contact.id(), DefectReplacementProcess.SHIPPING_STEP).dueAt())
        .isEqualTo(at("2026-12-02T11:00+01:00"));

    guardedStep(contact.id(), DefectReplacementProcess.SHIPPING_STEP).warnsThenEscalates();

    // shipped at last: missed on the record, and the customer is told
    complete(pi, "boris", BORIS, Map.of(DefectReplacementProcess.TRACKING_NUMBER, "PX123456789PL",
        PlanFollowUpListener.TYPE, "NONE"));
    assertThat(deadline(contact.id(), DefectReplacementProcess.SHIPPING_STEP).met()).isFalse();
    assertThat(pi).hasPassed(Elements.SERVICE_STOP_SHIPPING_CLOCK).isWaitingAt(Elements.SERVICE_SEND_SHIPPED);
  }

  @Test
  void shouldWarnAndEscalateAConversationThatDoesNotHappen() {
    guardedStep(contact.id(), DeadlineService.REPLY).warnsThenEscalates();

    assertThat(pi).isWaitingAt(Elements.USER_TALK_WITH_CUSTOMER);
  }

  @Test
  void shouldRefuseAnIncompleteConversationChecklist() {
    Map<String, Object> skipped = talkVariables("AGENT");
    skipped.put(DefectReplacementProcess.DIALOGUE_EXPLAIN, "SKIPPED");
    assertRefused(skipped, DefectReplacementProcess.DIALOGUE_SKIPPED_REASON);

    Map<String, Object> missing = talkVariables("AGENT");
    missing.remove(DefectReplacementProcess.DIALOGUE_EMPATHY);
    assertRefused(missing, DefectReplacementProcess.DIALOGUE_EMPATHY);

    Map<String, Object> noFault = talkVariables("AGENT");
    noFault.remove(DefectReplacementProcess.FAULT);
    assertRefused(noFault, DefectReplacementProcess.FAULT);

    skipped.put(DefectReplacementProcess.DIALOGUE_SKIPPED_REASON, "Nothing to explain: the fault is obvious");
    complete(pi, "boris", BORIS, skipped);
    assertThat(pi).isWaitingAt(Elements.SERVICE_SEND_REPLY);
  }

  private void talk(String registeredBy) {
    complete(pi, "boris", BORIS, talkVariables(registeredBy));
  }

  @Test
  void shouldHandTheRestOfTheCaseToTheTeamLeadsWhenTheAgentRaisesDissatisfactionToHigh() {
    // SPEC R3: HIGH at any point hands the case to a senior agent, also where the model names a fixed team
    Map<String, Object> angry = talkVariables("AGENT");
    angry.put(CommunicationStyle.DISSATISFACTION, "HIGH");
    complete(pi, "boris", BORIS, angry);
    run(pi, Elements.SERVICE_SEND_REPLY);
    run(pi, Elements.SERVICE_CONFIRM_REQUEST_RECEIVED);

    assertThat(pi).isWaitingAt(Elements.USER_REVIEW_REPLACEMENT_REQUEST);
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(task(pi).getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList())
        .as("the review the model gives team-replacements").containsExactly(Groups.TEAM_LEADS);
    assertThat(jdbc.sql("select count(*) from contact_event where contact_id = ? and type = ?")
        .params(contact.id(), ContactEvents.SENIOR_TAKES_OVER).query(Integer.class).single()).isOne();
  }

  private Map<String, Object> talkVariables(String registeredBy) {
    Map<String, Object> variables = new HashMap<>();
    DefectReplacementProcess.DIALOGUE_STEPS.forEach(step -> variables.put(step, "DONE"));
    variables.put(ReplyStep.REPLY_TEXT, "We will replace the kettle: the service team reviews your request within 2 days.");
    variables.put(DefectReplacementProcess.REGISTERED_BY, registeredBy);
    variables.put(DefectReplacementProcess.PRODUCT_SKU, "KET-200");
    // Tasklist sends a field left empty as ""
    variables.put(DefectReplacementProcess.ORDER_ID, "");
    variables.put(DefectReplacementProcess.FAULT, "Heating element dead");
    return variables;
  }

  private void assertRefused(Map<String, Object> variables, String message) {
    assertThatThrownBy(() -> complete(pi, "boris", BORIS, variables)).satisfies(Refusal.naming(message));
    assertThat(pi).isWaitingAt(Elements.USER_TALK_WITH_CUSTOMER);
  }
}
