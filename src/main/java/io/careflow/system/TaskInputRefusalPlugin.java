package io.careflow.system;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws, so a refusal from
 * {@link TaskFormInput#reject} would reach the REST API (and Tasklist) as a 500. This
 * interceptor, outside the transaction (which has rolled back by then), hands the refusal
 * itself to the caller, which answers 400 with its message.
 */
@Component
public class TaskInputRefusalPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new UnwrapTaskInputRefusal());
  }

  static final class UnwrapTaskInputRefusal extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof FormFieldValidationException refusal) {
            throw refusal;
          }
        }
        throw e;
      }
    }
  }
}
