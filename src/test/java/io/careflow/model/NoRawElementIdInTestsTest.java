package io.careflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Tests name the models' elements through the process descriptors ({@code *Process.Elements}),
 * never as a raw id: when a designer renames an element, the descriptor and the tests that use it
 * fail together at compile time or in one place, instead of a raw id silently testing nothing.
 * Fails naming each file and id.
 */
class NoRawElementIdInTestsTest {

  private static final Set<String> FLOW_NODES = Set.of("userTask", "serviceTask", "sendTask", "receiveTask",
      "scriptTask", "businessRuleTask", "manualTask", "task", "callActivity", "subProcess", "startEvent", "endEvent",
      "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "exclusiveGateway", "parallelGateway",
      "inclusiveGateway", "eventBasedGateway");
  private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z_][\\w-]*)\"");

  static Set<String> elementIds() throws Exception {
    Set<String> ids = new TreeSet<>();
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        NodeList all = factory.newDocumentBuilder().parse(model.toFile()).getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
          Element element = (Element) all.item(i);
          if (FLOW_NODES.contains(element.getLocalName()) && !element.getAttribute("id").isEmpty()) {
            ids.add(element.getAttribute("id"));
          }
        }
      }
    }
    return ids;
  }

  @Test
  void shouldNameEveryModelElementThroughItsDescriptor() throws Exception {
    Set<String> ids = elementIds();
    assertThat(ids).as("the models' flow nodes").hasSizeGreaterThan(50);
    List<String> raw = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src", "test", "java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (source.getFileName().toString().equals(getClass().getSimpleName() + ".java")) {
          continue;
        }
        Matcher literal = LITERAL.matcher(read(source));
        while (literal.find()) {
          if (ids.contains(literal.group(1))) {
            raw.add(source + ": \"" + literal.group(1) + "\"");
          }
        }
      }
    }
    assertThat(raw).as("raw element ids in tests: use the process descriptor's Elements constant").isEmpty();
  }

  private static String read(Path source) {
    try {
      return Files.readString(source);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
