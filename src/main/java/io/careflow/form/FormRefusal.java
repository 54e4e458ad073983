package io.careflow.form;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A completion refused field by field: the engine's form-validation exception (400 in
 * {@code /engine-rest} and Tasklist, the task stays open), with each refused field's key, label
 * and message kept, so refusals from the form and from Java can be told in one message.
 */
public class FormRefusal extends FormFieldValidationException {

  private final transient List<FormViolation> violations;

  FormRefusal(List<FormViolation> violations, Object detail, String message) {
    super(detail, message);
    this.violations = List.copyOf(violations);
  }

  /** Refuses every field of {@code violations} at once: "Label: message; Label: message". */
  static FormRefusal of(List<FormViolation> violations) {
    return new FormRefusal(violations, violations.stream().map(FormViolation::key).toList(),
        FormViolation.describe(violations));
  }

  public List<FormViolation> violations() {
    return violations;
  }
}
