package io.careflow.feel;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;

/**
 * Makes the DMN engine's FEEL engine careflow's {@link CareflowFeelEngine}. The custom function
 * providers are read when the engine is made, not when the factory is: the process engine hands
 * them to its DMN engine after the plugins have run.
 */
public class CareflowFeelEngineFactory implements FeelEngineFactory {

  private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;
  private final int capacity;

  public CareflowFeelEngineFactory(Supplier<List<FeelCustomFunctionProvider>> functionProviders, int capacity) {
    this.functionProviders = functionProviders;
    this.capacity = capacity;
  }

  @Override
  public FeelEngine createInstance() {
    return new CareflowFeelEngine(functionProviders.get(), capacity);
  }
}
