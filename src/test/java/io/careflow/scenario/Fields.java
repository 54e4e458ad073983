package io.careflow.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One map of a scenario file, e.g. a step or the contact. Every key must be one the
 * vocabulary knows: a misspelt key would otherwise be ignored and a check the designer
 * meant would silently not happen.
 */
final class Fields {

  private final JsonNode node;
  private final String file;
  private final String where;

  private Fields(JsonNode node, String file, String where) {
    this.node = node;
    this.file = file;
    this.where = where;
  }

  static Fields of(JsonNode node, String file, String where, List<String> known) {
    if (node == null || !node.isObject()) {
      throw new ScenarioFailure(file, where, "expected keys (" + String.join(", ", known) + "), found "
          + describe(node));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ScenarioFailure(file, where, "unknown key '" + name + "' (known here: " + String.join(", ", known)
            + ")");
      }
    }
    return new Fields(node, file, where);
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  JsonNode node(String key) {
    return node.get(key);
  }

  /** A single value as text (numbers too: an order number may be written without quotes). */
  String text(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw invalid(key + " must be a single value, found " + describe(value));
    }
    return value.asText();
  }

  String required(String key) {
    String value = text(key);
    if (value == null || value.isBlank()) {
      throw invalid(key + " is required");
    }
    return value;
  }

  /** One of the words allowed, in any case; returned in upper case. */
  String oneOf(String key, Set<String> allowed) {
    String value = text(key);
    if (value == null) {
      return null;
    }
    String word = value.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
    if (!allowed.contains(word)) {
      throw invalid(key + " '" + value + "' is not one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
    }
    return word;
  }

  /** yes / no (true / false too). */
  Boolean yesNo(String key) {
    String value = text(key);
    if (value == null) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "yes", "true" -> true;
      case "no", "false" -> false;
      default -> throw invalid(key + " must be yes or no, found '" + value + "'");
    };
  }

  /** A list (a single map or value is taken as a list of one). */
  List<JsonNode> list(String key) {
    JsonNode value = node.get(key);
    List<JsonNode> items = new ArrayList<>();
    if (value == null || value.isNull()) {
      return items;
    }
    if (value.isArray()) {
      value.forEach(items::add);
    } else {
      items.add(value);
    }
    return items;
  }

  ScenarioFailure invalid(String what) {
    return new ScenarioFailure(file, where, what);
  }

  static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "keys " + iterable(node.fieldNames());
    }
    if (node.isArray()) {
      return "a list";
    }
    return "'" + node.asText() + "'";
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
