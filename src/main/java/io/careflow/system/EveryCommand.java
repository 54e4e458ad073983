package io.careflow.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * careflow's one way to put something around every command the engine runs (a task completion,
 * a user saved, …) — the sibling of {@link EveryUserTask} for commands. Call it from a plugin's
 * {@code preInit}; interceptors run in the order they were added.
 */
public final class EveryCommand {

  private EveryCommand() {}

  /**
   * Runs {@code interceptor} outside the command's context: it sees the command's failure as the
   * caller will, after the engine has rolled its work back.
   */
  public static void addAroundContext(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
    add(configuration::getCustomPreCommandInterceptorsTxRequired,
        configuration::setCustomPreCommandInterceptorsTxRequired, interceptor);
  }

  /**
   * Runs {@code interceptor} inside the command's context and transaction: what it does is part of
   * the command, and rolled back with it.
   */
  public static void addInsideContext(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
    add(configuration::getCustomPostCommandInterceptorsTxRequired,
        configuration::setCustomPostCommandInterceptorsTxRequired, interceptor);
  }

  private static void add(Supplier<List<CommandInterceptor>> current, Consumer<List<CommandInterceptor>> set,
      CommandInterceptor interceptor) {
    List<CommandInterceptor> interceptors = current.get();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      set.accept(interceptors);
    }
    interceptors.add(interceptor);
  }
}
