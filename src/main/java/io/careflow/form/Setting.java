package io.careflow.form;

import java.util.function.Function;

/**
 * A property of a form-js component that is either written down ({@code "maxLength": 100}) or
 * a FEEL expression over the form's values ({@code "maxLength": "=limit"}), as form-js allows
 * for {@code readonly} and the bounds {@code min}, {@code max}, {@code minLength},
 * {@code maxLength}.
 *
 * @param fixed      the written value (a number, boolean or text), or null
 * @param expression the FEEL expression without its leading {@code =}, or null
 */
public record Setting(Object fixed, String expression) {

  static final Setting NONE = new Setting(null, null);

  static Setting of(Object value) {
    if (value instanceof String text && text.startsWith("=")) {
      return new Setting(null, text.substring(1));
    }
    return value == null ? NONE : new Setting(value, null);
  }

  public boolean present() {
    return fixed != null || expression != null;
  }

  /** The value for these form values; an expression that fails counts as absent, as in form-js. */
  Object resolve(FeelEvaluator feel, Function<String, Object> values) {
    if (expression == null) {
      return fixed;
    }
    try {
      return feel.evaluate(expression, values);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
