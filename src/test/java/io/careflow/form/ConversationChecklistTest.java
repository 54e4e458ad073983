package io.careflow.form;

import static io.careflow.support.DemoPeople.ANNA;
import static io.careflow.support.DemoPeople.BORIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careflow.communication.ReplyStep;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.contact.MissedCall;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.defect.DefectReplacementProcess;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.missedcall.MissedCallProcess;
import io.careflow.support.Conversation;
import io.careflow.support.ProtocolTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conversation algorithm on every task in which the agent talks with the customer (SPEC R3):
 * one block, {@code forms/blocks/conversation-algorithm.json}, in the complaint's investigation and
 * reply, the inquiry's answer by phone or chat, the call-back that reached the customer and the
 * defect's talk — each step done, or skipped with a reason, enforced on the server.
 */
class ConversationChecklistTest extends ProtocolTestSupport {


  @org.springframework.beans.factory.annotation.Autowired
  ContactEvents events;

  @Test
  void shouldAskForTheAlgorithmInTheComplaintsInvestigationAndReply() {
    Contact contact = intake.receive(emailContact(uniqueEmail("complaint"), "COMPLAINT", "Late",
        "The parcel came a week late."), "intake").contact();
    ProcessInstance pi = protocol(contact, ComplaintProcess.KEY);
    Map<String, Object> findings = Map.of(ComplaintProcess.FINDINGS, "The courier lost a week.",
        ComplaintProcess.JUSTIFIED, "YES");
    // the deployed form carries the block's fields; the file names the block only
    assertThat(deployedForm(task(pi))).contains(Conversation.STEPS.toArray(String[]::new));
    assertThat(file("forms/investigate-complaint.form")).doesNotContain("dialogueListen")
        .contains("\"block\": \"conversation-algorithm\"");

    assertRefused(pi, "anna", ANNA, findings, Conversation.STEPS);
    complete(pi, "anna", ANNA, Conversation.done(findings));
    // each conversation is ticked afresh: the investigation's answers do not fill the reply's checklist
    assertThat(processEngine.getRuntimeService().getVariables(pi.getId()))
        .doesNotContainKeys(Conversation.STEPS.toArray(String[]::new));
    complete(pi, "anna", ANNA, Map.of(ComplaintProcess.RESOLUTION_TYPE, "DISCOUNT_VOUCHER",
        ComplaintProcess.COMPENSATION_AMOUNT, 20, ComplaintProcess.PROPOSAL, "A 20 PLN voucher."));

    Map<String, Object> reply = Map.of(ReplyStep.REPLY_TEXT, "Sorry for the week: here is a voucher.", PlanFollowUpListener.TYPE, "NONE");
    assertRefused(pi, "anna", ANNA, reply, Conversation.STEPS);
    var skipped = new HashMap<>(Conversation.done(reply));
    skipped.put(DefectReplacementProcess.DIALOGUE_EXPLAIN, "SKIPPED");
    assertRefused(pi, "anna", ANNA, skipped, List.of(Conversation.SKIPPED_REASON));
    skipped.put(Conversation.SKIPPED_REASON, "The findings said it all.");
    complete(pi, "anna", ANNA, skipped);
    assertThat(task(pi)).isNull();
    // what was ticked, task by task, on the case's timeline
    assertThat(events.of(contact.id())).filteredOn(e -> e.type().equals(ContactEvents.TASK_CHECKLIST))
        .extracting(ContactEvents.ContactEvent::detail).satisfiesExactly(
            investigation -> assertThat(investigation).startsWith("Conversation algorithm on \"Investigate complaint\": "
                + "Listened to the customer to the end: DONE; Showed sincere empathy: DONE"),
            answer -> assertThat(answer).startsWith("Conversation algorithm on \"Reply to the customer\": ")
                .contains("Explained what happened, where appropriate: SKIPPED")
                .endsWith("Why steps were skipped: The findings said it all."));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PHONE", "CHAT"})
  void shouldAskForTheAlgorithmWhenAnInquiryIsAnsweredByPhoneOrChat(String channel) {
    ProcessInstance pi = inquiry(channel);
    Map<String, Object> answer = new java.util.HashMap<>(Map.of(ReplyStep.REPLY_TEXT, "Two years.", ReplyStep.REPLY_KIND, "ANSWER",
        PlanFollowUpListener.TYPE, "NONE"));
    if (channel.equals("PHONE")) {
      // a PHONE contact is answered in a call (the phone-answer block)
      answer.put(ReplyStep.ANSWER_CALL_OUTCOME, "REACHED");
    }

    assertRefused(pi, "boris", BORIS, answer, Conversation.STEPS);
    complete(pi, "boris", BORIS, Conversation.done(answer));
    assertThat(task(pi)).isNull();
  }

  @Test
  void shouldNotAskForTheAlgorithmWhenAnInquiryIsAnsweredByEmail() {
    ProcessInstance pi = inquiry("EMAIL");
    complete(pi, "boris", BORIS, Map.of(ReplyStep.REPLY_TEXT, "Two years.", ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE"));
    assertThat(task(pi)).isNull();
  }

  @Test
  void shouldAskForTheAlgorithmWhenTheCallBackReachedTheCustomer() {
    ProcessInstance pi = missedCall();
    Map<String, Object> reached = Map.of(MissedCallProcess.CALL_OUTCOME, "REACHED",
        MissedCallProcess.CALL_NOTES, "Wanted the delivery date", PlanFollowUpListener.TYPE, "NONE");

    assertRefused(pi, "boris", BORIS, reached, Conversation.STEPS);
    complete(pi, "boris", BORIS, Conversation.done(reached));
    assertThat(task(pi)).isNull();

    // a call that did not reach the customer was no conversation
    ProcessInstance unanswered = missedCall();
    String attempt = task(unanswered).getId();
    complete(unanswered, "boris", BORIS, Map.of(MissedCallProcess.CALL_OUTCOME, "NOT_REACHED",
        MissedCallProcess.NEXT_ATTEMPT_AT, "2026-11-30T15:00", PlanFollowUpListener.TYPE, "NONE"));
    assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(attempt).finished().count())
        .isOne();
  }

  @Test
  void shouldFillTheBlockOfAFormDeployedFromModelerAndRefuseABlockCareflowLacks() {
    String form = """
        {"id": "designer-checklist-%s", "type": "default", "components": [
          {"id": "group_talk", "type": "group", "properties": {"block": "conversation-algorithm"}, "components": []}]}"""
        .formatted(UUID.randomUUID().toString().substring(0, 8));
    Deployment deployment = processEngine.getRepositoryService().createDeployment().name("designer")
        .addString("forms/designer-checklist.form", form).deploy();
    try (InputStream in = processEngine.getRepositoryService().getResourceAsStream(deployment.getId(),
        "forms/designer-checklist.form")) {
      CamundaForm deployed = CamundaForms.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(deployed.fields()).extracting(FormField::key).containsAll(Conversation.STEPS)
          .contains(Conversation.SKIPPED_REASON);
    } catch (IOException e) {
      throw new AssertionError(e);
    } finally {
      processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }

    long deployments = processEngine.getRepositoryService().createDeploymentQuery().count();
    assertThatThrownBy(() -> processEngine.getRepositoryService().createDeployment().name("designer")
        .addString("forms/designer-unknown.form", form.replace("conversation-algorithm", "small-talk")).deploy())
        .isInstanceOf(ParseException.class).hasMessageContaining("small-talk");
    assertThat(processEngine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  private ProcessInstance missedCall() {
    Contact contact = intake.receive(new MissedCall("call-" + UUID.randomUUID(), "+48 600 " + (100 + (int) (Math.random()
        * 800)) + " 222", null), "intake").contact();
    return protocol(contact, MissedCallProcess.KEY);
  }

  private ProcessInstance inquiry(String channel) {
    String phone = "+48 601 " + (100 + (int) (Math.random() * 800)) + " 333";
    Contact contact = intake.receive(new NewContact(channel, "<" + UUID.randomUUID() + "@channel.example>", null,
        new CustomerDetails(uniqueEmail("inquiry"), phone, "Jan Kowalski", "en"), "Warranty",
        "How long is the warranty?", "INQUIRY", null, null), "intake").contact();
    return protocol(contact, InquiryProcess.KEY);
  }

  private void assertRefused(ProcessInstance pi, String user, List<String> groups, Map<String, Object> values,
      List<String> fields) {
    String before = task(pi).getId();
    assertThatThrownBy(() -> complete(pi, user, groups, values))
        .isInstanceOfSatisfying(FormFieldValidationException.class, refusal -> assertThat(String.valueOf(
            (Object) refusal.getDetail())).contains(fields.get(0)).contains(fields.get(fields.size() - 1)));
    assertThat(task(pi).getId()).isEqualTo(before);
  }

  private String deployedForm(Task task) {
    try (InputStream in = processEngine.getFormService().getDeployedTaskForm(task.getId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String file(String path) {
    try (InputStream in = ConversationChecklistTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
