package io.careflow.protocol.defect;

import io.careflow.casefile.CaseVariables;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Ship the replacement" done. Specific to the replacement, so it stays Java: the tracking
 * number goes into the replacement request ({@code replacement_request}, the record of the
 * replacement from request to shipment). The form requires the number; the outcome is the
 * model's "Record the outcome" step; the customer's message reads the number from the case.
 */
@Component
public class ShipReplacementListener implements TaskListener {

  private final ReplacementRequests requests;
  private final UserDirectory users;

  public ShipReplacementListener(ReplacementRequests requests, UserDirectory users) {
    this.requests = requests;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    requests.ship(CaseVariables.contactId(task), TaskFormInput.text(task, DefectReplacementProcess.TRACKING_NUMBER)
        .strip(), TaskFormInput.actor(task, users));
  }
}
