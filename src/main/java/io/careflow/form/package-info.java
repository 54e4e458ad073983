/**
 * Camunda Forms enforced on the server: what a designer declares in a form of {@code forms/}
 * (required, lengths, bounds, patterns, the offered options, conditional hiding) holds for
 * every completion of every user task that shows the form — Tasklist, {@code /engine-rest}
 * or Java — without Java per form. Owns the reading of form-js JSON ({@link CamundaForms}),
 * its rules ({@link FormValidator}), FEEL through the engine's own FEEL engine
 * ({@link EngineFeel}), the task's deployed form ({@link DeployedTaskForms}), the refusal of
 * a completion ({@link EnforceTaskFormListener}) and its wiring into every model
 * ({@link FormEnforcementPlugin}).
 */
package io.careflow.form;
