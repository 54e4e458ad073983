package io.careflow.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Process variables as form-js sees them. Tasklist hands a form every variable of the task;
 * a Json variable (Camunda Spin) or an Object variable serialized as application/json
 * arrives as parsed JSON, anything else as it is.
 */
final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  /**
   * The value as plain Java: a Spin JSON node becomes what its JSON holds (a list, a map, a
   * text, a number), an array or other collection a list; anything else stays as it is.
   */
  static Object plain(Object value) {
    if (value instanceof SpinJsonNode node) {
      return parse(node.toString());
    }
    if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
      var list = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        list.add(Array.get(value, i));
      }
      return list;
    }
    if (value instanceof Collection<?> collection && !(value instanceof List<?>)) {
      return new ArrayList<>(collection);
    }
    return value;
  }

  /**
   * A value that should be a list: as {@link #plain}, and a JSON text of a list (as a client
   * sends a checklist without Spin) parsed; null when it is no list.
   */
  static List<?> list(Object value) {
    Object plain = plain(value);
    if (plain instanceof String text && text.strip().startsWith("[")) {
      plain = parse(text);
    }
    return plain instanceof List<?> list ? list : null;
  }

  /**
   * The option values of a {@code valuesKey} variable, as Tasklist reads it:
   * {@code [{"label": …, "value": …}]} or a list of plain values (each its own label), held as
   * Json, as an Object in application/json, as JSON text or as a Java list. Anything else
   * offers nothing.
   */
  static List<Object> options(Object variable) {
    List<?> entries = list(variable);
    if (entries == null) {
      return List.of();
    }
    var options = new ArrayList<>();
    for (Object entry : entries) {
      if (entry != null && !(entry instanceof Map || entry instanceof String || entry instanceof Number
          || entry instanceof Boolean)) {
        // an Object variable of the application's own option type
        entry = JSON.convertValue(entry, Map.class);
      }
      if (entry instanceof Map<?, ?> option) {
        if (option.containsKey("value")) {
          options.add(option.get("value"));
        }
      } else if (entry != null) {
        options.add(entry);
      }
    }
    return options;
  }

  private static Object parse(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      return json;
    }
  }
}
