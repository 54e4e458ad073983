package io.careflow.protocol.defect;

import io.careflow.casefile.CaseVariables;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review replacement request" done. Specific to the replacement, so it stays Java: the decision
 * and its reason go into the replacement request ({@code replacement_request}); a rejection
 * ends the protocol, so its next communication is planned here (the form shows the plan only
 * for a rejection — an approved replacement plans at shipment). The form requires the decision
 * and, for a rejection, the reason; the outcome is the model's "Record the outcome" step.
 */
@Component
public class ReviewReplacementListener implements TaskListener {

  private final ReplacementRequests requests;
  private final PlanFollowUpListener followUps;
  private final UserDirectory users;

  public ReviewReplacementListener(ReplacementRequests requests, PlanFollowUpListener followUps, UserDirectory users) {
    this.requests = requests;
    this.followUps = followUps;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean approved = "APPROVE".equals(TaskFormInput.text(task, DefectReplacementProcess.REVIEW_DECISION));
    String reason = TaskFormInput.text(task, DefectReplacementProcess.REJECTION_REASON);
    if (!approved) {
      followUps.planFrom(task);
    }
    requests.decide(CaseVariables.contactId(task), approved ? "APPROVED" : "REJECTED",
        reason == null || reason.isBlank() ? null : reason.strip(), TaskFormInput.actor(task, users));
    task.getExecution().setVariable(DefectReplacementProcess.APPROVED, approved);
  }
}
