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

  public EngineAsSystem(ProcessEngine engine) {
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  public <T> T call(Callable<T> work) {
    return commands.execute(context -> context.runWithoutAuthorization(work));
  }
}
