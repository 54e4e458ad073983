package io.careflow.system;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's command context logs every failed command at ERROR with its stack trace
 * (ENGINE-16004 "Exception while closing command context"), except a few of its own it
 * expects (optimistic locking, bad user requests), which it logs at DEBUG. careflow adds the
 * failures its features expect and report themselves in one line ({@link ExpectedFailure}
 * beans: a form refused, a mail server down), so those are not logged twice — once by the
 * feature, once as 200 lines of stack trace.
 */
@Component
public class QuietCommandContextPlugin extends AbstractProcessEnginePlugin {

  private final List<ExpectedFailure> expected;

  public QuietCommandContextPlugin(List<ExpectedFailure> expected) {
    this.expected = List.copyOf(expected);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCommandContextFactory() == null) {
      // the engine hands itself only to a factory it made itself
      var factory = new QuietCommandContextFactory(expected);
      factory.setProcessEngineConfiguration(configuration);
      configuration.setCommandContextFactory(factory);
    }
  }

  boolean expected(Throwable failure) {
    return expected.stream().anyMatch(e -> e.expected(failure));
  }

  private static final class QuietCommandContextFactory extends CommandContextFactory {
    private final List<ExpectedFailure> expected;

    QuietCommandContextFactory(List<ExpectedFailure> expected) {
      this.expected = expected;
    }

    @Override
    public CommandContext createCommandContext() {
      return new QuietCommandContext(processEngineConfiguration, expected);
    }
  }

  private static final class QuietCommandContext extends CommandContext {
    private final List<ExpectedFailure> expected;

    QuietCommandContext(ProcessEngineConfigurationImpl configuration, List<ExpectedFailure> expected) {
      super(configuration);
      this.expected = expected;
    }

    @Override
    protected boolean shouldLogFine(Throwable failure) {
      return super.shouldLogFine(failure) || expected.stream().anyMatch(e -> e.expected(failure));
    }
  }
}
