package io.careflow.form;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A submitted value the form does not allow.
 *
 * @param key     the field's variable
 * @param label   the field's label
 * @param message what is wrong, e.g. "is required"
 */
public record FormViolation(String key, String label, String message) {

  static FormViolation of(FormField field, String message) {
    return new FormViolation(field.key(), field.label(), message);
  }

  /**
   * The field as the agent reads it on the form: by its label (the key only when the form gives no
   * label), so a refusal in Tasklist points at what the agent sees.
   */
  @Override
  public String toString() {
    return label + ": " + message;
  }

  /** One line for all: {@code Topic: is required; Amount: must be at most 500}. */
  public static String describe(List<FormViolation> violations) {
    return violations.stream().map(FormViolation::toString).collect(Collectors.joining("; "));
  }
}
