package io.careflow.system;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Checks of task form fields shared by the protocols' listeners; every refusal keeps the task open. */
public final class FormFields {

  private FormFields() {}

  /** A non-blank text of at most {@code max} characters. */
  public static String required(DelegateTask task, String field, int max, String what) {
    String value = optional(task, field, max);
    if (value == null) {
      throw TaskFormInput.reject(field, what);
    }
    return value;
  }

  /** A text of at most {@code max} characters, or null when blank. */
  public static String optional(DelegateTask task, String field, int max) {
    String value = TaskFormInput.text(task, field);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max) {
      throw TaskFormInput.reject(field, "must be at most " + max + " characters");
    }
    return value.strip();
  }

  /** One of the allowed values. */
  public static String oneOf(DelegateTask task, String field, Set<String> allowed) {
    String value = TaskFormInput.text(task, field);
    if (value == null || !allowed.contains(value)) {
      throw TaskFormInput.reject(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }
}
