package io.careflow.protocol.defect;

import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Talk with the customer" done. The form holds the conversation algorithm (SPEC R3: each step
 * done or skipped, a reason when one was skipped) and who registers the replacement request (the
 * fault when the agent does). What stays Java, specific to this protocol: who talked with the
 * customer, kept for "Register the replacement request", which runs later in a step of its own
 * where nobody is signed in.
 */
@Component
public class TalkWithCustomerListener implements TaskListener {

  private final UserDirectory users;

  public TalkWithCustomerListener(UserDirectory users) {
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().setVariable(DefectReplacementProcess.TALKED_BY, TaskFormInput.actor(task, users));
  }
}
