package io.careflow.form;

import io.careflow.feel.FeelEnginePlugin;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * FEEL as the process engine evaluates it: the FEEL engine of its DMN engine (the Scala FEEL
 * engine, with the engine's value mappers and custom functions), not a second FEEL library.
 * The one place that knows where the engine keeps it.
 *
 * <p>Every name resolves: one without a value is FEEL's null, as form-js treats a field with
 * no value, so {@code reviewDecision != "REJECT"} is true before anything was chosen.
 */
@Component
public class EngineFeel implements FeelEvaluator {

  private final Supplier<FeelEngine> engine;

  @Autowired
  public EngineFeel(ProcessEngine processEngine) {
    // looked up on use: the DMN engine is built with the process engine
    this(() -> feelOf(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getDmnEngineConfiguration()));
  }

  private EngineFeel(Supplier<FeelEngine> engine) {
    this.engine = engine;
  }

  /** The FEEL of a DMN engine built on its own as the process engine builds its one: for tests and tools. */
  public static EngineFeel standalone() {
    var configuration = FeelEnginePlugin.use(new DefaultDmnEngineConfiguration());
    configuration.buildEngine();
    FeelEngine feel = feelOf(configuration);
    return new EngineFeel(() -> feel);
  }

  private static FeelEngine feelOf(DefaultDmnEngineConfiguration configuration) {
    FeelEngine feel = configuration.getFeelEngine();
    if (feel == null) {
      throw new IllegalStateException("The DMN engine has no FEEL engine yet");
    }
    return feel;
  }

  @Override
  public Object evaluate(String expression, Function<String, Object> variables) {
    return engine.get().evaluateSimpleExpression(expression, new Lookup(variables));
  }

  private record Lookup(Function<String, Object> variables) implements VariableContext {

    @Override
    public TypedValue resolve(String name) {
      return Variables.untypedValue(FormValues.plain(variables.apply(name)));
    }

    @Override
    public boolean containsVariable(String name) {
      return true;
    }

    @Override
    public Set<String> keySet() {
      return Set.of();
    }
  }
}
