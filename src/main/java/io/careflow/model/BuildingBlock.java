package io.careflow.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A building block a process designer puts into a model without Java (docs/designers.md, "The building
 * blocks"), and what a model gives its element for it. It is written on the class that reads
 * those settings, with the class's own constants, so the names are spelled once; the element
 * templates of {@code element-templates/} (Camunda Modeler) are checked against it by the build:
 * a template sets only what its block reads and everything the block requires.
 *
 * <p>Only the model's settings are declared here. Form fields the agent fills in (the reply, the
 * next communication) are the form's business, and variables other steps leave on the case are
 * the process's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BuildingBlock {

  /** The block's name as a designer knows it, e.g. "Record the outcome". */
  String value();

  /** The input parameters ({@code camunda:inputParameter}) of its element that the block reads. */
  String[] inputs() default {};

  /** The extension properties ({@code camunda:property}) of its element that the block reads. */
  String[] properties() default {};

  /** Of {@link #inputs} and {@link #properties}, those a model must give; the rest have defaults. */
  String[] required() default {};
}
