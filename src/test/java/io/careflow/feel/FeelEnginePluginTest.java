package io.careflow.feel;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When careflow's FEEL engine is plugged in, and when it is not. */
class FeelEnginePluginTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(FeelEnginePlugin.class);

  @Test
  void isOnUnlessSwitchedOff() {
    context.run(on -> assertThat(on).hasSingleBean(FeelEnginePlugin.class));
    context.withPropertyValues("careflow.feel.careflow-engine=false")
        .run(off -> assertThat(off).doesNotHaveBean(FeelEnginePlugin.class));
  }

  @Test
  void givesTheProcessEngineDmnEngineCareflowFeelFactory() {
    var engine = new StandaloneInMemProcessEngineConfiguration();
    new FeelEnginePlugin().preInit(engine);

    assertThat(engine.getDmnEngineConfiguration().getFeelEngineFactory()).isInstanceOf(CareflowFeelEngineFactory.class);
    assertThat(engine.getDmnEngineConfiguration().getFeelEngineFactory().createInstance())
        .isInstanceOf(CareflowFeelEngine.class).isInstanceOf(ScalaFeelEngine.class);
  }

  @Test
  void leavesTheLegacyFeelAlone() {
    var engine = new StandaloneInMemProcessEngineConfiguration();
    engine.setDmnFeelEnableLegacyBehavior(true);
    new FeelEnginePlugin().preInit(engine);

    assertThat(engine.getDmnEngineConfiguration()).isNull();
  }
}
