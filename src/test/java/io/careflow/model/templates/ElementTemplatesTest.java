package io.careflow.model.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The element templates of {@code element-templates/}, the building blocks as Camunda Modeler
 * offers them to a process designer, hold what they promise: Modeler accepts them (Camunda's
 * schema), careflow has what they name and reads what they set, their dropdowns offer exactly
 * what the designer's files and careflow's code have, every building block has one, and the
 * models that use them carry what a template cannot set. Each failure names the template (or
 * model) to change.
 */
class ElementTemplatesTest {

  static List<ElementTemplate> templates;
  static BuildingBlocks beans;

  @BeforeAll
  static void read() {
    templates = ElementTemplate.all(ElementTemplate.FOLDER);
    beans = BuildingBlocks.scan("io.careflow");
  }

  @Test
  void shouldBeTemplatesCamundaModelerAccepts() {
    TemplateSchema schema = TemplateSchema.pinned();
    assertThat(templates).isNotEmpty();
    assertThat(templates.stream().flatMap(t -> schema.problems(t).stream())).isEmpty();
  }

  @Test
  void shouldBeNamedByTheirFileUniqueAndDescribed() {
    var ids = new TreeSet<String>();
    var problems = new ArrayList<String>();
    for (ElementTemplate template : templates) {
      String expected = TemplatedElementsCheck.PREFIX
          + template.file().substring(template.file().lastIndexOf('/') + 1).replace(".json", "");
      if (!expected.equals(template.id())) {
        problems.add(template.where() + ": its id should be " + expected + ", after its file");
      }
      if (!ids.add(String.valueOf(template.id()))) {
        problems.add(template.where() + ": another template has this id");
      }
      if (template.json().path("description").asText("").isBlank()) {
        problems.add(template.where() + ": say what the block does in its description");
      }
      // the panel shows label and description; a designer should not need the README to fill a field
      for (JsonNode property : template.json().path("properties")) {
        if (property.path("label").asText("").isBlank() || property.path("description").asText("").isBlank()) {
          problems.add(template.where() + ": property " + property.path("binding") + " needs a label and a "
              + "description");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldNameBlocksCareflowHasAndSetWhatTheyRead() {
    var check = new BlockBindingCheck(beans);
    assertThat(templates.stream().flatMap(t -> check.problems(t).stream())).isEmpty();
  }

  @Test
  void shouldOfferEveryBuildingBlock() {
    assertThat(new BlockBindingCheck(beans).unoffered(templates)).isEmpty();
  }

  @Test
  void shouldOfferExactlyWhatTheDesignersFilesHave() {
    var check = new ChoicesCheck(DesignerData.read(Path.of("."), beans));
    assertThat(templates.stream().flatMap(t -> check.problems(t).stream())).isEmpty();
  }

  @Test
  void shouldFindModelsThatUseATemplateCompletedByHand() throws IOException {
    var check = new TemplatedElementsCheck(templates);
    var problems = new ArrayList<String>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(m -> m.toString().endsWith(".bpmn")).sorted().toList()) {
        problems.addAll(check.problems("processes/" + model.getFileName(), Bpmn.readModelFromFile(model.toFile())));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldBeWhereCamundaModelerLooksForADiagramOfProcesses() throws IOException {
    // Modeler reads .camunda/element-templates in every folder above an open diagram
    Path local = Path.of(".camunda", "element-templates");
    assertThat(local).as("the link Modeler finds from processes/").isDirectory();
    assertThat(local.toRealPath()).isEqualTo(ElementTemplate.FOLDER.toRealPath());
  }
}
