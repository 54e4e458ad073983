package io.careflow.model.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One Camunda 7 element template of {@code element-templates/}, read as the checks need it: its
 * properties with their bindings, and what it asks the designer to add by hand
 * ({@code metadata.addByHand}) because a Camunda 7 template cannot bind it — task listeners and
 * the retry cycle of an asynchronous step.
 */
record ElementTemplate(String file, JsonNode json, List<Property> properties, List<Listener> taskListeners,
    String retryTimeCycle) {

  static final Path FOLDER = Path.of("element-templates");
  /** Binding types: an attribute of the element, an input parameter, an extension property. */
  static final String ATTRIBUTE = "property";
  static final String INPUT = "camunda:inputParameter";
  static final String EXTENSION_PROPERTY = "camunda:property";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A property of the template: how the panel shows it and what it writes into the model. */
  record Property(String label, String type, String value, List<String> choices, boolean notEmpty, String bindingType,
      String bindingName) {

    boolean isDropdown() {
      return "Dropdown".equals(type);
    }

    boolean isHidden() {
      return "Hidden".equals(type);
    }

    /** The values a designer can end up with: the choices of a dropdown, else the default. */
    List<String> values() {
      if (isDropdown()) {
        return choices;
      }
      return value == null ? List.of() : List.of(value);
    }
  }

  /** A task listener the designer adds to a task that uses the template. */
  record Listener(String event, String delegateExpression) {}

  /** Every template of the folder, by file name. */
  static List<ElementTemplate> all(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
          .map(f -> read(folder.getFileName().resolve(f.getFileName()).toString(), f)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ElementTemplate read(String file, Path path) {
    try {
      return parse(file, Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ElementTemplate parse(String file, String text) {
    JsonNode json;
    try {
      json = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage(), e);
    }
    var properties = new ArrayList<Property>();
    for (JsonNode property : json.path("properties")) {
      var choices = new ArrayList<String>();
      property.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
      JsonNode binding = property.path("binding");
      JsonNode value = property.get("value");
      // an output's binding has no name: what it writes is the variable named by the value
      String name = binding.hasNonNull("name") ? binding.get("name").asText() : null;
      properties.add(new Property(property.path("label").asText(null), property.path("type").asText(null),
          value == null || value.isNull() ? null : value.asText(), List.copyOf(choices),
          property.path("constraints").path("notEmpty").asBoolean(false), binding.path("type").asText(null), name));
    }
    JsonNode addByHand = json.path("metadata").path("addByHand");
    var listeners = new ArrayList<Listener>();
    addByHand.path("taskListeners").forEach(listener -> listeners.add(
        new Listener(listener.path("event").asText(null), listener.path("delegateExpression").asText(null))));
    return new ElementTemplate(file, json, List.copyOf(properties), List.copyOf(listeners),
        addByHand.path("failedJobRetryTimeCycle").asText(null));
  }

  String id() {
    return json.path("id").asText(null);
  }

  /** How a message names the template: the file a designer opens, and the id Modeler shows. */
  String where() {
    return file + " (" + id() + ")";
  }

  /** The property bound as {@code bindingType} with {@code name}, e.g. an input parameter "notice". */
  Optional<Property> binding(String bindingType, String name) {
    return properties.stream().filter(p -> bindingType.equals(p.bindingType()) && name.equals(p.bindingName()))
        .findFirst();
  }

  List<Property> bindings(String bindingType) {
    return properties.stream().filter(p -> bindingType.equals(p.bindingType())).toList();
  }
}
