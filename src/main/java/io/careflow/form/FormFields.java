package io.careflow.form;

import io.careflow.system.TaskFormInput;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Checks of task form fields shared by the protocols' listeners (rules the form cannot express);
 * every refusal keeps the task open and names the field by its label on the form.
 */
@Component
public class FormFields {

  private final FormRefusals refusals;

  public FormFields(FormRefusals refusals) {
    this.refusals = refusals;
  }

  /** A non-blank text of at most {@code max} characters. */
  public String required(DelegateTask task, String field, int max, String what) {
    String value = optional(task, field, max);
    if (value == null) {
      throw refusals.reject(task, field, what);
    }
    return value;
  }

  /** A text of at most {@code max} characters, or null when blank. */
  public String optional(DelegateTask task, String field, int max) {
    String value = TaskFormInput.text(task, field);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max) {
      throw refusals.reject(task, field, "must be at most " + max + " characters");
    }
    return value.strip();
  }

  /** One of the allowed values. */
  public String oneOf(DelegateTask task, String field, Set<String> allowed) {
    String value = TaskFormInput.text(task, field);
    if (value == null || !allowed.contains(value)) {
      throw refusals.reject(task, field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return value;
  }
}
