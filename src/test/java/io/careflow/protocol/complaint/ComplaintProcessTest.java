package io.careflow.protocol.complaint;

import static io.careflow.support.DemoPeople.ANNA;
import static io.careflow.support.DemoPeople.MARIA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.communication.ReplyStep;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.defect.DefectReplacementProcess;
import io.careflow.support.Refusal;
import io.careflow.followup.FollowUpPlans;
import io.careflow.followup.FollowUpType;
import io.careflow.communication.MessageKind;
import io.careflow.casefile.Contact;
import io.careflow.protocol.complaint.ComplaintProcess.Elements;
import io.careflow.sla.DeadlineService;
import io.careflow.support.Conversation;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.TestMail;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code processes/complaint.bpmn}. */
class ComplaintProcessTest extends ProtocolTestSupport {


  @Autowired
  DeadlineService deadlines;

  @Autowired
  FollowUpPlans followUps;

  Contact contact;
  ProcessInstance pi;

  @BeforeEach
  void complaint() {
    contact = intake.receive(emailContact(uniqueEmail("complaint"), "COMPLAINT", "Late and damaged",
        "The parcel came a week late and damaged."), "intake").contact();
    pi = protocol(contact, ComplaintProcess.KEY);
  }

  @Test
  void shouldAcknowledgeInvestigateProposeAndReplyWithoutApproval() {
    assertThat(pi).isWaitingAt(Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
    run(pi, Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
    // the acknowledgement is not the first reply and does not stop the clock
    assertThat(notices(contact)).singleElement().satisfies(m -> assertThat(m.body()).contains("received your complaint"));
    assertThat(reload(contact).firstReplyAt()).isNull();

    investigate("YES");
    propose("DISCOUNT_VOUCHER", 50, "A 50 PLN voucher for the trouble.");
    assertThat(pi).hasPassed(Elements.RULE_COMPENSATION_APPROVAL, Elements.XOR_APPROVAL_NEEDED)
        .hasNotPassed(Elements.USER_APPROVE_COMPENSATION).isWaitingAt(Elements.USER_REPLY_COMPLAINT);

    complete(pi, "anna", ANNA, Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "We are sorry: here is a voucher of 50 PLN.",
        PlanFollowUpListener.TYPE, "OFFER", PlanFollowUpListener.DATE, "2026-12-15", PlanFollowUpListener.NOTE, "Christmas offer")));
    run(pi, Elements.SERVICE_SEND_REPLY);

    assertThat(pi).hasPassed(Elements.SUB_ANSWER_COMPLAINT, Elements.SERVICE_STOP_REPLY_CLOCK,
        Elements.END_COMPLAINT_RESOLVED).isEnded();
    Contact answered = reload(contact);
    assertThat(answered.outcome()).isEqualTo("COMPLAINT_JUSTIFIED");
    assertThat(answered.outcomeDetail()).isEqualTo("DISCOUNT_VOUCHER 50.00 PLN");
    assertThat(answered.firstReplyAt()).isNotNull();
    assertThat(deadlines.first(contact.id(), DeadlineService.REPLY).orElseThrow().met()).isTrue();
    // the agent's plan, and the survey careflow plans for every resolved case
    assertThat(followUps.ofContact(contact.id())).extracting(f -> f.type())
        .containsExactlyInAnyOrder(FollowUpType.OFFER, FollowUpType.SURVEY);
    assertThat(followUps.ofContact(contact.id())).filteredOn(f -> f.type() == FollowUpType.OFFER)
        .singleElement().satisfies(f -> {
      assertThat(f.plannedFor()).isEqualTo(at("2026-12-15T10:00+01:00"));
      assertThat(f.note()).isEqualTo("Christmas offer");
    });
    assertThat(TestMail.SMTP.getReceivedMessages()).hasSize(2);
    assertThat(messages.ofContact(contact.id())).extracting(m -> m.kind())
        .containsExactly(MessageKind.NOTICE, MessageKind.ANSWER);
  }

  @Test
  void shouldPutTheComplaintBeforeTheAgentsWhileTheAcknowledgementCannotBeSent() {
    // the acknowledgement waits for its channel; the investigation and its deadline timers do not
    assertThat(pi).isWaitingAt(Elements.SERVICE_ACKNOWLEDGE_COMPLAINT, Elements.USER_INVESTIGATE_COMPLAINT);
    assertThat(watcher(deadline(contact.id(), DeadlineService.REPLY))).as("the reply deadline is watched").isNotNull();
    TestMail.SMTP.stop();
    try {
      assertThatThrownBy(() -> run(pi, Elements.SERVICE_ACKNOWLEDGE_COMPLAINT));
      investigate("YES");
      assertThat(pi).isWaitingAt(Elements.SERVICE_ACKNOWLEDGE_COMPLAINT, Elements.USER_PROPOSE_RESOLUTION);
    } finally {
      TestMail.SMTP.start();
    }
    run(pi, Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);

    assertThat(pi).hasPassed(Elements.AND_ACKNOWLEDGE_AND_ANSWER, Elements.END_COMPLAINT_ACKNOWLEDGED)
        .isWaitingAt(Elements.USER_PROPOSE_RESOLUTION);
    assertThat(notices(contact)).singleElement().satisfies(m -> assertThat(m.body()).contains("received your complaint"));
  }

  @Test
  void shouldAskATeamLeadToApproveACompensationAboveTheThreshold() {
    run(pi, Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
    investigate("YES");
    propose("REFUND", 150, "Full refund of 150 PLN.");

    assertThat(pi).isWaitingAt(Elements.USER_APPROVE_COMPENSATION);
    assertThat(task(pi)).hasCandidateGroup("team-leads");
    complete(pi, "maria", MARIA, Map.of(ComplaintProcess.APPROVAL_DECISION, "APPROVE"));

    assertThat(pi).hasPassed(Elements.XOR_COMPENSATION_APPROVED).isWaitingAt(Elements.USER_REPLY_COMPLAINT);
  }

  @Test
  void shouldProposeAgainWhenTheLeadSendsTheProposalBack() {
    run(pi, Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
    investigate("NO");
    propose("REFUND", 400, "Full refund.");
    complete(pi, "maria", MARIA, Map.of(ComplaintProcess.APPROVAL_DECISION, "REJECT",
        ComplaintProcess.APPROVAL_COMMENT, "Not justified: offer an apology."));

    assertThat(pi).isWaitingAt(Elements.USER_PROPOSE_RESOLUTION);
    propose("APOLOGY", 0, "Explain the delay and apologise.");
    assertThat(pi).isWaitingAt(Elements.USER_REPLY_COMPLAINT);
    assertThat(reload(contact).outcome()).isEqualTo("COMPLAINT_NOT_JUSTIFIED");
    assertThat(reload(contact).outcomeDetail()).isEqualTo("APOLOGY");
  }

  @Test
  void shouldEscalateTheWholeAnswerAtTheDeadlineAndTellManagersAtTwice() {
    run(pi, Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
    guardedStep(contact.id(), DeadlineService.REPLY).warnsThenEscalates();

    assertThat(pi).isWaitingAt(Elements.USER_INVESTIGATE_COMPLAINT);
  }

  @Test
  void shouldRefuseIncompleteOrInvalidInputAndKeepTheTaskOpen() {
    run(pi, Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
    assertRefused(Map.of(ComplaintProcess.FINDINGS, " ", ComplaintProcess.JUSTIFIED, "YES"), ComplaintProcess.FINDINGS);
    assertRefused(Map.of(ComplaintProcess.FINDINGS, "x", ComplaintProcess.JUSTIFIED, "MAYBE"), ComplaintProcess.JUSTIFIED);
    investigate("YES");

    assertRefused(Map.of(ComplaintProcess.RESOLUTION_TYPE, "REFUND", ComplaintProcess.PROPOSAL, "p"),
        ComplaintProcess.COMPENSATION_AMOUNT);
    assertRefused(Map.of(ComplaintProcess.RESOLUTION_TYPE, "REFUND", ComplaintProcess.PROPOSAL, "p",
        ComplaintProcess.COMPENSATION_AMOUNT, "a lot"), "must be a number");
    assertRefused(Map.of(ComplaintProcess.RESOLUTION_TYPE, "REFUND", ComplaintProcess.PROPOSAL, "p",
        ComplaintProcess.COMPENSATION_AMOUNT, -5), "Compensation (PLN): must be at least 0");
    assertRefused(Map.of(ComplaintProcess.RESOLUTION_TYPE, "MONEY", ComplaintProcess.PROPOSAL, "p"),
        ComplaintProcess.RESOLUTION_TYPE);
    propose("REFUND", 500, "Refund.");

    assertRefused(Map.of(ComplaintProcess.APPROVAL_DECISION, "REJECT"), ComplaintProcess.APPROVAL_COMMENT, MARIA, "maria");
    complete(pi, "maria", MARIA, Map.of(ComplaintProcess.APPROVAL_DECISION, "APPROVE"));

    assertRefused(Map.of(ReplyStep.REPLY_TEXT, "Refund is on its way", PlanFollowUpListener.TYPE, "NONE"), DefectReplacementProcess.DIALOGUE_LISTEN);
    assertRefused(Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Refund is on its way", PlanFollowUpListener.TYPE, "OFFER",
        PlanFollowUpListener.DATE, "2026-11-01")), PlanFollowUpListener.DATE);
    assertRefused(Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Refund is on its way", PlanFollowUpListener.TYPE, "CUSTOM",
        PlanFollowUpListener.DATE, "2026-12-10")), PlanFollowUpListener.NOTE);
    assertRefused(Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Refund is on its way")), PlanFollowUpListener.TYPE);
    assertThat(pi).isWaitingAt(Elements.USER_REPLY_COMPLAINT);
    assertThat(messages.ofContact(contact.id())).extracting(m -> m.kind()).containsExactly(MessageKind.NOTICE);
  }

  private void investigate(String justified) {
    complete(pi, "anna", ANNA, Conversation.done(Map.of(ComplaintProcess.FINDINGS, "The courier left it in the rain.",
        ComplaintProcess.JUSTIFIED, justified)));
  }

  private void propose(String type, double amount, String proposal) {
    complete(pi, "anna", ANNA, Map.of(ComplaintProcess.RESOLUTION_TYPE, type,
        ComplaintProcess.COMPENSATION_AMOUNT, amount, ComplaintProcess.PROPOSAL, proposal));
  }

  private void assertRefused(Map<String, Object> variables, String message) {
    assertRefused(variables, message, ANNA, "anna");
  }

  private void assertRefused(Map<String, Object> variables, String message, List<String> groups, String user) {
    String before = task(pi).getId();
    assertThatThrownBy(() -> complete(pi, user, groups, variables)).satisfies(Refusal.naming(message));
    assertThat(task(pi).getId()).isEqualTo(before);
  }
}
