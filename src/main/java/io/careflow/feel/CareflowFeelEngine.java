package io.careflow.feel;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.commons.utils.cache.Cache;
import org.camunda.commons.utils.cache.ConcurrentLruCache;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvalContext$;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * The DMN engine's Scala FEEL engine (feel-scala 1.19 in Camunda 7.24) without its two costs per
 * evaluation: parsing the text, and building the map of every built-in function anew.
 *
 * <p>An expression is parsed once: a decision table's cells and a form's conditions are the
 * same few hundred texts evaluated for every contact. Parsed expressions are immutable syntax
 * trees, shared by all threads; the caches are bounded (least recently used goes first), so
 * expressions made up at run time cannot fill the memory.
 *
 * <p>The root context (built-in functions and the engine's custom ones) is built once, as
 * feel-scala 1.21 does (its PR #1108); each evaluation gets a fresh failure collector on top of
 * it. Not by moving to feel-engine 1.21.0: its {@code scala-shaded} jar carries Jackson and
 * paranamer classes unrelocated and its pom pulls in jackson-module-scala, so careflow's own
 * Jackson would meet a second copy on the class path. The rest is the engine's own: its
 * interpreter runs the parsed expression, and results and failure messages are worded as
 * {@code FeelEngine} words them ({@code CareflowFeelEngineTest}, {@code FeelEquivalenceTest}).
 */
public class CareflowFeelEngine extends ScalaFeelEngine {

  /** Enough for every cell of every deployed table and form, several versions each. */
  public static final int DEFAULT_CAPACITY = 4_096;

  private static final String INPUT_VARIABLE_KEY = "inputVariableName";

  private final Cache<String, ParsedExpression> expressions;
  private final Cache<String, ParsedExpression> unaryTests;
  private final LongAdder parses = new LongAdder();
  private final FeelInterpreter interpreter;
  private final ValueMapper valueMapper;
  private final EvalContext root;

  public CareflowFeelEngine(List<FeelCustomFunctionProvider> functionProviders, int capacity) {
    super(functionProviders);
    this.expressions = new ConcurrentLruCache<>(capacity);
    this.unaryTests = new ConcurrentLruCache<>(capacity);
    this.valueMapper = feelEngine.valueMapper();
    this.interpreter = new FeelInterpreter(valueMapper);
    this.root = EvalContext$.MODULE$.create(valueMapper, new FunctionProvider.CompositeFunctionProvider(
        toScalaList(new BuiltinFunctions(feelEngine.clock(), valueMapper), feelEngine.functionProvider())));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
    return (T) evaluate(parsed, context(new ContextVariableWrapper(variableContext)));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
      VariableContext variableContext) {
    ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
    VariableProvider input = new VariableProvider.StaticVariableProvider(
        new Map.Map1<>(INPUT_VARIABLE_KEY, inputVariable));
    VariableProvider variables = new VariableProvider.CompositeVariableProvider(
        toScalaList(input, new ContextVariableWrapper(variableContext)));
    // as the engine's evalUnaryTests: FEEL's null is false, anything else not boolean fails
    return BoxesRunTime.unboxToBoolean(evaluate(parsed, context(variables)));
  }

  /** How many times an expression was parsed: once per distinct text while it stays cached. */
  public long parses() {
    return parses.sum();
  }

  private ParsedExpression parsed(Cache<String, ParsedExpression> cache, String expression,
      Function<String, Either<Failure, ParsedExpression>> parser) {
    ParsedExpression parsed = cache.get(expression);
    if (parsed == null) {
      parses.increment();
      // a text that does not parse is not kept: it fails with the parser's message every time
      parsed = (ParsedExpression) valueOf(parser.apply(expression));
      cache.put(expression, parsed);
    }
    return parsed;
  }

  /** {@code FeelEngine.evaluate} of 1.19.3 over the kept root context, less the validation done when parsed. */
  private Object evaluate(ParsedExpression expression, Context context) {
    try {
      EvalContext evaluation = EvalContext$.MODULE$.empty(valueMapper).merge(root).merge(context);
      Val value = interpreter.eval(expression.expression(), evaluation);
      String assertion = assertionFailure(evaluation);
      if (assertion != null) {
        throw LOGGER.evaluationException("Assertion failure on evaluate the expression '%s': %s"
            .formatted(expression.text(), assertion));
      }
      if (value instanceof ValError error) {
        throw failed(expression, error.error());
      }
      if (value instanceof ValFatalError error) {
        throw failed(expression, error.error());
      }
      return valueMapper.unpackVal(value);
    } catch (FeelException failure) {
      throw failure;
    } catch (Exception failure) {
      throw LOGGER.evaluationException("failed to evaluate expression '%s' : %s".formatted(expression.text(), failure));
    }
  }

  private static FeelException failed(ParsedExpression expression, String cause) {
    return LOGGER.evaluationException("failed to evaluate expression '%s': %s".formatted(expression.text(), cause));
  }

  private static String assertionFailure(EvalContext evaluation) {
    var failures = evaluation.failureCollector().failures().iterator();
    while (failures.hasNext()) {
      EvaluationFailure failure = failures.next();
      if (failure.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$) {
        return failure.failureMessage();
      }
    }
    return null;
  }

  private static Context context(VariableProvider variables) {
    return new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return variables;
      }
    };
  }

  private static Object valueOf(Either<Failure, ?> result) {
    if (result instanceof Right<Failure, ?> right) {
      return right.value();
    }
    throw LOGGER.evaluationException(((Left<Failure, ?>) result).value().message());
  }
}
