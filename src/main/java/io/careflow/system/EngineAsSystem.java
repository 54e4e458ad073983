package io.careflow.system;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as careflow itself, without the engine's authorization checks. Inside a
 * task listener the engine acts for the agent who completed the previous task, and agents may
 * neither evaluate decisions nor read model definitions; careflow's own rules (routing, the
 * topic catalog, the SLA policy, form checks) must work whoever triggered them. The endpoint
 * or the task's own authorization was checked before.
 */
@Component
public class EngineAsSystem {

  private final CommandExecutor commands;
  private final CommandExecutor newTransaction;

  public EngineAsSystem(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.commands = configuration.getCommandExecutorTxRequired();
    this.newTransaction = configuration.getCommandExecutorTxRequiresNew();
  }

  /** In the caller's transaction, or a new one when there is none. */
  public <T> T call(Callable<T> work) {
    return commands.execute(context -> context.runWithoutAuthorization(work));
  }

  /**
   * In a transaction of its own, committed or rolled back before this returns: one item of a
   * batch whose failure must not undo the others.
   */
  public <T> T callInNewTransaction(Callable<T> work) {
    return newTransaction.execute(context -> context.runWithoutAuthorization(work));
  }
}
