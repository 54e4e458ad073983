package io.careflow.protocol.defect;

import io.careflow.followup.PlanFollowUpListener;
import io.careflow.contact.CaseVariables;
import io.careflow.contact.ContactRepository;
import io.careflow.system.FormFields;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review replacement request" done: approved, or rejected with the reason the customer is
 * told. A rejection ends the protocol, so the next communication is planned here.
 */
@Component
public class ReviewReplacementListener implements TaskListener {

  private final ReplacementRequests requests;
  private final ContactRepository contacts;
  private final PlanFollowUpListener followUps;
  private final UserDirectory users;

  public ReviewReplacementListener(ReplacementRequests requests, ContactRepository contacts,
      PlanFollowUpListener followUps, UserDirectory users) {
    this.requests = requests;
    this.contacts = contacts;
    this.followUps = followUps;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = FormFields.oneOf(task, DefectReplacementProcess.REVIEW_DECISION, Set.of("APPROVE", "REJECT"));
    boolean approved = decision.equals("APPROVE");
    String reason = approved ? FormFields.optional(task, DefectReplacementProcess.REJECTION_REASON, 2000)
        : FormFields.required(task, DefectReplacementProcess.REJECTION_REASON, 2000,
            "give the reason the customer is told");
    if (!approved) {
      followUps.planFrom(task);
    }
    String contactId = CaseVariables.contactId(task);
    requests.decide(contactId, approved ? "APPROVED" : "REJECTED", reason, TaskFormInput.actor(task, users));
    contacts.recordOutcome(contactId, approved ? "REPLACEMENT_APPROVED" : "REPLACEMENT_REJECTED", reason);
    task.getExecution().setVariable(DefectReplacementProcess.APPROVED, approved);
  }
}
