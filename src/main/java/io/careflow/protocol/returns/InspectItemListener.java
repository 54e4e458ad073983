package io.careflow.protocol.returns;

import io.careflow.form.FormFields;
import io.careflow.casefile.CaseVariables;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Inspect item" done. Specific to returns, so it stays Java: the inspection and decision go
 * into the return request ({@code return_request}), which the return-reasons report reads; and
 * one rule the form cannot express — a rejection needs the reason the customer is told, while
 * a refund or exchange may carry one. The form checks the rest; the outcome is the model's
 * "Record the outcome" step.
 */
@Component
public class InspectItemListener implements TaskListener {

  private final FormFields formFields;

  private final ReturnRequests returns;
  private final UserDirectory users;

  public InspectItemListener(ReturnRequests returns, UserDirectory users, FormFields formFields) {
    this.formFields = formFields;
    this.returns = returns;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = TaskFormInput.text(task, ReturnProcess.DECISION);
    if ("REJECT".equals(decision)) {
      formFields.required(task, ReturnProcess.DECISION_REASON, 2000, "give the reason the customer is told");
    }
    returns.decide(CaseVariables.contactId(task), TaskFormInput.text(task, ReturnProcess.ITEM_CONDITION), decision,
        TaskFormInput.actor(task, users));
  }
}
