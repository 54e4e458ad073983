package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.form.FormRefusals;
import io.careflow.customer.CustomerNotes;
import io.careflow.customer.Note;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of any task of a case: a note the agent typed into the form's
 * {@code newNote} field is stored on the customer, signed by the agent, and shown in later
 * tasks (SPEC R1). An overlong note refuses the completion (the task stays open); the text
 * lives in the note table, not in the process. Added to every user task by
 * {@link CaseTaskFormPlugin}.
 */
@Component
public class TaskFormNoteListener implements TaskListener {

  private final FormRefusals refusals;

  private final CustomerNotes notes;
  private final UserDirectory users;

  public TaskFormNoteListener(CustomerNotes notes, UserDirectory users, FormRefusals refusals) {
    this.refusals = refusals;
    this.notes = notes;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    String text = TaskFormInput.text(task, CaseVariables.FORM_NEW_NOTE);
    if (text == null) {
      return;
    }
    if (text.strip().length() > Note.MAX_TEXT) {
      throw refusals.reject(task, CaseVariables.FORM_NEW_NOTE, "must be at most " + Note.MAX_TEXT + " characters");
    }
    String contactId = CaseVariables.contactId(task);
    if (!text.isBlank() && contactId != null) {
      notes.addDuringContact(contactId, text, TaskFormInput.actor(task, users));
    }
    task.removeVariable(CaseVariables.FORM_NEW_NOTE);
  }
}
