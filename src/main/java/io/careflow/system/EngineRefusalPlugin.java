package io.careflow.system;

import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine's refusals of what a person entered, handed to the caller as the caller's error
 * (400 in {@code /engine-rest}, Tasklist and Camunda Admin) instead of a 500. One interceptor,
 * outside the transaction (which has rolled back by then), for every such refusal:
 * <ul>
 *   <li>a task input refused by {@link TaskFormInput#reject}: the engine wraps whatever a task
 *       listener throws, so the refusal itself is unwrapped and handed on with its message;</li>
 *   <li>a password against the policy: the engine's bare "Password does not match policy" becomes
 *       a {@link BadUserRequestException} saying what the policy asks ({@link PasswordRules}).</li>
 * </ul>
 */
@Component
public class EngineRefusalPlugin extends AbstractProcessEnginePlugin {

  static final String PASSWORD_REFUSAL = "Password does not match policy";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new CallersError());
  }

  static final class CallersError extends CommandInterceptor {
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
        if (e instanceof ProcessEngineException && PASSWORD_REFUSAL.equals(e.getMessage())) {
          throw new BadUserRequestException("The password does not meet the password policy: it needs "
              + PasswordRules.describe() + ".", e);
        }
        throw e;
      }
    }
  }
}
