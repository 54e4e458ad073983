package io.careflow.form;

import java.util.List;

/**
 * A Camunda Form reduced to what the server checks: its fields with a value, in the order of
 * the form, components nested in groups included. Display-only components are left out.
 *
 * @param id      the form's {@code id}: what a user task's {@code camunda:formRef} names
 * @param perTask the groups whose values belong to the task that asked for them (a group with the
 *                custom property {@code perTask}, as the conversation algorithm's block): the next
 *                task asks afresh instead of showing them filled in
 */
public record CamundaForm(String id, List<FormField> fields, List<PerTaskGroup> perTask) {

  public CamundaForm {
    fields = List.copyOf(fields);
    perTask = List.copyOf(perTask);
  }

  public CamundaForm(String id, List<FormField> fields) {
    this(id, fields, List.of());
  }

  /** A group of per-task values: its label and its fields. */
  public record PerTaskGroup(String label, List<FormField> fields) {

    public PerTaskGroup {
      fields = List.copyOf(fields);
    }
  }
}
