package io.careflow.form;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Refusals of the rules a form cannot express (rules across fields, kept in a protocol's Java
 * listener), worded as the form's own: the field named by the label the agent reads next to it,
 * not by its variable.
 */
@Component
public class FormRefusals {

  private final DeployedTaskForms forms;

  public FormRefusals(DeployedTaskForms forms) {
    this.forms = forms;
  }

  /**
   * Refuses the completion of {@code task}: "Label: message"; the task stays open. When the form
   * itself refuses the completion too, this refusal joins the form's in one message
   * ({@link CrossFieldRules}).
   */
  public RuntimeException reject(DelegateTask task, String key, String message) {
    String label = label(task, key);
    return new FormRefusal(List.of(new FormViolation(key, label, message)), key, key + ": " + label + ": " + message);
  }

  /** The label of the field {@code key} on the task's form; the key when the form has no such field. */
  public String label(DelegateTask task, String key) {
    return forms.of(task).flatMap(form -> form.fields().stream().filter(f -> key.equals(f.key())).findFirst())
        .map(FormField::label).orElse(key);
  }
}
