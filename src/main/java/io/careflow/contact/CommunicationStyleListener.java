package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.form.FormRefusals;
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
 * the next tasks show the new tone guidance and priority, and where the style says a senior
 * agent takes over (HIGH), the case's next tasks go to the team leads, whichever protocol and
 * task it is (SPEC R3: reaching "high" at any point). Added to every user task by
 * {@link CaseTaskFormPlugin}.
 */
@Component
public class CommunicationStyleListener implements TaskListener {

  private final FormRefusals refusals;

  static final Set<String> LEVELS = Set.of("LOW", "MEDIUM", "HIGH");

  private final ContactRepository contacts;
  private final CommunicationStyle styles;
  private final ContactEvents events;
  private final UserDirectory users;
  private final HandToSeniorDelegate seniors;

  public CommunicationStyleListener(ContactRepository contacts, CommunicationStyle styles, ContactEvents events,
      UserDirectory users, HandToSeniorDelegate seniors, FormRefusals refusals) {
    this.refusals = refusals;
    this.contacts = contacts;
    this.styles = styles;
    this.events = events;
    this.users = users;
    this.seniors = seniors;
  }

  @Override
  public void notify(DelegateTask task) {
    String contactId = CaseVariables.contactId(task);
    String level = TaskFormInput.text(task, CommunicationStyle.DISSATISFACTION);
    if (contactId == null || level == null || level.isBlank()) {
      return;
    }
    if (!LEVELS.contains(level)) {
      throw refusals.reject(task, CommunicationStyle.DISSATISFACTION, "must be LOW, MEDIUM or HIGH");
    }
    Contact contact = contacts.find(contactId).orElseThrow();
    if (Objects.equals(level, contact.dissatisfaction())) {
      return;
    }
    contacts.setDissatisfaction(contactId, level);
    String actor = TaskFormInput.actor(task, users);
    String reason = (Dissatisfaction.higher(level, contact.dissatisfaction()) ? "raised" : "set") + " by " + actor
        + " on \"" + task.getName() + "\"";
    CommunicationStyle.Style style = styles.of(CaseVariables.string(task, SlaVariables.CUSTOMER_TYPE), level);
    var execution = task.getExecution();
    execution.setVariable(SlaVariables.PRIORITY, style.priority());
    execution.setVariable(CommunicationStyle.TONE_GUIDANCE, style.toneGuidance());
    execution.setVariable(CommunicationStyle.SENIOR_TAKES_OVER, style.seniorTakesOver());
    execution.setVariable(Dissatisfaction.REASON, reason);
    events.record(contactId, ContactEvents.STYLE_CHANGED, actor,
        "dissatisfaction " + level + " (" + reason + "): priority " + style.priority());
    if (style.seniorTakesOver()) {
      // on any task of any protocol: the case's next tasks go to a senior agent
      seniors.handOver(execution, actor);
    }
  }
}
