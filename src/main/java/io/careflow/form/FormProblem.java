package io.careflow.form;

/**
 * Something in a form that is malformed or that the server cannot enforce.
 *
 * @param componentId the component's {@code id} (its key or type when it has none; the form's
 *                    id for the form itself)
 * @param message     what is wrong, for the designer
 */
public record FormProblem(String componentId, String message) {

  @Override
  public String toString() {
    return componentId + ": " + message;
  }
}
