package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.casefile.ContactStatus;
import io.careflow.communication.ReplyStep;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.support.Refusal;
import io.careflow.contact.ContactProcess.Elements;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.defect.DefectReplacementProcess;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.missedcall.MissedCallProcess;
import io.careflow.protocol.returns.ReturnProcess;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import io.careflow.sla.SlaVariables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code processes/contact.bpmn}. */
class ContactProcessTest extends CareflowIntegrationTest {

  @Autowired
  ContactRepository contacts;

  @Test
  void shouldRunTheProtocolOfTheTopicHint() {
    Contact contact = intake.receive(emailContact(uniqueEmail("hint"), "COMPLAINT", "Damaged parcel", "Torn box"),
        "intake").contact();
    ProcessInstance pi = contactProcess(contact);

    assertThat(pi).hasPassed(Elements.START_CONTACT_RECEIVED, Elements.RULE_COMMUNICATION_STYLE,
        Elements.SERVICE_START_REPLY_CLOCK, Elements.RULE_CLASSIFY_CONTACT,
        Elements.XOR_PROTOCOL_KNOWN, Elements.XOR_SENIOR_TAKES_OVER, Elements.XOR_MERGE_TEAM,
        Elements.SERVICE_APPLY_REPLY_TARGET)
        .isWaitingAt(Elements.CALL_PROTOCOL);
    assertThat(pi).hasNotPassed(Elements.USER_CLASSIFY_CONTACT, Elements.SERVICE_HAND_TO_SENIOR);
    ProcessInstance protocol = calledProcessInstance(pi);
    assertThat(protocol).hasProcessDefinitionKey(ComplaintProcess.KEY).hasBusinessKey(contact.id())
        .isWaitingAt(ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
    assertThat(protocol).variables().containsEntry(CaseVariables.TEAM, "team-complaints")
        .containsEntry("priority", "NORMAL").containsKey(CommunicationStyle.TONE_GUIDANCE);

    Contact classified = contacts.find(contact.id()).orElseThrow();
    assertThat(classified.topic()).isEqualTo("COMPLAINT");
    assertThat(classified.protocol()).isEqualTo(ComplaintProcess.KEY);
  }

  @Test
  void shouldReadTheTopicFromTheWordsOfTheMessage() {
    Contact contact = intake.receive(emailContact(uniqueEmail("words"), null, "Czajnik",
        "Mój czajnik się zepsuł po tygodniu."), "intake").contact();
    ProcessInstance pi = contactProcess(contact);

    assertThat(pi).hasNotPassed(Elements.USER_CLASSIFY_CONTACT).isWaitingAt(Elements.CALL_PROTOCOL);
    ProcessInstance protocol = calledProcessInstance(pi);
    assertThat(protocol).hasProcessDefinitionKey(DefectReplacementProcess.KEY)
        .isWaitingAt(DefectReplacementProcess.Elements.USER_TALK_WITH_CUSTOMER);
    // offered to the team and routed to boris, its only member
    assertThat(task(protocol)).hasCandidateGroupAssociated("team-replacements").isAssignedTo("boris");
    assertThat(contacts.find(contact.id()).orElseThrow().topic()).isEqualTo("DEFECT");
  }

  @Test
  void shouldLetAnAgentClassifyAContactWithoutConfidentTopic() {
    Contact contact = intake.receive(emailContact(uniqueEmail("triage"), null, "Question",
        "Is it broken, or should I return it?"), "intake").contact();
    ProcessInstance pi = contactProcess(contact);

    assertThat(pi).isWaitingAt(Elements.USER_CLASSIFY_CONTACT);
    Task triage = task(pi);
    // offered to every agent; routed to one who reads the customer's language (both demo agents do)
    assertThat(triage).hasCandidateGroupAssociated("agents");
    assertThat(triage.getAssignee()).isIn("anna", "boris");
    // the first topic whose words were found is preselected in the form
    assertThat(processEngine.getTaskService().getVariable(triage.getId(), CaseVariables.TOPIC_HINT))
        .isEqualTo("DEFECT");
    assertThat(processEngine.getTaskService().getVariable(triage.getId(), CaseVariables.FORM_CUSTOMER_MESSAGE))
        .asString().contains("should I return it?");

    complete(triage, withVariables(CaseVariables.TOPIC_HINT, "RETURN"));

    assertThat(pi).hasPassed(Elements.USER_CLASSIFY_CONTACT).isWaitingAt(Elements.CALL_PROTOCOL);
    assertThat(calledProcessInstance(pi)).hasProcessDefinitionKey(ReturnProcess.KEY);
    assertThat(contacts.find(contact.id()).orElseThrow().topic()).isEqualTo("RETURN");
  }

  @Test
  void shouldAskAgainWhenTheTriageTopicIsUnknown() {
    Contact contact = intake.receive(emailContact(uniqueEmail("unknown"), null, "?", "?"), "intake").contact();
    ProcessInstance pi = contactProcess(contact);
    Task triage = task(pi);

    // the form offers the known topics only: another one is refused and the triage stays open
    assertThatThrownBy(() -> complete(triage, withVariables(CaseVariables.TOPIC_HINT, "WEATHER")))
        .satisfies(Refusal.naming(CaseVariables.TOPIC_HINT)).hasMessageContaining(": must be one of the offered values");

    assertThat(pi).isWaitingAt(Elements.USER_CLASSIFY_CONTACT);
    assertThat(task(pi).getId()).isEqualTo(triage.getId());
    assertThat(processInstanceQuery().superProcessInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void shouldGuardATriageThatWaitsWithTheReplyDeadline() {
    Contact contact = intake.receive(emailContact(uniqueEmail("waits"), null, "?", "?"), "intake").contact();
    ProcessInstance pi = contactProcess(contact);
    Deadline reply = deadline(contact.id(), DeadlineService.REPLY);
    assertThat(processEngine.getTaskService().getVariableLocal(task(pi).getId(), SlaVariables.DEADLINE_ID))
        .isEqualTo(reply.id());

    runWatcherUntil(reply, reply.escalationAt().plusSeconds(60));

    assertThat(pi).isWaitingAt(Elements.USER_CLASSIFY_CONTACT);
    assertThat(task(pi)).hasCandidateGroupAssociated("team-leads").hasCandidateGroupAssociated("agents");
    assertThat(deadline(contact.id(), DeadlineService.REPLY).escalatedAt()).isNotNull();
  }

  @Test
  void shouldGiveTheProtocolsReplyTargetOnceTheTopicIsKnown() {
    // the reply clock starts at receipt (topic unknown); classified, the protocol's row is asked
    Contact contact = intake.receive(emailContact(uniqueEmail("target"), null, "?", "?"), "intake").contact();
    ProcessInstance pi = contactProcess(contact);
    Deadline atReceipt = deadline(contact.id(), DeadlineService.REPLY);

    complete(task(pi), withVariables(CaseVariables.TOPIC_HINT, "INQUIRY"));

    assertThat(pi).hasPassed(Elements.SERVICE_APPLY_REPLY_TARGET).isWaitingAt(Elements.CALL_PROTOCOL);
    Deadline applied = deadline(contact.id(), DeadlineService.REPLY);
    assertThat(applied.id()).as("the same clock, from receipt").isEqualTo(atReceipt.id());
    assertThat(applied.startedAt()).isEqualTo(atReceipt.startedAt());
    // the shipped table gives inquiries the general row: nothing changes, nothing is recorded twice
    assertThat(applied.target()).isEqualTo(atReceipt.target());
    assertThat(task(calledProcessInstance(pi)).getDueDate()).isEqualTo(java.util.Date.from(applied.dueAt()));
  }

  @Test
  void shouldCallBackAMissedCallWithoutTriage() {
    Contact contact = intake.receive(new MissedCall("call-" + System.nanoTime(), "+48 600 200 300", null), "intake")
        .contact();
    ProcessInstance pi = contactProcess(contact);

    assertThat(pi).hasNotPassed(Elements.USER_CLASSIFY_CONTACT).isWaitingAt(Elements.CALL_PROTOCOL);
    ProcessInstance protocol = calledProcessInstance(pi);
    assertThat(protocol).hasProcessDefinitionKey(MissedCallProcess.KEY)
        .isWaitingAt(MissedCallProcess.Elements.USER_CALL_BACK);
    assertThat(task(protocol)).hasCandidateGroupAssociated("team-inquiries").isAssignedTo("boris");
  }

  @Test
  void shouldHandAVeryUnhappyVipToASeniorAgent() {
    String email = uniqueEmail("vip");
    Contact first = intake.receive(emailContact(email, "INQUIRY", "Hello", "Hello"), "intake").contact();
    assertThat(new Http(baseUrl()).putJson("maria", "/api/customers/" + first.customerId() + "/vip",
        "{\"vip\": true, \"reason\": \"top customer\"}").status()).isEqualTo(200);

    Contact contact = intake.receive(emailContact(email, null, "Again", "Why is nobody answering?"), "intake")
        .contact();
    ProcessInstance pi = contactProcess(contact);
    assertThat(pi).isWaitingAt(Elements.USER_CLASSIFY_CONTACT);
    complete(task(pi), withVariables(CaseVariables.TOPIC_HINT, "INQUIRY", CommunicationStyle.DISSATISFACTION, "HIGH"));

    assertThat(pi).hasPassed(Elements.SERVICE_HAND_TO_SENIOR).isWaitingAt(Elements.CALL_PROTOCOL);
    Task answer = task(calledProcessInstance(pi));
    assertThat(answer).hasCandidateGroup("team-leads");
    assertThat(answer.getPriority()).isEqualTo(85);
    assertThat(contacts.find(contact.id()).orElseThrow().dissatisfaction()).isEqualTo("HIGH");
    assertThat((String) processEngine.getRuntimeService().getVariable(pi.getId(), CommunicationStyle.TONE_GUIDANCE))
        .contains("senior agent takes over");
  }

  @Test
  void shouldResolveTheContactWhenTheProtocolEnds() {
    Contact contact = intake.receive(emailContact(uniqueEmail("resolve"), "INQUIRY", "Warranty", "How long?"),
        "intake").contact();
    ProcessInstance pi = contactProcess(contact);
    assertThat(calledProcessInstance(pi)).hasProcessDefinitionKey(InquiryProcess.KEY);

    complete(task(calledProcessInstance(pi)), withVariables(ReplyStep.REPLY_TEXT, "Two years.", ReplyStep.REPLY_KIND, "ANSWER",
        PlanFollowUpListener.TYPE, "NONE"));
    execute(job(calledProcessInstance(pi)));

    assertThat(pi).hasPassed(Elements.CALL_PROTOCOL, Elements.SERVICE_RESOLVE_CONTACT, Elements.END_CONTACT_RESOLVED)
        .isEnded();
    Contact resolved = contacts.find(contact.id()).orElseThrow();
    assertThat(resolved.status()).isEqualTo(ContactStatus.RESOLVED);
    assertThat(resolved.resolvedAt()).isNotNull();
  }

  @Test
  void shouldFindTheSameCustomerWhicheverChannelTheyUse() {
    String email = uniqueEmail("same");
    String phone = "+48 601 " + (100 + (int) (Math.random() * 800)) + " " + (100 + (int) (Math.random() * 800));
    Contact byEmail = intake.receive(new NewContact("EMAIL", null, null,
        new CustomerDetails(email.toUpperCase(), phone, "Ewa", "pl"), "s", "b", "INQUIRY", null, null), "intake")
        .contact();
    Contact byCall = intake.receive(new MissedCall("call-" + System.nanoTime(), phone.replace(" ", "-"), null),
        "intake").contact();
    Contact byEmailAgain = intake.receive(emailContact(email, "INQUIRY", "again", "again"), "intake").contact();

    assertThat(byCall.customerId()).isEqualTo(byEmail.customerId());
    assertThat(byEmailAgain.customerId()).isEqualTo(byEmail.customerId());
    assertThat(byEmail.customerEmail()).isEqualTo(email.toLowerCase());
    assertThat(byCall.customerPhone()).startsWith("+48601").hasSize(12);
  }

  private ProcessInstance contactProcess(Contact contact) {
    return processInstanceQuery().processDefinitionKey(ContactProcess.KEY).processInstanceBusinessKey(contact.id())
        .singleResult();
  }
}
