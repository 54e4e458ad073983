package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.form.CamundaForm;
import io.careflow.form.DeployedTaskForms;
import io.careflow.form.FormField;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of any task of a case: what the agent decided and wrote in the form's own fields
 * (not the read-only context, not the per-task checklist, the note or the offer, which are
 * recorded on their own) goes on the case as one event, "Approve compensation: Approved: Yes;
 * Comment: …", by the fields' labels. Later tasks show it in the form
 * block {@code case-facts} ({@link CaseFacts#soFar}): the state of the parcel, the lead's
 * comment reach the next step without Java per protocol. Added to every user task by
 * {@link CaseTaskFormPlugin}.
 */
@Component
public class TaskFormStepListener implements TaskListener {

  public static final String STEP_DONE = "STEP_DONE";
  /** A long text (a reply) is shown up to here; the whole text stays where its step keeps it. */
  static final int MAX_VALUE = 300;
  private static final Set<String> RECORDED_ELSEWHERE = Set.of(CaseVariables.FORM_NEW_NOTE,
      CaseVariables.FORM_OFFER_TEXT, CaseVariables.FORM_OFFER_VALID_UNTIL);

  private final DeployedTaskForms forms;
  private final ContactEvents events;
  private final UserDirectory users;

  public TaskFormStepListener(DeployedTaskForms forms, ContactEvents events, UserDirectory users) {
    this.forms = forms;
    this.events = events;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    String contactId = CaseVariables.contactId(task);
    if (contactId == null) {
      return;
    }
    forms.of(task).ifPresent(form -> {
      List<String> said = said(form, task);
      if (!said.isEmpty()) {
        events.record(contactId, STEP_DONE, TaskFormInput.actor(task, users),
            task.getName() + ": " + String.join("; ", said));
      }
    });
  }

  static List<String> said(CamundaForm form, DelegateTask task) {
    Set<String> perTask = new HashSet<>();
    form.perTask().forEach(group -> group.fields().forEach(f -> perTask.add(f.key())));
    var said = new ArrayList<String>();
    Set<String> seen = new HashSet<>();
    for (FormField field : form.fields()) {
      if (field.key() == null || !seen.add(field.key()) || perTask.contains(field.key())
          || RECORDED_ELSEWHERE.contains(field.key()) || field.disabled()
          || Boolean.TRUE.equals(field.readonly().fixed()) || field.readonly().expression() != null) {
        continue;
      }
      Object value = task.getVariableLocal(field.key()) != null ? task.getVariableLocal(field.key())
          : task.getVariable(field.key());
      if (value == null || value.toString().isBlank()) {
        continue;
      }
      said.add((field.label() == null ? field.key() : field.label()) + ": " + shown(field, value));
    }
    return said;
  }

  private static String shown(FormField field, Object value) {
    String text = value.toString().strip();
    if (value instanceof Boolean b) {
      text = b ? "yes" : "no";
    }
    return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 1) + "…";
  }
}
