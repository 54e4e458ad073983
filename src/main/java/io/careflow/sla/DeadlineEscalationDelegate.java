package io.careflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Handler of the guarded task's escalation timer; see {@link DeadlineAlerts#escalate}. */
@Component
public class DeadlineEscalationDelegate implements JavaDelegate {

  private final DeadlineAlerts alerts;

  public DeadlineEscalationDelegate(DeadlineAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    alerts.escalate(execution);
  }
}
