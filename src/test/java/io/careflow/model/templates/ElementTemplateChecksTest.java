package io.careflow.model.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checks of the element templates refuse what a designer or developer gets wrong, each named
 * by template and property: the shipped templates changed in memory (a wrong bean, a missing
 * input, a forgotten step or notice), and models that use a template without what it asks to add
 * by hand. Nothing broken is committed to {@code element-templates/}.
 */
class ElementTemplateChecksTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static BuildingBlocks beans;
  static DesignerData data;

  @BeforeAll
  static void read() {
    beans = BuildingBlocks.scan("io.careflow");
    data = DesignerData.read(Path.of("."), beans);
  }

  @Test
  void shouldRefuseABeanCareflowDoesNotHave() throws IOException {
    var template = changed("record-outcome.json", json -> json.replace("${recordOutcomeDelegate}",
        "${recordOutcomDelegate}"));
    assertThat(new BlockBindingCheck(beans).problems(template)).anySatisfy(p -> assertThat(p)
        .startsWith("element-templates/record-outcome.json (io.careflow.record-outcome)")
        .contains("names bean recordOutcomDelegate, which careflow does not have"));
  }

  @Test
  void shouldRefuseATemplateWithoutAnInputItsBlockRequires() throws IOException {
    var template = without("record-outcome.json", "outcome");
    assertThat(new BlockBindingCheck(beans).problems(template)).anySatisfy(p -> assertThat(p)
        .contains("record-outcome.json").contains("recordOutcomeDelegate (Record the outcome) requires the input "
            + "'outcome'"));
  }

  @Test
  void shouldRefuseARequiredInputThatMayStayEmpty() throws IOException {
    var template = changed("record-case-event.json", json -> json.replaceFirst("\"notEmpty\" : true",
        "\"notEmpty\" : false"));
    assertThat(new BlockBindingCheck(beans).problems(template)).anySatisfy(p -> assertThat(p)
        .contains("requires 'event', but the template lets it stay empty"));
  }

  @Test
  void shouldRefuseAnInputTheBlockDoesNotRead() throws IOException {
    var template = changed("record-case-event.json", json -> json.replace("\"name\" : \"detail\"",
        "\"name\" : \"eventDetail\""));
    assertThat(new BlockBindingCheck(beans).problems(template)).anySatisfy(p -> assertThat(p)
        .contains("sets input 'eventDetail', which recordCaseEventDelegate does not read; it reads [detail, event]"));
  }

  @Test
  void shouldRefuseABeanThatIsNoBuildingBlockOrOfTheWrongKind() throws IOException {
    var notABlock = changed("send-reply.json", json -> json.replace("${sendReplyDelegate}",
        "${resolveContactDelegate}"));
    assertThat(new BlockBindingCheck(beans).problems(notABlock)).anySatisfy(p -> assertThat(p)
        .contains("resolveContactDelegate is no building block"));
    var listenerAsDelegate = changed("send-reply.json", json -> json.replace("${sendReplyDelegate}",
        "${recordReplyListener}"));
    assertThat(new BlockBindingCheck(beans).problems(listenerAsDelegate)).anySatisfy(p -> assertThat(p)
        .contains("names recordReplyListener, which is no JavaDelegate"));
    var unknownListener = changed("agent-reply.json", json -> json.replace("${recordReplyListener}",
        "${recordAnswerListener}"));
    assertThat(new BlockBindingCheck(beans).problems(unknownListener)).anySatisfy(p -> assertThat(p)
        .contains("its task listener names bean recordAnswerListener, which careflow does not have"));
  }

  @Test
  void shouldFindABuildingBlockNoTemplateOffers() {
    var templates = ElementTemplate.all(ElementTemplate.FOLDER).stream()
        .filter(t -> !t.file().endsWith("record-outcome.json")).toList();
    assertThat(new BlockBindingCheck(beans).unoffered(templates)).containsExactly(
        "recordOutcomeDelegate (Record the outcome) is a building block that no template of element-templates/ "
            + "offers: add one");
  }

  @Test
  void shouldRefuseWhatCamundaModelerWouldDrop() throws IOException {
    var noChoices = changed("stop-clock.json", json -> json.replace("\"choices\"", "\"options\""));
    assertThat(TemplateSchema.pinned().problems(noChoices)).anySatisfy(p -> assertThat(p)
        .startsWith("element-templates/stop-clock.json (io.careflow.stop-clock)").contains("choices"));
    // an extension property cannot be a text area
    var textProperty = changed("guarded-step.json", json -> json.replaceFirst("\"type\" : \"Dropdown\"",
        "\"type\" : \"Text\""));
    assertThat(TemplateSchema.pinned().problems(textProperty)).anySatisfy(p -> assertThat(p)
        .contains("at /properties/0/type does not have a value in the enumeration"));
  }

  @Test
  void shouldTellWhichTemplateToUpdateForANewStep() throws IOException {
    var steps = new TreeSet<>(data.steps());
    steps.add("order-cancellation");
    var withNewStep = new DesignerData(steps, data.topics(), data.teams(), data.languages(), data.mailTemplates(),
        data.sentByCode(), data.forms(), data.pages(), data.linkPurposes());
    assertThat(new ChoicesCheck(withNewStep).problems(template("stop-clock.json"))).containsExactly(
        "element-templates/stop-clock.json (io.careflow.stop-clock): 'Which clock' does not offer "
            + "[order-cancellation] of the steps of processes/sla-policy.dmn: add a choice for each");
    assertThat(new ChoicesCheck(withNewStep).problems(template("guarded-step.json"))).singleElement()
        .asString().contains("'Deadline (guarded step)' does not offer [order-cancellation]");
  }

  @Test
  void shouldRefuseAStepTheTableDoesNotHave() throws IOException {
    var template = changed("stop-clock.json", json -> json.replace("\"value\" : \"shipment-delay\"",
        "\"value\" : \"shipment-late\""));
    assertThat(new ChoicesCheck(data).problems(template)).anySatisfy(p -> assertThat(p)
        .contains("offers [shipment-late], which are not among the steps of processes/sla-policy.dmn"))
        .anySatisfy(p -> assertThat(p).contains("does not offer [shipment-delay]"));
  }

  @Test
  void shouldTellWhichTemplateToUpdateForANewNotice() throws IOException {
    Map<String, Set<String>> mail = new HashMap<>(data.mailTemplates());
    mail.put("order-cancelled", Set.copyOf(data.languages()));
    mail.put("order-half-written", Set.of("en"));
    var withNotices = new DesignerData(data.steps(), data.topics(), data.teams(), data.languages(), mail,
        data.sentByCode(), data.forms(), data.pages(), data.linkPurposes());
    assertThat(new ChoicesCheck(withNotices).problems(template("send-notice.json"))).containsExactly(
        "element-templates/send-notice.json (io.careflow.send-notice): templates/mail/ has [order-cancelled] in "
            + "every language of [pl, en, ru], but 'Notice' does not offer them: add a choice for each");
  }

  @Test
  void shouldRefuseANoticeMissingInALanguageOrSentByAnotherBlock() throws IOException {
    var template = changed("send-notice.json", json -> json
        .replace("\"value\" : \"return-rejected\"", "\"value\" : \"deadline-breach\"")
        .replace("\"value\" : \"return-refunded\"", "\"value\" : \"follow-up-offer\""));
    List<String> problems = new ChoicesCheck(data).problems(template);
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("offers notice 'deadline-breach', but "
        + "templates/mail/deadline-breach_<language>.ftlh is missing for [pl, ru]"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("offers 'follow-up-offer', which another block "
        + "sends"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("does not offer them")
        .contains("return-refunded").contains("return-rejected"));
  }

  @Test
  void shouldRefuseATopicOrTeamTheTablesDoNotHave() throws IOException {
    var template = changed("start-protocol.json", json -> json.replace("\"value\" : \"RETURN\"",
        "\"value\" : \"RETURNS\""));
    assertThat(new ChoicesCheck(data).problems(template)).anySatisfy(p -> assertThat(p)
        .contains("offers [RETURNS], which are not among the topics of processes/contact-classification.dmn"));
    var team = changed("guarded-step.json", json -> json.replace("\"value\" : \"team-returns\"",
        "\"value\" : \"team-refunds\""));
    assertThat(new ChoicesCheck(data).problems(team)).anySatisfy(p -> assertThat(p)
        .contains("'Offered to' offers [team-refunds]"));
  }

  @Test
  void shouldFindATemplatedTaskWithoutItsListenerOrRetryCycle() throws IOException {
    var check = new TemplatedElementsCheck(ElementTemplate.all(ElementTemplate.FOLDER));
    assertThat(check.problems("processes/x.bpmn", model(false))).containsExactlyInAnyOrder(
        "processes/x.bpmn (user_answer) uses io.careflow.agent-reply: add the task listener ${recordReplyListener} "
            + "on complete (Task listeners; a Camunda 7 template cannot set it)",
        "processes/x.bpmn (service_tell) uses io.careflow.send-notice: set the retry time cycle R5/PT1M (Job "
            + "execution; a Camunda 7 template cannot set it)",
        "processes/x.bpmn (service_gone) uses template io.careflow.send-letter, which element-templates/ does not "
            + "have (renamed or removed?): apply a template that exists, or unlink it in Camunda Modeler");
    assertThat(check.problems("processes/x.bpmn", model(true))).singleElement().asString()
        .contains("io.careflow.send-letter");
  }

  private static BpmnModelInstance model(boolean completed) {
    String listener = completed ? "<camunda:taskListener delegateExpression=\"${recordReplyListener}\" "
        + "event=\"complete\" />" : "";
    String retry = completed ? "<camunda:failedJobRetryTimeCycle>R5/PT1M</camunda:failedJobRetryTimeCycle>" : "";
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://careflow.io/processes">
          <bpmn:process id="x" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:userTask id="user_answer" camunda:modelerTemplate="io.careflow.agent-reply"
                camunda:modelerTemplateVersion="1">
              <bpmn:extensionElements>%s</bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:serviceTask id="service_tell" camunda:modelerTemplate="io.careflow.send-notice"
                camunda:asyncBefore="true" camunda:delegateExpression="${sendCustomerNoticeDelegate}">
              <bpmn:extensionElements>%s</bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:serviceTask id="service_gone" camunda:modelerTemplate="io.careflow.send-letter"
                camunda:delegateExpression="${sendCustomerNoticeDelegate}" />
            <bpmn:serviceTask id="service_own" camunda:modelerTemplate="com.example.other"
                camunda:delegateExpression="${sendCustomerNoticeDelegate}" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(listener, retry);
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static ElementTemplate template(String file) throws IOException {
    return changed(file, UnaryOperator.identity());
  }

  /** A shipped template, pretty-printed the same way every time, changed as text. */
  private static ElementTemplate changed(String file, UnaryOperator<String> change) throws IOException {
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
        JSON.readTree(Files.readString(ElementTemplate.FOLDER.resolve(file))));
    return ElementTemplate.parse("element-templates/" + file, change.apply(text));
  }

  /** A shipped template without the property bound to {@code name}. */
  private static ElementTemplate without(String file, String name) throws IOException {
    ObjectNode json = (ObjectNode) JSON.readTree(Files.readString(ElementTemplate.FOLDER.resolve(file)));
    ArrayNode properties = (ArrayNode) json.get("properties");
    for (int i = properties.size() - 1; i >= 0; i--) {
      if (name.equals(properties.get(i).path("binding").path("name").asText())) {
        properties.remove(i);
      }
    }
    return ElementTemplate.parse("element-templates/" + file, JSON.writeValueAsString(json));
  }
}
