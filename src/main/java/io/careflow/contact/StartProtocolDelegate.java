package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.model.BuildingBlock;
import io.careflow.model.TopicCatalog;
import io.careflow.system.UserDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Start another protocol for the same customer" — a building block: a new case in the same
 * channel whose topic is the input {@code topic} (a topic of the classification table; its
 * protocol runs, with its own reply clock from now), naming the case it came from. E.g. a
 * cancellation that becomes a return (a call-back about a topic continues its own case instead, see
 * {@code processes/missed-call.bpmn}). Inputs:
 * {@code topic} (an empty topic starts nothing, so a form's optional choice can feed it
 * directly), {@code subject} and {@code note} (optional; the note is the new case's message).
 * Sets {@code startedContactId} to the new case's id.
 */
@BuildingBlock(value = "Start another protocol",
    inputs = {StartProtocolDelegate.TOPIC, StartProtocolDelegate.SUBJECT, StartProtocolDelegate.NOTE},
    required = StartProtocolDelegate.TOPIC)
@Component
public class StartProtocolDelegate implements JavaDelegate {

  public static final String TOPIC = "topic";
  public static final String SUBJECT = "subject";
  public static final String NOTE = "note";
  public static final String STARTED_CONTACT_ID = "startedContactId";

  private final ContactIntakeService intake;
  private final ContactRepository contacts;
  private final TopicCatalog topics;
  private final UserDirectory users;

  public StartProtocolDelegate(ContactIntakeService intake, ContactRepository contacts, TopicCatalog topics,
      UserDirectory users) {
    this.intake = intake;
    this.contacts = contacts;
    this.topics = topics;
    this.users = users;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String topic = text(execution.getVariableLocal(TOPIC));
    if (topic == null) {
      return;
    }
    if (topics.find(topic).isEmpty()) {
      throw new IllegalStateException("Start another protocol (" + execution.getCurrentActivityId() + "): topic "
          + topic + " is not in processes/contact-classification.dmn; known: " + topics.names());
    }
    Contact origin = contacts.find(CaseVariables.contactId(execution)).orElseThrow();
    String subject = text(execution.getVariableLocal(SUBJECT));
    if (subject == null) {
      subject = topics.label(topic, origin.language()) + (origin.subject() == null ? "" : ": " + origin.subject());
    }
    String actor = users.currentUser();
    Contact started = intake.follow(origin, topic, subject.length() > 500 ? subject.substring(0, 500) : subject,
        text(execution.getVariableLocal(NOTE)),
        "case:" + origin.id() + ":" + execution.getCurrentActivityId() + ":" + topic,
        actor == null ? ContactEvents.SYSTEM : actor);
    execution.setVariable(STARTED_CONTACT_ID, started.id());
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
