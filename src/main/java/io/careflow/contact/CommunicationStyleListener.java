package io.careflow.contact;

import io.careflow.sla.SlaVariables;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of any task of a case: when the agent set a different dissatisfaction (triage
 * or any form), it is recorded on the contact and the communication style is chosen again —
 * the next tasks show the new tone guidance and priority. Added to every user task by
 * {@link CaseTaskFormPlugin}.
 */
@Component
public class CommunicationStyleListener implements TaskListener {

  static final Set<String> LEVELS = Set.of("LOW", "MEDIUM", "HIGH");

  private final ContactRepository contacts;
  private final CommunicationStyle styles;
  private final ContactEvents events;
  private final UserDirectory users;

  public CommunicationStyleListener(ContactRepository contacts, CommunicationStyle styles, ContactEvents events,
      UserDirectory users) {
    this.contacts = contacts;
    this.styles = styles;
    this.events = events;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    String contactId = CaseVariables.contactId(task);
    String level = TaskFormInput.text(task, CommunicationStyle.DISSATISFACTION);
    if (contactId == null || level == null || level.isBlank()) {
      return;
    }
    if (!LEVELS.contains(level)) {
      throw TaskFormInput.reject(CommunicationStyle.DISSATISFACTION, "must be LOW, MEDIUM or HIGH");
    }
    Contact contact = contacts.find(contactId).orElseThrow();
    if (Objects.equals(level, contact.dissatisfaction())) {
      return;
    }
    contacts.setDissatisfaction(contactId, level);
    CommunicationStyle.Style style = styles.of(CaseVariables.string(task, SlaVariables.CUSTOMER_TYPE), level);
    task.getExecution().setVariable(SlaVariables.PRIORITY, style.priority());
    task.getExecution().setVariable(CommunicationStyle.TONE_GUIDANCE, style.toneGuidance());
    task.getExecution().setVariable(CommunicationStyle.SENIOR_TAKES_OVER, style.seniorTakesOver());
    events.record(contactId, ContactEvents.STYLE_CHANGED, TaskFormInput.actor(task, users),
        "dissatisfaction " + level + ": priority " + style.priority());
  }
}
