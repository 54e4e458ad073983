package io.careflow.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * Blocks of fields several forms share, kept once (a designer's block, like the conversation
 * algorithm): {@code forms/blocks/<name>.json} holds the block's {@code components}, and a form
 * names it with a group whose custom property {@code block} is the name (Camunda Modeler's form
 * editor: a group, then *Custom properties* → {@code block}). Before a form is deployed the group
 * gets the block's fields, so Tasklist shows them and the server enforces them
 * ({@link FormValidator}) as any field of the form; a group that has them already gets them anew,
 * so deploying twice changes nothing. A block with {@code "perTask": true} makes its group's values
 * belong to each task ({@link CamundaForm#perTask}): a later task asks for them afresh. A form naming a block careflow does not have is refused.
 */
public final class FormBlocks {

  /** The group's custom property naming the block. */
  public static final String PROPERTY = "block";
  /** Where blocks live, below the folder of the forms. */
  public static final String FOLDER = "blocks/";
  public static final String SUFFIX = ".json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormBlocks() {}

  /**
   * The form with each named block's fields in its group; the very same text when it names no
   * block, or is no form at all (the checks at deployment name that).
   *
   * @param blocks a block's JSON by its name; empty when there is no such block
   * @throws IllegalArgumentException when the form names a block that {@code blocks} lacks, or a
   *                                  block is no JSON object with components
   */
  public static String expand(String formJson, Function<String, Optional<String>> blocks) {
    JsonNode root;
    try {
      root = JSON.readTree(formJson);
    } catch (JsonProcessingException e) {
      return formJson;
    }
    if (root == null || !root.isObject() || !fill(root.path("components"), blocks, root.path("id").asText("form"))) {
      return formJson;
    }
    try {
      var printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      return JSON.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #expand} on bytes (UTF-8), the same array when nothing changed. */
  public static byte[] expand(byte[] formJson, Function<String, Optional<String>> blocks) {
    String text = new String(formJson, StandardCharsets.UTF_8);
    String expanded = expand(text, blocks);
    return expanded.equals(text) ? formJson : expanded.getBytes(StandardCharsets.UTF_8);
  }

  /** Blocks from careflow's own {@code forms/blocks/} on the classpath. */
  public static Optional<String> fromClasspath(String name) {
    if (!name.matches("[A-Za-z0-9_-]+")) {
      return Optional.empty();
    }
    try (InputStream in = FormBlocks.class.getClassLoader().getResourceAsStream("forms/" + FOLDER + name + SUFFIX)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean fill(JsonNode components, Function<String, Optional<String>> blocks, String formId) {
    if (!components.isArray()) {
      return false;
    }
    boolean filled = false;
    for (JsonNode component : components) {
      String name = component.path("properties").path(PROPERTY).asText("");
      if (!name.isBlank() && component.isObject()) {
        String block = blocks.apply(name.strip()).orElseThrow(() -> new IllegalArgumentException(
            "Form " + formId + " names block " + name + ", which careflow does not have (forms/" + FOLDER + name
                + SUFFIX + ")"));
        ((ObjectNode) component).set("components", componentsOf(block, name));
        if (perTask(block)) {
          JsonNode properties = component.path("properties");
          ((ObjectNode) properties).put(CamundaForms.PER_TASK, true);
        }
        filled = true;
      } else {
        filled |= fill(component.path("components"), blocks, formId);
      }
    }
    return filled;
  }

  /** A block whose values belong to each task that shows it ({@code "perTask": true}). */
  private static boolean perTask(String blockJson) {
    try {
      JsonNode block = JSON.readTree(blockJson);
      return block != null && block.path(CamundaForms.PER_TASK).asBoolean(false);
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static ArrayNode componentsOf(String blockJson, String name) {
    try {
      JsonNode block = JSON.readTree(blockJson);
      if (block != null && block.path("components").isArray()) {
        return (ArrayNode) block.get("components").deepCopy();
      }
    } catch (JsonProcessingException e) {
      // refused below
    }
    throw new IllegalArgumentException("Block " + name + " (forms/" + FOLDER + name + SUFFIX
        + ") is no JSON object with components");
  }
}
