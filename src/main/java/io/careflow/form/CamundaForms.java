package io.careflow.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.form.FormField.Rules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads Camunda Forms (form-js JSON, schema as Camunda Modeler writes it for Tasklist 7.24).
 *
 * <p>{@link #parse} keeps what the server enforces and passes over the rest, so a form runs
 * as far as it can be checked; {@link #problems} names what it passed over, for a check at
 * deployment: a designer learns there, not from an agent, that a rule holds only in the
 * browser.
 */
public final class CamundaForms {

  public static final String GROUP = "group";
  public static final String DYNAMIC_LIST = "dynamiclist";
  /** A group's custom property: its values belong to the task ({@link CamundaForm#perTask}). */
  public static final String PER_TASK = "perTask";

  /** Shown, never submitted: nothing to check. {@code expression} computes a value from others. */
  static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "spacer", "separator", "button",
      "iframe", "table", "documentPreview", "expression");

  static final Set<String> DATETIME_SUBTYPES = Set.of("date", "time", "datetime");

  private static final ObjectMapper JSON = new ObjectMapper();

  private CamundaForms() {}

  /**
   * The form's fields with their rules, groups flattened.
   *
   * @throws IllegalArgumentException when the text is no form at all (not a JSON object)
   */
  public static CamundaForm parse(String formJson) {
    JsonNode root = readObject(formJson);
    if (root == null) {
      throw new IllegalArgumentException("A Camunda Form is a JSON object");
    }
    Reading reading = new Reading();
    reading.components(root.path("components"), List.of());
    return new CamundaForm(root.path("id").asText(null), reading.fields, reading.perTask);
  }

  /**
   * What in this form is malformed or cannot be enforced on the server, by component; empty
   * when every rule of the form holds on the server as in the browser.
   */
  public static List<FormProblem> problems(String formJson) {
    JsonNode root = readObject(formJson);
    if (root == null) {
      return List.of(new FormProblem("form", "is not a JSON object"));
    }
    Reading reading = new Reading();
    String id = root.path("id").asText("");
    if (id.isBlank()) {
      reading.problems.add(new FormProblem("form", "has no id: a user task's camunda:formRef names a form by its id"));
    }
    if (!root.path("components").isArray()) {
      reading.problems.add(new FormProblem(id.isBlank() ? "form" : id, "has no components"));
    }
    reading.components(root.path("components"), List.of());
    return List.copyOf(reading.problems);
  }

  private static JsonNode readObject(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode root = JSON.readTree(json);
      return root != null && root.isObject() ? root : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** One pass over the components: the fields found and the problems met. */
  private static final class Reading {

    final List<FormField> fields = new ArrayList<>();
    final List<CamundaForm.PerTaskGroup> perTask = new ArrayList<>();
    final List<FormProblem> problems = new ArrayList<>();
    final Set<String> keys = new HashSet<>();

    void components(JsonNode components, List<String> hiddenWhen) {
      if (!components.isArray()) {
        return;
      }
      for (JsonNode component : components) {
        component(component, hiddenWhen);
      }
    }

    void component(JsonNode c, List<String> outerHiddenWhen) {
      String type = c.path("type").asText("");
      String id = c.path("id").asText(c.path("key").asText(type.isEmpty() ? "component" : type));
      List<String> hiddenWhen = hiddenWhen(c, id, outerHiddenWhen);
      if (type.equals(GROUP)) {
        if (c.hasNonNull("path") && !c.path("path").asText().isBlank()) {
          problem(id, "a group with a path nests its values in an object; the server does not check its fields");
          return;
        }
        int first = fields.size();
        components(c.path("components"), hiddenWhen);
        if (c.path("properties").path(PER_TASK).asBoolean(false)) {
          perTask.add(new CamundaForm.PerTaskGroup(c.path("label").asText(id), fields.subList(first, fields.size())));
        }
        return;
      }
      if (type.equals(DYNAMIC_LIST)) {
        problem(id, "a dynamic list repeats its fields; the server does not check them");
        return;
      }
      if (DISPLAY_ONLY.contains(type)) {
        return;
      }
      var fieldType = FieldType.of(type);
      if (fieldType.isEmpty()) {
        problem(id, type.isEmpty() ? "has no type" : "type " + type + " is unknown to the server and not checked");
        return;
      }
      String key = c.path("key").asText("");
      if (key.isBlank()) {
        problem(id, "has no key: its value is stored nowhere");
        return;
      }
      if (key.contains(".")) {
        problem(id, "key " + key + " nests the value in an object; the server does not check it");
        return;
      }
      if (!keys.add(key)) {
        problem(id, "key " + key + " is used by another field");
      }
      FormField field = field(c, id, key, fieldType.get(), hiddenWhen);
      if (field != null) {
        fields.add(field);
      }
    }

    private List<String> hiddenWhen(JsonNode c, String id, List<String> outer) {
      JsonNode hide = c.path("conditional").path("hide");
      if (hide.isMissingNode() || hide.isNull()) {
        return outer;
      }
      String text = hide.asText("");
      // form-js hides only on an expression; any other text leaves the component shown
      if (!hide.isTextual() || !text.startsWith("=")) {
        problem(id, "conditional.hide is no FEEL expression (starting with =); the component is always shown");
        return outer;
      }
      var all = new ArrayList<>(outer);
      all.add(text.substring(1));
      return List.copyOf(all);
    }

    private FormField field(JsonNode c, String id, String key, FieldType type, List<String> hiddenWhen) {
      String label = label(c, key);
      Rules rules = rules(c.path("validate"), id, type);
      List<Object> values = null;
      String valuesKey = null;
      if (type.offersOptions()) {
        if (c.hasNonNull("valuesExpression")) {
          problem(id, "options from valuesExpression are not checked on the server; use values or valuesKey");
        }
        if (c.path("values").isArray()) {
          values = new ArrayList<>();
          for (JsonNode option : c.path("values")) {
            values.add(plain(option.has("value") ? option.get("value") : option));
          }
        } else if (c.hasNonNull("valuesKey") && !c.path("valuesKey").asText().isBlank()) {
          valuesKey = c.path("valuesKey").asText();
        } else if (!c.hasNonNull("valuesExpression")) {
          problem(id, "offers no options: give values or valuesKey");
        }
      }
      String subtype = null;
      if (type == FieldType.DATETIME) {
        subtype = c.path("subtype").asText("date");
        if (!DATETIME_SUBTYPES.contains(subtype)) {
          problem(id, "datetime subtype " + subtype + " is unknown; the value is not checked");
          subtype = null;
        }
      }
      return new FormField(id, key, label, type, Setting.of(plain(c.get("readonly"))),
          c.path("disabled").asBoolean(false), rules, integerOrNull(c.get("decimalDigits")),
          numberOrNull(c.get("increment")), values == null ? null : List.copyOf(values), valuesKey, subtype,
          hiddenWhen);
    }

    private static String label(JsonNode c, String key) {
      for (String property : new String[] {"label", "dateLabel", "timeLabel"}) {
        String text = c.path(property).asText("").strip();
        if (!text.isEmpty()) {
          return text;
        }
      }
      return key;
    }

    private Rules rules(JsonNode validate, String id, FieldType type) {
      if (!validate.isObject()) {
        return Rules.NONE;
      }
      String pattern = validate.path("pattern").asText("");
      if (!pattern.isEmpty()) {
        try {
          Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          problem(id, "pattern " + pattern + " is no valid regular expression: " + e.getDescription());
          pattern = "";
        }
      }
      String validationType = validate.path("validationType").asText("");
      if (!validationType.isEmpty() && !validationType.equals(FormValidator.EMAIL)
          && !validationType.equals(FormValidator.PHONE)) {
        problem(id, "validationType " + validationType + " is unknown; only email and phone are checked");
        validationType = "";
      }
      if (!type.text() && (!pattern.isEmpty() || !validationType.isEmpty())) {
        problem(id, "pattern and validationType apply to text fields only");
      }
      return new Rules(validate.path("required").asBoolean(false),
          bound(validate, "minLength", id), bound(validate, "maxLength", id),
          bound(validate, "min", id), bound(validate, "max", id),
          pattern.isEmpty() ? null : pattern, validationType.isEmpty() ? null : validationType);
    }

    private Setting bound(JsonNode validate, String name, String id) {
      JsonNode node = validate.get(name);
      if (node == null || node.isNull()) {
        return Setting.NONE;
      }
      if (node.isNumber()) {
        return Setting.of(node.decimalValue());
      }
      if (node.isTextual() && node.asText().startsWith("=")) {
        return Setting.of(node.asText());
      }
      if (node.isTextual()) {
        try {
          return Setting.of(new BigDecimal(node.asText().strip()));
        } catch (NumberFormatException e) {
          // falls through to the problem
        }
      }
      problem(id, name + " " + node + " is neither a number nor a FEEL expression; not checked");
      return Setting.NONE;
    }

    private void problem(String id, String message) {
      problems.add(new FormProblem(id, message));
    }
  }

  private static Integer integerOrNull(JsonNode node) {
    return node != null && node.canConvertToInt() ? node.intValue() : null;
  }

  private static BigDecimal numberOrNull(JsonNode node) {
    return node != null && node.isNumber() ? node.decimalValue() : null;
  }

  /** A JSON scalar as Java (text, number, boolean), anything else as its JSON text. */
  private static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return node.toString();
  }
}
