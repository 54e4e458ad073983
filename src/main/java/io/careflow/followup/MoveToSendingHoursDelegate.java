package io.careflow.followup;

import io.careflow.casefile.CaseVariables;
import io.careflow.followup.FollowUpProcess.Variables;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Move to the customer's sending hours": the planned time came outside them (e.g. careflow
 * was down overnight); the follow-up waits for the next start of sending hours.
 */
@Component
public class MoveToSendingHoursDelegate implements JavaDelegate {

  private final SendingHours sendingHours;
  private final Clock clock;

  public MoveToSendingHoursDelegate(SendingHours sendingHours, Clock clock) {
    this.sendingHours = sendingHours;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var zone = sendingHours.zoneOf(CaseVariables.string(execution, CaseVariables.CUSTOMER_ID));
    execution.setVariable(Variables.SEND_AT, Date.from(sendingHours.next(clock.instant(), zone)));
  }
}
