package io.careflow.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.CaseVariables;
import io.careflow.contact.CommunicationStyle;
import io.careflow.casefile.Contact;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.inquiry.RecordFirstContactResolutionListener;
import io.careflow.routing.Routing;
import io.careflow.support.Conversation;
import io.careflow.support.Http;
import io.careflow.support.ProtocolTestSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The forms hold on the server: an agent who completes "Answer the customer" (form
 * {@code answer-customer}) through {@code /engine-rest} — as Tasklist does with submit-form,
 * or as any client with complete — gets 400 naming every field that is wrong, the task stays
 * open and nothing of the completion is kept; valid values complete it.
 */
class FormEnforcementTest extends ProtocolTestSupport {

  static final String AGENT = "boris";
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> COMPLAINTS = List.of("agents", "team-complaints");

  @Test
  void shouldRefuseACompletionWithoutARequiredFieldAndKeepTheTaskOpen() {
    Contact contact = inquiry("missing");
    Task task = task(protocol(contact, InquiryProcess.KEY));

    // the form comes with the reply pre-filled from a canned reply: the agent emptied it
    Http.Response refused = http.postJson(AGENT, complete(task), variables(Map.of(ReplyStep.REPLY_TEXT, "",
        ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE", CaseVariables.FORM_NEW_NOTE, "Has two cats")));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).isEqualTo("Cannot complete task " + task.getId()
        + ": Your reply to the customer: is required");
    assertOpenAndNothingKept(contact, task);
  }

  /** A refusal is the agent's mistake, not careflow's: one INFO line naming the fields, no ERROR, no stack trace. */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void shouldLogARefusalAsOneLineWithoutAStackTrace(CapturedOutput output) {
    Contact contact = inquiry("logged");
    Task task = task(protocol(contact, InquiryProcess.KEY));
    int before = output.getOut().length();

    Http.Response refused = http.postJson(AGENT, submitForm(task), variables(Map.of(ReplyStep.REPLY_TEXT, " ",
        ReplyStep.REPLY_KIND, "SHOUT", PlanFollowUpListener.TYPE, "NONE")));

    assertThat(refused.status()).isEqualTo(400);
    String logged = output.getOut().substring(before) + output.getErr();
    assertThat(logged.lines().filter(line -> line.contains("Refused the input of " + AGENT)).toList()).singleElement()
        .satisfies(line -> assertThat(line).contains(" INFO ").contains("Your reply to the customer: is required; "
            + "This message is: must be one of the offered values: ANSWER, QUESTION"));
    assertThat(logged).doesNotContain("ENGINE-16004").doesNotContain(" ERROR ").doesNotContain("\tat org.camunda");
  }

  @Test
  void shouldRefuseAValueTheFormDoesNotOfferThroughSubmitForm() {
    Contact contact = inquiry("offered");
    Task task = task(protocol(contact, InquiryProcess.KEY));

    Http.Response refused = http.postJson(AGENT, submitForm(task), variables(Map.of(
        ReplyStep.REPLY_TEXT, "Two working days.", ReplyStep.REPLY_KIND, "ANSWER",
        PlanFollowUpListener.TYPE, "SOMETIMES")));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("Next communication: "
        + "must be one of the offered values: NONE, REPAIR_STATUS, OFFER, SATISFACTION_CHECK, CALL, CUSTOM");
    assertOpenAndNothingKept(contact, task);
  }

  @Test
  void shouldNameEveryBadFieldInOneRefusal() {
    Contact contact = inquiry("several");
    Task task = task(protocol(contact, InquiryProcess.KEY));

    Http.Response refused = http.postJson(AGENT, submitForm(task), variables(Map.of(
        ReplyStep.REPLY_TEXT, "  ", ReplyStep.REPLY_KIND, "SHOUT", PlanFollowUpListener.TYPE, "NONE",
        CommunicationStyle.DISSATISFACTION, "FURIOUS", PlanFollowUpListener.NOTE, "x".repeat(2001))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).isEqualTo("Cannot submit task form " + task.getId() + ": "
        + "Your reply to the customer: is required; "
        + "This message is: must be one of the offered values: ANSWER, QUESTION; "
        + "What to tell or offer: must be at most 2000 characters; "
        + "How unhappy is the customer?: must be one of the offered values: LOW, MEDIUM, HIGH");
    assertOpenAndNothingKept(contact, task);
  }

  /**
   * A refund without its amount is a rule across two fields, kept in Java; an empty proposal is
   * the form's own rule. One submit names both, by label, in the form's words.
   */
  @Test
  void shouldNameTheFormsAndTheJavaRefusalsInOneMessage() {
    Contact contact = intake.receive(emailContact(uniqueEmail("both-kinds"), "COMPLAINT", "Late and damaged",
        "The parcel came a week late and damaged."), "intake").contact();
    ProcessInstance pi = protocol(contact, ComplaintProcess.KEY);
    run(pi, ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);
    complete(pi, "anna", COMPLAINTS, Conversation.done(Map.of(ComplaintProcess.FINDINGS, "Left in the rain.",
        ComplaintProcess.JUSTIFIED, "YES")));
    Task task = task(pi);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(ComplaintProcess.Elements.USER_PROPOSE_RESOLUTION);

    Http.Response refused = http.postJson("anna", submitForm(task), variables(Map.of(
        ComplaintProcess.RESOLUTION_TYPE, "REFUND", ComplaintProcess.PROPOSAL, " ")));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).isEqualTo("Cannot submit task form " + task.getId() + ": "
        + "Proposal to the customer: is required; Compensation (PLN): a refund or voucher needs its amount");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), ComplaintProcess.COMPENSATION_AMOUNT))
        .as("nothing the Java rule's listener did is kept").isNull();

    // the form's rule met, the Java rule alone refuses as before
    Http.Response javaOnly = http.postJson("anna", submitForm(task), variables(Map.of(
        ComplaintProcess.RESOLUTION_TYPE, "REFUND", ComplaintProcess.PROPOSAL, "A full refund.")));
    assertThat(javaOnly.status()).isEqualTo(400);
    assertThat(javaOnly.json().path("message").asText()).endsWith("Compensation (PLN): a refund or voucher needs its amount");
  }

  @Test
  void shouldCompleteWithValidValuesThroughComplete() {
    Contact contact = inquiry("valid");
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    Task task = task(pi);

    Http.Response done = http.postJson(AGENT, complete(task), variables(Map.of(
        ReplyStep.REPLY_TEXT, "Two working days.", ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE",
        CommunicationStyle.DISSATISFACTION, "LOW")));

    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(messages.ofContact(contact.id())).singleElement()
        .satisfies(m -> assertThat(m.body()).contains("Two working days."));
  }

  @Test
  void shouldCompleteWithValidValuesThroughSubmitForm() {
    Contact contact = inquiry("valid-form");
    Task task = task(protocol(contact, InquiryProcess.KEY));

    // as Tasklist submits the form: every field, the readonly ones with the values it showed
    var submitted = new LinkedHashMap<String, Object>();
    submitted.put(Routing.FORM_ROUTING_REASON, processEngine.getTaskService().getVariable(task.getId(), Routing.FORM_ROUTING_REASON));
    submitted.put(ReplyStep.REPLY_TEXT, "In stock.");
    submitted.put(ReplyStep.REPLY_KIND, "ANSWER");
    submitted.put(RecordFirstContactResolutionListener.RESOLVED_IN_FIRST_CONTACT, true);
    submitted.put(PlanFollowUpListener.TYPE, "NONE");
    Http.Response done = http.postJson(AGENT, submitForm(task), variables(submitted));

    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  /**
   * A model with a task whose form takes its options from a Json variable (valuesKey), bound
   * to the form of its own deployment: the options a process holds are what an agent may choose.
   */
  @Test
  void shouldCheckOptionsThatAProcessHoldsInAJsonVariable() {
    // the starter registers Spin when its jar is there (within its composite of plugins)
    assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getProcessEnginePlugins()).flatMap(p -> p instanceof CompositeProcessEnginePlugin all ? all.getPlugins()
            : List.of(p)).anyMatch(SpinProcessEnginePlugin.class::isInstance);
    var repository = processEngine.getRepositoryService();
    String deployment = repository.createDeployment().name("form-enforcement-test")
        .addModelInstance("choose-product.bpmn", Bpmn.createExecutableProcess("choose-product-test")
            .camundaHistoryTimeToLive(1).startEvent()
            .userTask("user_choose_product").camundaFormRef("choose-product-test").camundaFormRefBinding("deployment")
            .endEvent().done())
        .addString("choose-product.form", """
            {"id": "choose-product-test", "components": [
              {"id": "product", "label": "Product", "type": "select", "key": "productSku", "valuesKey": "products",
               "validate": {"required": true}}]}""")
        .deploy().getId();
    try {
      String pi = processEngine.getRuntimeService().startProcessInstanceByKey("choose-product-test",
          Variables.putValue("products", SpinValues.jsonValue(
              "[{\"label\": \"Kettle\", \"value\": \"KET-200\"}, {\"label\": \"Toaster\", \"value\": \"TOA-1\"}]")))
          .getId();
      String taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();

      assertThatThrownBy(() -> processEngine.getTaskService().complete(taskId, Map.of(CaseVariables.PRODUCT_SKU, "SOFA-9")))
          .isInstanceOf(FormFieldValidationException.class)
          .hasMessage("Product: must be one of the offered values: KET-200, TOA-1");
      processEngine.getTaskService().complete(taskId, Map.of(CaseVariables.PRODUCT_SKU, "TOA-1"));

      assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  private void assertOpenAndNothingKept(Contact contact, Task task) {
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(messages.ofContact(contact.id())).isEmpty();
    assertThat(jdbc.sql("select count(*) from note where customer_id = ?").param(contact.customerId())
        .query(Long.class).single()).isZero();
    assertThat(processEngine.getRuntimeService().getVariable(task.getProcessInstanceId(), ReplyStep.REPLY_KIND))
        .isNull();
  }

  private Contact inquiry(String name) {
    Contact contact = intake.receive(emailContact(uniqueEmail(name), "INQUIRY", "Warranty",
        "How long is the warranty?"), "intake").contact();
    assertThat(task(protocol(contact, InquiryProcess.KEY)).getAssignee()).isEqualTo(AGENT);
    return contact;
  }

  private static String complete(Task task) {
    return "/engine-rest/task/" + task.getId() + "/complete";
  }

  private static String submitForm(Task task) {
    return "/engine-rest/task/" + task.getId() + "/submit-form";
  }

  /** The body of complete and submit-form: {@code {"variables": {"name": {"value": …}}}}. */
  private static String variables(Map<String, Object> values) {
    var variables = new LinkedHashMap<String, Object>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    try {
      return JSON.writeValueAsString(Map.of("variables", variables));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
