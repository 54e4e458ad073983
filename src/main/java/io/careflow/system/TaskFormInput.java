package io.careflow.system;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reading what an agent submitted with a task, and refusing it. A refusal rolls the
 * completion back — the task stays open — and reaches Tasklist and the REST API as
 * 400 with the message (the engine's form-validation exception, kept behind this class).
 */
public final class TaskFormInput {

  private TaskFormInput() {}

  public static String text(DelegateTask task, String field) {
    Object value = task.getVariable(field);
    return value == null ? null : value.toString();
  }

  public static RuntimeException reject(String field, String message) {
    return new FormFieldValidationException(field, field + ": " + message);
  }

  /**
   * Refuses several fields at once, so the agent learns everything that is wrong in one try.
   *
   * @param message names every field itself
   */
  public static RuntimeException reject(List<String> fields, String message) {
    return new FormFieldValidationException(List.copyOf(fields), message);
  }

  /** Who completes the task: the signed-in user, else the assignee, else the system. */
  public static String actor(DelegateTask task, UserDirectory users) {
    String current = users.currentUser();
    if (current != null) {
      return current;
    }
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }
}
