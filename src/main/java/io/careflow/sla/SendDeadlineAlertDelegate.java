package io.careflow.sla;

import io.careflow.sla.DeadlineAlertProcess.Level;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "E-mail the person" of {@code deadline-alert.bpmn}; see {@link DeadlineAlerts#deliver} and
 * {@link DeadlineAlerts#deliverUndelivered}.
 */
@Component
public class SendDeadlineAlertDelegate implements JavaDelegate {

  private final DeadlineAlerts alerts;

  public SendDeadlineAlertDelegate(DeadlineAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Level level = Level.valueOf(DeadlineAlertProcess.string(execution, DeadlineAlertProcess.LEVEL));
    if (level == Level.UNDELIVERED) {
      alerts.deliverUndelivered(DeadlineAlertProcess.string(execution, DeadlineAlertProcess.MESSAGE_ID),
          DeadlineAlertProcess.string(execution, DeadlineAlertProcess.RECIPIENT),
          DeadlineAlertProcess.string(execution, DeadlineAlertProcess.REASON),
          DeadlineAlertProcess.string(execution, DeadlineAlertProcess.GUARDED_PROCESS_INSTANCE_ID));
      return;
    }
    alerts.deliver(DeadlineAlertProcess.string(execution, DeadlineAlertProcess.DEADLINE_ID),
        level,
        DeadlineAlertProcess.string(execution, DeadlineAlertProcess.RECIPIENT),
        DeadlineAlertProcess.string(execution, DeadlineAlertProcess.GUARDED_PROCESS_INSTANCE_ID));
  }
}
