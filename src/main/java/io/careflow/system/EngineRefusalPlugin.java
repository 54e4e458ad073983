package io.careflow.system;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * A refused task input is the agent's mistake, not careflow's: it is logged as one INFO line
 * (who, and the message naming every field) and the engine's ERROR with its stack trace is
 * left out ({@link ExpectedFailure}).
 */
@Component
public class EngineRefusalPlugin extends AbstractProcessEnginePlugin implements ExpectedFailure {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRefusalPlugin.class);

  static final String PASSWORD_REFUSAL = "Password does not match policy";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryCommand.addAroundContext(configuration, new CallersError(configuration));
  }

  @Override
  public boolean expected(Throwable failure) {
    return refusal(failure) != null;
  }

  /** The task input refused in {@code failure}'s causes (itself included), or null. */
  public static FormFieldValidationException refusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refusal) {
        return refusal;
      }
    }
    return null;
  }

  static final class CallersError extends CommandInterceptor {
    private final ProcessEngineConfigurationImpl configuration;

    CallersError(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        FormFieldValidationException refusal = refusal(e);
        if (refusal != null) {
          var user = configuration.getIdentityService().getCurrentAuthentication();
          LOG.info("Refused the input of {} ({}): {}", user == null ? "a caller without sign-in" : user.getUserId(),
              command.getClass().getSimpleName(), refusal.getMessage());
          throw refusal;
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
