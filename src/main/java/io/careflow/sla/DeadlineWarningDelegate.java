package io.careflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Handler of the guarded task's warning timer; see {@link DeadlineAlerts#warn}. */
@Component
public class DeadlineWarningDelegate implements JavaDelegate {

  private final DeadlineAlerts alerts;

  public DeadlineWarningDelegate(DeadlineAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    alerts.warn(execution);
  }
}
