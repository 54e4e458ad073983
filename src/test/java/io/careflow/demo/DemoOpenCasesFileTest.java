package io.careflow.demo;

import io.careflow.protocol.inquiry.InquiryProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careflow.casefile.Channel;
import io.careflow.model.DecisionRows;
import io.careflow.model.TopicCatalog;
import io.careflow.demo.DemoOpenCases.OpenCase;
import io.careflow.demo.DemoOpenCases.OpenCases;
import io.careflow.demo.DemoOpenCases.Person;
import io.careflow.demo.DemoOpenCases.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;

/**
 * The demo's open cases are data a designer edits ({@code demo/open-cases.json}): every case
 * names a topic of the classification table, a channel careflow knows and tasks its models
 * have; a file whose threads share a customer or whose step names an unknown value set is
 * refused when it is read.
 */
class DemoOpenCasesFileTest {

  @Test
  void shouldNameOnlyTopicsChannelsAndTasksTheModelsHave() throws IOException {
    OpenCases file = DemoOpenCases.read();
    List<String> topics;
    try (InputStream table = Files.newInputStream(Path.of("processes/contact-classification.dmn"))) {
      topics = TopicCatalog.topicsOf(DecisionRows.of(Dmn.readModelFromStream(table), TopicCatalog.DECISION)
          .orElseThrow()).stream().map(TopicCatalog.Topic::name).toList();
    }
    Set<String> userTasks = new HashSet<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)
            .forEach(task -> userTasks.add(task.getId()));
      }
    }
    List<String> channels = Arrays.stream(Channel.values()).map(Enum::name).toList();

    assertThat(file.cases()).hasSizeBetween(20, 40);
    assertThat(file.cases()).extracting(OpenCase::topic).isSubsetOf(topics);
    assertThat(file.cases()).extracting(OpenCase::channel).isSubsetOf(channels);
    assertThat(file.cases().stream().flatMap(c -> c.steps().stream()).map(Step::task)).isNotEmpty()
        .allSatisfy(task -> assertThat(userTasks).contains(task));
    assertThat(file.people()).extracting(Person::language).contains("pl", "en", "ru");
  }

  @Test
  void shouldRefuseAFileWhoseTwoThreadsShareACustomer() {
    var person = new Person("Ann", "ann@example.com", null, "en");
    var waiting = new OpenCase("new", "EMAIL", 0, null, 0, "X", "s", "b", null, null);
    var worked = new OpenCase("worked", "EMAIL", 0, null, 0, "X", "s", "b", null,
        List.of(new Step(InquiryProcess.Elements.USER_ANSWER_CUSTOMER, null, Map.of())));

    assertThatThrownBy(() -> new OpenCases(Map.of(), List.of(person), List.of(waiting, worked)).checked())
        .hasMessageContaining("one thread only");
  }

  @Test
  void shouldRefuseAStepWithAnUnknownValueSet() {
    var person = new Person("Ann", "ann@example.com", null, "en");
    var worked = new OpenCase("worked", "EMAIL", 0, null, 0, "X", "s", "b", null,
        List.of(new Step(InquiryProcess.Elements.USER_ANSWER_CUSTOMER, "checklist", Map.of())));

    assertThatThrownBy(() -> new OpenCases(Map.of(), List.of(person), List.of(worked)).checked())
        .hasMessageContaining("no value set 'checklist'");
  }
}
