package io.careflow.form;

import java.util.function.Function;

/** Evaluates a FEEL expression (without its leading {@code =}) over named values. */
@FunctionalInterface
public interface FeelEvaluator {

  /**
   * @param expression FEEL, e.g. {@code reviewDecision != "REJECT"}
   * @param variables  the value of each name the expression uses, null when there is none
   * @return the result; an expression that cannot be evaluated throws
   */
  Object evaluate(String expression, Function<String, Object> variables);
}
