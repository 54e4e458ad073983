package io.careflow.communication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.support.Http;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A reply form made ready: the greeting and signature the message will have (the agent writes
 * only the body), the canned replies of the case's topic and language, the reply pre-filled with
 * the first; completed as Tasklist submits it, the customer gets the message with one greeting.
 */
class CannedReplyTest extends ProtocolTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldPrefillTheReplyFromTheTopicsCannedReplyAndSendItWithOneGreeting() throws Exception {
    String email = uniqueEmail("canned");
    Contact contact = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail.example>", null,
        new NewContact.CustomerDetails(email, null, "Jan Kowalski", "en"), "Where is my kettle?",
        "I ordered a kettle a week ago.", "INQUIRY", "ORD-4711", null), "intake").contact();
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    Task task = task(pi);
    var taskService = processEngine.getTaskService();
    Map<String, Object> local = taskService.getVariablesLocal(task.getId());

    assertThat(task.getAssignee()).isEqualTo("boris");
    assertThat(local.get(CannedReplyListener.GREETING)).isEqualTo("Dear Jan Kowalski,");
    assertThat(local.get(CannedReplyListener.SIGNATURE)).isEqualTo("Kind regards,\nBoris Ivanov\nExample Shop customer service");
    String prefilled = (String) taskService.getVariable(task.getId(), ReplyStep.REPLY_TEXT);
    assertThat(prefilled).isEqualTo("I have checked order ORD-4711: it is packed and leaves our warehouse tomorrow "
        + "at the latest. The tracking number comes by e-mail when the courier picks it up.");
    assertThat((String) local.get(CannedReplyListener.CANNED_REPLIES)).startsWith("— Order status —\n" + prefilled)
        .contains("— We need a little more time —\nThank you for your patience.")
        .doesNotContain("Refund").doesNotContain("${");

    // as Tasklist submits the form: the pre-filled body unchanged, the read-only lines as shown
    var submitted = new LinkedHashMap<String, Object>();
    submitted.put(ReplyStep.REPLY_TEXT, prefilled);
    submitted.put(CannedReplyListener.GREETING, local.get(CannedReplyListener.GREETING));
    submitted.put(ReplyStep.REPLY_KIND, "ANSWER");
    submitted.put(PlanFollowUpListener.TYPE, "NONE");
    var variables = new LinkedHashMap<String, Object>();
    submitted.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    Http.Response done = http.postJson("boris", "/engine-rest/task/" + task.getId() + "/submit-form",
        JSON.writeValueAsString(Map.of("variables", variables)));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    run(pi, InquiryProcess.Elements.SERVICE_SEND_REPLY);

    MimeMessage[] mails = TestMail.SMTP.getReceivedMessagesForDomain(email.substring(email.indexOf('@') + 1));
    assertThat(mails).hasSize(1);
    String body = GreenMailUtil.getBody(mails[0]);
    assertThat(body.split("Dear ", -1)).as("one greeting").hasSize(3); // once in the text, once in the HTML part
    assertThat(body).contains("Dear Jan Kowalski,").contains("ORD-4711").contains("Kind regards,");
    // the form's lines stay with the task: nothing of them in the process
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(CannedReplyListener.CANNED_REPLIES).list()).allSatisfy(v -> assertThat(v.getTaskId())
            .isEqualTo(task.getId()));
  }

  @Test
  void shouldOfferOnlyWhatThePolishCaseCanFill() {
    Contact contact = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail.example>", null,
        new NewContact.CustomerDetails(uniqueEmail("kasia"), null, "Katarzyna Zielińska", "pl"), "Pytanie",
        "Czy macie czajniki?", "INQUIRY", null, null), "intake").contact();
    Task task = task(protocol(contact, InquiryProcess.KEY));
    Map<String, Object> local = processEngine.getTaskService().getVariablesLocal(task.getId());

    assertThat(local.get(CannedReplyListener.GREETING)).isEqualTo("Dzień dobry Katarzyna Zielińska,");
    // no order number on this case: "Status zamówienia" is not offered
    assertThat((String) local.get(CannedReplyListener.CANNED_REPLIES)).startsWith("— Potrzebujemy więcej czasu —")
        .doesNotContain("Status zamówienia");
    assertThat((String) processEngine.getTaskService().getVariable(task.getId(), ReplyStep.REPLY_TEXT))
        .startsWith("Dziękujemy za cierpliwość.")
        .doesNotContain("Dzień dobry");
  }
}
