package io.careflow.protocol.defect;

import static io.careflow.protocol.defect.DefectReplacementProcess.DIALOGUE_SKIPPED_REASON;
import static io.careflow.protocol.defect.DefectReplacementProcess.DIALOGUE_STEPS;

import io.careflow.system.FormFields;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Talk with the customer" done: every step of the conversation algorithm (SPEC R3) ticked or
 * explicitly skipped with a reason; who registers the replacement request; when the agent
 * does, the fault described.
 */
@Component
public class TalkWithCustomerListener implements TaskListener {

  private final UserDirectory users;

  public TalkWithCustomerListener(UserDirectory users) {
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean skipped = false;
    for (String step : DIALOGUE_STEPS) {
      skipped |= "SKIPPED".equals(FormFields.oneOf(task, step, Set.of("DONE", "SKIPPED")));
    }
    if (skipped) {
      FormFields.required(task, DIALOGUE_SKIPPED_REASON, 2000, "say why steps of the conversation were skipped");
    }
    String registeredBy = TaskFormInput.text(task, DefectReplacementProcess.REGISTERED_BY);
    if (registeredBy == null || registeredBy.isBlank()) {
      registeredBy = "AGENT";
    }
    if (!Set.of("AGENT", "CUSTOMER").contains(registeredBy)) {
      throw TaskFormInput.reject(DefectReplacementProcess.REGISTERED_BY, "must be AGENT or CUSTOMER");
    }
    FormFields.optional(task, DefectReplacementProcess.PRODUCT_SKU, 100);
    FormFields.optional(task, DefectReplacementProcess.ORDER_ID, 100);
    if (registeredBy.equals("AGENT")) {
      FormFields.required(task, DefectReplacementProcess.FAULT, 2000, "describe the fault to register the request");
    }
    task.getExecution().setVariable(DefectReplacementProcess.REGISTERED_BY, registeredBy);
    task.getExecution().setVariable(DefectReplacementProcess.TALKED_BY, TaskFormInput.actor(task, users));
  }
}
