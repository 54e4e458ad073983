package io.careflow.protocol.complaint;

import io.careflow.form.FormFields;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Approve compensation" done: approved, or sent back with a comment for a new proposal. Stays
 * Java for one rule the form cannot express — a comment is required when the lead sends the
 * proposal back, optional when approving — and it hands the gateway a yes or no. The form checks
 * the decision and the comment's length.
 */
@Component
public class CompensationApprovalListener implements TaskListener {

  private final FormFields formFields;

  public CompensationApprovalListener(FormFields formFields) {
    this.formFields = formFields;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = formFields.oneOf(task, ComplaintProcess.APPROVAL_DECISION, Set.of("APPROVE", "REJECT"));
    boolean approved = decision.equals("APPROVE");
    if (!approved) {
      formFields.required(task, ComplaintProcess.APPROVAL_COMMENT, 2000, "say why the proposal goes back");
    } else {
      formFields.optional(task, ComplaintProcess.APPROVAL_COMMENT, 2000);
    }
    task.getExecution().setVariable(ComplaintProcess.COMPENSATION_APPROVED, approved);
  }
}
