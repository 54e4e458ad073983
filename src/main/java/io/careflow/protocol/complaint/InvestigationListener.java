package io.careflow.protocol.complaint;

import io.careflow.contact.CaseVariables;
import io.careflow.contact.ContactRepository;
import io.careflow.system.FormFields;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Investigate complaint" done: findings written, justified or not — the first half of the outcome. */
@Component
public class InvestigationListener implements TaskListener {

  private final ContactRepository contacts;

  public InvestigationListener(ContactRepository contacts) {
    this.contacts = contacts;
  }

  @Override
  public void notify(DelegateTask task) {
    FormFields.required(task, ComplaintProcess.FINDINGS, 5000, "write what you found");
    String justified = FormFields.oneOf(task, ComplaintProcess.JUSTIFIED, Set.of("YES", "NO"));
    contacts.recordOutcome(CaseVariables.contactId(task),
        "YES".equals(justified) ? "COMPLAINT_JUSTIFIED" : "COMPLAINT_NOT_JUSTIFIED", null);
  }
}
