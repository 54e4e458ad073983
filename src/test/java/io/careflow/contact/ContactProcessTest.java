package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.careflow.contact.ContactProcess.Elements;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.support.CareflowIntegrationTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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

    assertThat(pi).hasPassed(Elements.START_CONTACT_RECEIVED, Elements.RULE_CLASSIFY_CONTACT,
        Elements.XOR_PROTOCOL_KNOWN).isWaitingAt(Elements.CALL_PROTOCOL);
    assertThat(pi).hasNotPassed(Elements.USER_CLASSIFY_CONTACT);
    ProcessInstance protocol = calledProcessInstance(pi);
    assertThat(protocol).hasProcessDefinitionKey(InquiryProcess.KEY)
        .hasBusinessKey(contact.id())
        .isWaitingAt(InquiryProcess.Elements.USER_ANSWER_CUSTOMER);
    assertThat(task(protocol)).hasCandidateGroup("team-complaints");

    Contact classified = contacts.find(contact.id()).orElseThrow();
    assertThat(classified.topic()).isEqualTo(Topic.COMPLAINT);
    assertThat(classified.protocol()).isEqualTo("inquiry");
  }

  @Test
  void shouldLetAnAgentClassifyAContactWithoutHint() {
    Contact contact = intake.receive(emailContact(uniqueEmail("triage"), null, "Question", "Hello?"), "intake")
        .contact();
    ProcessInstance pi = contactProcess(contact);

    assertThat(pi).isWaitingAt(Elements.USER_CLASSIFY_CONTACT);
    Task triage = task(pi);
    assertThat(triage).hasCandidateGroup("agents");
    // the table's suggestion is preselected in the form
    assertThat(processEngine.getTaskService().getVariable(triage.getId(), CaseVariables.TOPIC_HINT))
        .isEqualTo("INQUIRY");
    assertThat(processEngine.getTaskService().getVariable(triage.getId(), CaseVariables.FORM_CUSTOMER_MESSAGE))
        .asString().contains("Hello?");

    complete(triage, withVariables(CaseVariables.TOPIC_HINT, "RETURN"));

    assertThat(pi).hasPassed(Elements.USER_CLASSIFY_CONTACT).isWaitingAt(Elements.CALL_PROTOCOL);
    assertThat(task(calledProcessInstance(pi))).hasCandidateGroup("team-returns");
    assertThat(contacts.find(contact.id()).orElseThrow().topic()).isEqualTo(Topic.RETURN);
  }

  @Test
  void shouldAskAgainWhenTheTriageTopicIsUnknown() {
    Contact contact = intake.receive(emailContact(uniqueEmail("unknown"), null, "?", "?"), "intake").contact();
    ProcessInstance pi = contactProcess(contact);

    complete(task(pi), withVariables(CaseVariables.TOPIC_HINT, "WEATHER"));

    assertThat(pi).isWaitingAt(Elements.USER_CLASSIFY_CONTACT);
    assertThat(processInstanceQuery().superProcessInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void shouldCallBackAMissedCallWithoutTriage() {
    Contact contact = intake.receive(new MissedCall("call-" + System.nanoTime(), "+48 600 200 300", null), "intake")
        .contact();
    ProcessInstance pi = contactProcess(contact);

    assertThat(pi).hasNotPassed(Elements.USER_CLASSIFY_CONTACT).isWaitingAt(Elements.CALL_PROTOCOL);
    assertThat(task(calledProcessInstance(pi))).hasCandidateGroup("team-inquiries");
  }

  @Test
  void shouldResolveTheContactWhenTheProtocolEnds() {
    Contact contact = intake.receive(emailContact(uniqueEmail("resolve"), "INQUIRY", "Warranty", "How long?"),
        "intake").contact();
    ProcessInstance pi = contactProcess(contact);

    complete(task(calledProcessInstance(pi)), withVariables("replyText", "Two years."));
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
