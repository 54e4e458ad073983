package io.careflow.form;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of any user task with a Camunda Form: the values must satisfy the form — what
 * Tasklist checks in the browser holds for {@code /engine-rest} and Java callers too. All
 * that is wrong is refused at once, field by field ("Label (key): message; …"), the task
 * stays open and nothing of the completion is kept. Added to every such task by
 * {@link FormEnforcementPlugin}, before careflow's other listeners. When the form refuses,
 * the rules a form cannot express (the later listeners' Java rules across fields,
 * {@link CrossFieldRules}) are asked too, so the one refusal names their fields as well.
 *
 * <p>The values checked are those the task sees at completion ({@code task.getVariable}):
 * the submitted value, else the one already in the process — the value Tasklist showed in
 * the field and would submit unchanged. So a REST client need not resend what the process
 * already holds, and a value the process holds that the form does not allow is refused as
 * if the agent had typed it. The options of a {@code valuesKey} are read the same way, so a
 * client that submits the options variable along with its choice widens its own options:
 * a list that must stay closed belongs in the form's {@code values}.
 */
@Component
public class EnforceTaskFormListener implements TaskListener {

  private final DeployedTaskForms forms;
  private final FormValidator validator;
  private final CrossFieldRules crossFieldRules;

  public EnforceTaskFormListener(DeployedTaskForms forms, FormValidator validator, CrossFieldRules crossFieldRules) {
    this.forms = forms;
    this.validator = validator;
    this.crossFieldRules = crossFieldRules;
  }

  @Override
  public void notify(DelegateTask task) {
    forms.of(task).ifPresent(form -> {
      List<FormViolation> violations = validator.validate(form, task::getVariable);
      if (!violations.isEmpty()) {
        var all = new ArrayList<>(violations);
        all.addAll(crossFieldRules.refusals(task, FormEnforcementPlugin.LISTENER,
            violations.stream().map(FormViolation::key).collect(Collectors.toSet())));
        throw FormRefusal.of(all);
      }
    });
  }
}
