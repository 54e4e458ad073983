package io.careflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Handler of the guarded task's breach timer; see {@link DeadlineAlerts#breach}. */
@Component
public class DeadlineBreachDelegate implements JavaDelegate {

  private final DeadlineAlerts alerts;

  public DeadlineBreachDelegate(DeadlineAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    alerts.breach(execution);
  }
}
