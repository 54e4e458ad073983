package io.careflow.form;

import java.util.List;

/**
 * A Camunda Form reduced to what the server checks: its fields with a value, in the order of
 * the form, components nested in groups included. Display-only components are left out.
 *
 * @param id the form's {@code id}: what a user task's {@code camunda:formRef} names
 */
public record CamundaForm(String id, List<FormField> fields) {

  public CamundaForm {
    fields = List.copyOf(fields);
  }
}
