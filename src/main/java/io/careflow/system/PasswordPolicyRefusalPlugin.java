package io.careflow.system;

import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine refuses a password against its policy with a bare {@code ProcessEngineException}
 * ("Password does not match policy"), which {@code /engine-rest} and Camunda Admin answer with a
 * 500. This interceptor makes it the caller's error (400) and says what the policy asks
 * ({@link PasswordRules}).
 */
@Component
public class PasswordPolicyRefusalPlugin extends AbstractProcessEnginePlugin {

  static final String ENGINE_REFUSAL = "Password does not match policy";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new PasswordRefusal());
  }

  static final class PasswordRefusal extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (BadUserRequestException e) {
        throw e;
      } catch (ProcessEngineException e) {
        if (ENGINE_REFUSAL.equals(e.getMessage())) {
          throw new BadUserRequestException("The password does not meet the password policy: it needs "
              + PasswordRules.describe() + ".", e);
        }
        throw e;
      }
    }
  }
}
