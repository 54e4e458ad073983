package io.careflow.feel;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The process engine's DMN engine evaluates FEEL with {@link CareflowFeelEngine}. Left alone
 * when the engine is told to use the legacy (JUEL) FEEL of Camunda 7.12 and earlier, and off with
 * {@code careflow.feel.careflow-engine=false} (the engine's own FEEL, to compare or to rule
 * careflow's out).
 */
@Component
@ConditionalOnProperty(name = "careflow.feel.careflow-engine", havingValue = "true", matchIfMissing = true)
public class FeelEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return;
    }
    var dmn = configuration.getDmnEngineConfiguration() != null ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() == null) {
      use(dmn);
    }
    configuration.setDmnEngineConfiguration(dmn);
  }

  /** Makes {@code dmn} evaluate FEEL with careflow's engine: for the process engine and for tests and tools. */
  public static DefaultDmnEngineConfiguration use(DefaultDmnEngineConfiguration dmn) {
    dmn.setFeelEngineFactory(new CareflowFeelEngineFactory(dmn::getFeelCustomFunctionProviders,
        CareflowFeelEngine.DEFAULT_CAPACITY));
    return dmn;
  }
}
