package io.careflow.feel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** Parsed once, evaluated many times; the same answers and failures as the engine's own FEEL. */
class CareflowFeelEngineTest {

  private final CareflowFeelEngine feel = new CareflowFeelEngine(List.of(), 8);
  private final ScalaFeelEngine engines = new ScalaFeelEngine(List.of());

  @Test
  void aSecondEvaluationOfAnExpressionDoesNotParseItAgain() {
    assertThat((Object) feel.evaluateSimpleExpression("amount * 2", variables(Map.of("amount", 21)))).isEqualTo(42L);
    assertThat((Object) feel.evaluateSimpleExpression("amount * 2", variables(Map.of("amount", 5)))).isEqualTo(10L);
    assertThat(feel.parses()).isEqualTo(1);

    assertThat(feel.evaluateSimpleUnaryTests("> 100", "amount", variables(Map.of("amount", 150)))).isTrue();
    assertThat(feel.evaluateSimpleUnaryTests("> 100", "amount", variables(Map.of("amount", 50)))).isFalse();
    assertThat(feel.parses()).isEqualTo(2);
  }

  @Test
  void theSameTextAsExpressionAndAsUnaryTestIsParsedEachWay() {
    // "1" is the number one as an expression and "equals one" as a unary test
    assertThat((Object) feel.evaluateSimpleExpression("1", variables(Map.of()))).isEqualTo(1L);
    assertThat(feel.evaluateSimpleUnaryTests("1", "x", variables(Map.of("x", 1)))).isTrue();
    assertThat(feel.evaluateSimpleUnaryTests("1", "x", variables(Map.of("x", 2)))).isFalse();
  }

  @Test
  void theCacheIsBounded() {
    for (int i = 0; i < 20; i++) {
      feel.evaluateSimpleExpression("x + " + i, variables(Map.of("x", 1)));
    }
    feel.evaluateSimpleExpression("x + 0", variables(Map.of("x", 1)));
    // the first was pushed out by the other nineteen (8 kept), so it was parsed again
    assertThat(feel.parses()).isEqualTo(21);
  }

  @Test
  void answersAsTheEngineOwnFeel() {
    var text = variables(Map.of("contactText", "my kettle is broken", "sku", "ket-1"));
    for (String expression : List.of("contains(contactText, \"broken\")", "upper case(sku)",
        "some w in [\"x\", \"kettle\"] satisfies contains(contactText, w)", "missing = null", "date(\"2026-01-05\")")) {
      assertThat((Object) feel.evaluateSimpleExpression(expression, text))
          .as(expression).isEqualTo(engines.evaluateSimpleExpression(expression, text));
    }
    for (String test : List.of("\"ket-1\"", "starts with(?, \"ket\")", "-", "not(\"ket-1\")", "null", "\"a\", \"b\"")) {
      assertThat(feel.evaluateSimpleUnaryTests(test, "sku", text))
          .as(test).isEqualTo(engines.evaluateSimpleUnaryTests(test, "sku", text));
    }
  }

  @Test
  void failsAsTheEngineOwnFeel() {
    var none = variables(Map.of("x", "text"));
    for (String broken : List.of("1 +", "x + 1 = = 2", "(")) {
      String expected = messageOf(() -> engines.evaluateSimpleExpression(broken, none));
      assertThatThrownBy(() -> feel.evaluateSimpleExpression(broken, none))
          .isInstanceOf(FeelException.class).hasMessage(expected);
      // a text that does not parse fails the same way the second time
      assertThatThrownBy(() -> feel.evaluateSimpleExpression(broken, none)).hasMessage(expected);
    }
    String expected = messageOf(() -> engines.evaluateSimpleUnaryTests("> >", "x", none));
    assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("> >", "x", none)).hasMessage(expected);
  }

  @Test
  void failsAtRunTimeAsTheEngineOwnFeel() {
    var text = variables(Map.of("x", 1, "name", "Ola"));
    for (String expression : List.of("assert(x, x = 2)", "assert(x, x = 1)", "unknown(1)", "date(\"no date\")",
        "x / 0", "name + 1", "x.y", "{a: 1}.b", "[1, 2][\"a\"]", "matches(name, \"[\")", "substring(name, 0)")) {
      assertThat(outcome(() -> feel.evaluateSimpleExpression(expression, text)))
          .as(expression).isEqualTo(outcome(() -> engines.evaluateSimpleExpression(expression, text)));
    }
  }

  private static String outcome(java.util.function.Supplier<Object> evaluation) {
    try {
      return "value " + evaluation.get();
    } catch (RuntimeException failure) {
      return failure.getClass().getName() + ": " + failure.getMessage();
    }
  }

  private static String messageOf(Runnable evaluation) {
    try {
      evaluation.run();
    } catch (RuntimeException failure) {
      return failure.getMessage();
    }
    throw new AssertionError("expected a failure");
  }

  private static VariableContext variables(Map<String, Object> values) {
    return Variables.fromMap(values).asVariableContext();
  }
}
