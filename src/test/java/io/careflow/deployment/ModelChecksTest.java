package io.careflow.deployment;

import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.returns.ReturnProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.cache.FileTemplateLoader;
import freemarker.template.Configuration;
import io.careflow.communication.MessageTemplates;
import io.careflow.model.templates.BuildingBlocks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What careflow refuses at deploy, read the way a designer meets it: the shipped files pass,
 * and each way of getting them wrong is named by file and element. The files are the real
 * ones of {@code processes/}, {@code forms/} and {@code templates/}, changed in memory.
 */
class ModelChecksTest {

  static ModelChecks checks;

  @BeforeAll
  static void templates() throws IOException {
    var freemarker = new Configuration(Configuration.VERSION_2_3_32);
    freemarker.setTemplateLoader(new FileTemplateLoader(Path.of("templates").toFile()));
    checks = new ModelChecks(new MessageTemplates(freemarker, "pl"), List.of("pl", "en", "ru"),
        BuildingBlocks.scan("io.careflow")::bean);
  }

  @Test
  void shouldAcceptTheShippedModels() throws IOException {
    assertThat(problems(Map.of())).isEmpty();
  }

  @Test
  void shouldRefuseATopicWhoseProtocolNoProcessHas() throws IOException {
    var problems = problems(Map.of("processes/contact-classification.dmn",
        dmn -> dmn.replace("<outputEntry id=\"rule_hint_defect_protocol\"><text>\"defect-replacement\"</text>",
                "<outputEntry id=\"rule_hint_defect_protocol\"><text>\"defect-repair\"</text>")));
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.resource()).isEqualTo("processes/contact-classification.dmn");
      assertThat(p.element()).isEqualTo("rule_hint_defect");
      assertThat(p.message()).contains("protocol 'defect-repair'").contains("no process has that key");
    });
  }

  @Test
  void shouldRefuseATopicWithoutProtocolAndATopicWithTwo() throws IOException {
    var problems = problems(Map.of("processes/contact-classification.dmn", dmn -> dmn
        .replace("<outputEntry id=\"rule_hint_return_protocol\"><text>\"return\"</text>",
            "<outputEntry id=\"rule_hint_return_protocol\"><text></text>")
        .replace("<outputEntry id=\"rule_words_inquiry_protocol\"><text>\"inquiry\"</text>",
            "<outputEntry id=\"rule_words_inquiry_protocol\"><text>\"complaint\"</text>")));
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.element()).isEqualTo("rule_hint_return");
      assertThat(p.message()).contains("topic RETURN without a protocol");
    });
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.element()).isEqualTo("rule_words_inquiry");
      assertThat(p.message()).contains("one topic, one protocol");
    });
  }

  @Test
  void shouldRefuseATopicThatIsNoCodeInQuotes() throws IOException {
    var problems = problems(Map.of("processes/contact-classification.dmn", dmn -> dmn
        .replace("<outputEntry id=\"rule_hint_return_topic\"><text>\"RETURN\"</text>",
            "<outputEntry id=\"rule_hint_return_topic\"><text>topicHint</text>")));
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.element()).isEqualTo("rule_hint_return");
      assertThat(p.message()).contains("code in quotes");
    });
  }

  @Test
  void shouldRefuseAFormOrTemplateThatDoesNotExist() throws IOException {
    var problems = problems(Map.of("processes/return.bpmn", bpmn -> bpmn
        .replace("camunda:formRef=\"inspect-returned-item\"", "camunda:formRef=\"inspect-item\"")
        .replace(">return-refunded<", ">return-refund<")));
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.resource()).isEqualTo("processes/return.bpmn");
      assertThat(p.element()).isEqualTo(ReturnProcess.Elements.USER_INSPECT_ITEM);
      assertThat(p.message()).contains("form 'inspect-item'");
    });
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.element()).isEqualTo(ReturnProcess.Elements.SERVICE_TELL_REFUND);
      assertThat(p.message()).contains("templates/mail/return-refund_<language>.ftlh").contains("pl, en, ru");
    });
  }

  @Test
  void shouldRefuseAFormWhoseRulesTheServerCannotEnforce() throws IOException {
    var problems = problems(Map.of("forms/inspect-returned-item.form", form -> form
        .replaceFirst("\"type\": \"select\"", "\"type\": \"dynamiclist\"")));
    assertThat(problems).anySatisfy(p -> assertThat(p.resource()).isEqualTo("forms/inspect-returned-item.form"));
  }

  @Test
  void shouldRefuseAGuardedStepThePolicyHasNoRowFor() throws IOException {
    var problems = problems(Map.of("processes/inquiry.bpmn", bpmn -> bpmn
        .replace("<camunda:property name=\"deadline\" value=\"reply\" />",
            "<camunda:property name=\"deadline\" value=\"answer\" />")));
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.element()).isEqualTo(InquiryProcess.Elements.USER_ANSWER_CUSTOMER);
      assertThat(p.message()).contains("guards step 'answer'").contains("sla-policy.dmn has no row");
    });
  }

  @Test
  void shouldRefuseToStartATopicTheTableDoesNotKnow() throws IOException {
    // a designer adds "Start another protocol" to the call-back, naming a topic by hand
    var problems = problems(Map.of("processes/missed-call.bpmn", bpmn -> bpmn
        .replace("<bpmn:endEvent id=\"end_topic_protocol_done\"", """
            <bpmn:serviceTask id="service_start_topic_protocol" name="Open a case on another topic"
                camunda:delegateExpression="${startProtocolDelegate}">
              <bpmn:extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="topic">WEATHER</camunda:inputParameter>
              </camunda:inputOutput></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:endEvent id="end_topic_protocol_done\"""")));
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.element()).isEqualTo("service_start_topic_protocol");
      assertThat(p.message()).contains("starts topic WEATHER");
    });
  }

  @Test
  void shouldRefuseABlockWithoutTheInputItRequiresOrWithOneItDoesNotRead() throws IOException {
    var problems = problems(Map.of("processes/return.bpmn", bpmn -> bpmn
        .replace("<camunda:inputParameter name=\"outcome\">RETURN_${returnDecision}</camunda:inputParameter>", "")
        .replace("<camunda:inputParameter name=\"notice\">return-refunded</camunda:inputParameter>",
            "<camunda:inputParameter name=\"notcie\">return-refunded</camunda:inputParameter>")));
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.element()).isEqualTo(ReturnProcess.Elements.SERVICE_RECORD_RETURN_OUTCOME);
      assertThat(p.message()).isEqualTo("Record the outcome needs the input outcome");
    });
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.element()).isEqualTo(ReturnProcess.Elements.SERVICE_TELL_REFUND);
      assertThat(p.message()).contains("does not read the input notcie");
    });
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.element()).isEqualTo(ReturnProcess.Elements.SERVICE_TELL_REFUND);
      assertThat(p.message()).contains("needs the input notice");
    });
  }

  @Test
  void shouldRefuseADelegateExpressionNamingNoBean() throws IOException {
    var problems = problems(Map.of("processes/inquiry.bpmn", bpmn -> bpmn
        .replace("${sendReplyDelegate}", "${sendReplyDelegat}")
        .replace("delegateExpression=\"${planFollowUpListener}\"", "delegateExpression=\"${planFollowupListener}\"")));
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.element()).isEqualTo(InquiryProcess.Elements.SERVICE_SEND_REPLY);
      assertThat(p.message()).contains("${sendReplyDelegat}").contains("no such building block or bean");
    });
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.element()).isEqualTo(InquiryProcess.Elements.USER_ANSWER_CUSTOMER);
      assertThat(p.message()).contains("${planFollowupListener}");
    });
  }

  @Test
  void shouldThrowTheEnginesParseExceptionNamingEveryProblem() throws IOException {
    var problems = problems(Map.of("processes/return.bpmn", bpmn -> bpmn
        .replace("camunda:formRef=\"inspect-returned-item\"", "camunda:formRef=\"inspect-item\"")));
    assertThatThrownBy(() -> ModelChecks.refuse(problems)).isInstanceOf(ParseException.class)
        .hasMessageContaining("processes/return.bpmn (" + ReturnProcess.Elements.USER_INSPECT_ITEM + ")")
        .satisfies(e -> assertThat(((ParseException) e).getResorceReports().get(0).getErrors())
            .extracting(org.camunda.bpm.engine.Problem::getMainElementId).contains(ReturnProcess.Elements.USER_INSPECT_ITEM));
  }

  /** The problems of the shipped files with some of them changed, as one deployment of everything. */
  private static List<ModelChecks.ModelProblem> problems(Map<String, UnaryOperator<String>> changes)
      throws IOException {
    var resources = new LinkedHashMap<String, ResourceEntity>();
    Set<String> formIds = new HashSet<>();
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String name = folder + "/" + file.getFileName();
          String text = Files.readString(file, StandardCharsets.UTF_8);
          text = changes.getOrDefault(name, UnaryOperator.identity()).apply(text);
          var resource = new ResourceEntity();
          resource.setName(name);
          resource.setBytes(text.getBytes(StandardCharsets.UTF_8));
          resources.put(name, resource);
        }
      }
    }
    ModelSet set = new ModelSet().with(resources);
    formIds.addAll(ModelChecks.formIds(set));
    return checks.problems(set, true, formIds::contains);
  }
}
