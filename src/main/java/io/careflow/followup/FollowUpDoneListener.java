package io.careflow.followup;

import io.careflow.form.FormRefusals;
import io.careflow.casefile.CaseVariables;
import io.careflow.followup.FollowUpProcess.Variables;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Follow up with the customer" completed: what came of it is required and recorded on the case. */
@Component
public class FollowUpDoneListener implements TaskListener {

  private final FormRefusals refusals;

  static final int MAX_OUTCOME = 2000;

  private final FollowUpPlans plans;
  private final UserDirectory users;

  public FollowUpDoneListener(FollowUpPlans plans, UserDirectory users, FormRefusals refusals) {
    this.refusals = refusals;
    this.plans = plans;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = TaskFormInput.text(task, Variables.OUTCOME);
    if (outcome == null || outcome.isBlank()) {
      throw refusals.reject(task, Variables.OUTCOME, "say what came of the follow-up");
    }
    if (outcome.length() > MAX_OUTCOME) {
      throw refusals.reject(task, Variables.OUTCOME, "must be at most " + MAX_OUTCOME + " characters");
    }
    plans.complete(CaseVariables.string(task, Variables.FOLLOW_UP_ID), FollowUpPlans.DONE,
        TaskFormInput.actor(task, users), outcome.strip());
  }
}
