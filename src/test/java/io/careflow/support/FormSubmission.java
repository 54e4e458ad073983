package io.careflow.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task form as Tasklist submits it to {@code POST /engine-rest/task/{id}/complete}:
 * {@code {"variables": {<field>: {"value": <value>}, …}}}, built from the fields' constants.
 */
public final class FormSubmission {

  private FormSubmission() {}

  /** The request body for those values, in their order. */
  public static Map<String, Object> of(Map<String, ?> values) {
    var variables = new LinkedHashMap<String, Object>();
    values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  /** Key, value, key, value … */
  public static Map<String, Object> of(Object... keysAndValues) {
    var values = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return of(values);
  }
}
