package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.form.CamundaForm.PerTaskGroup;
import io.careflow.form.DeployedTaskForms;
import io.careflow.form.FormField;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of any task of a case whose form has a per-task group (the conversation algorithm's
 * block): what the agent ticked there is recorded on the case's timeline with the task's name, and
 * leaves the process — the next conversation task of the case asks for every step afresh instead
 * of showing this one's answers (a form shows the process's values in its fields). The form's
 * rules (each step done, or skipped with a reason) were enforced before. Added to every user task
 * by {@link CaseTaskFormPlugin}; which groups are per task is the forms' business, not Java's.
 */
@Component
public class TaskFormPerTaskListener implements TaskListener {

  private final DeployedTaskForms forms;
  private final ContactEvents events;
  private final UserDirectory users;

  public TaskFormPerTaskListener(DeployedTaskForms forms, ContactEvents events, UserDirectory users) {
    this.forms = forms;
    this.events = events;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    String contactId = CaseVariables.contactId(task);
    forms.of(task).ifPresent(form -> {
      for (PerTaskGroup group : form.perTask()) {
        var ticked = new ArrayList<String>();
        for (FormField field : group.fields()) {
          Object value = task.getVariable(field.key());
          if (value != null && !value.toString().isBlank()) {
            ticked.add(field.label() + ": " + value);
          }
          task.removeVariable(field.key());
        }
        if (contactId != null && !ticked.isEmpty()) {
          events.record(contactId, ContactEvents.TASK_CHECKLIST, TaskFormInput.actor(task, users),
              group.label() + " on \"" + task.getName() + "\": " + String.join("; ", ticked));
        }
      }
    });
  }
}
