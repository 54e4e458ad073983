package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Start of "Run the protocol" ({@code call_protocol}): writes the topic, protocol and team the
 * classification table (or the triage agent) settled on to the contact. The team is the one
 * that runs the case — {@code team-leads} when a senior agent took over.
 */
@Component
public class RecordClassificationListener implements ExecutionListener {

  private final ContactRepository contacts;
  private final ContactEvents events;
  private final ApplicationEventPublisher publisher;

  public RecordClassificationListener(ContactRepository contacts, ContactEvents events,
      ApplicationEventPublisher publisher) {
    this.contacts = contacts;
    this.events = events;
    this.publisher = publisher;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String contactId = CaseVariables.contactId(execution);
    String topic = CaseVariables.string(execution, CaseVariables.TOPIC);
    String protocol = CaseVariables.string(execution, CaseVariables.PROTOCOL_KEY);
    String team = CaseVariables.string(execution, CaseVariables.TEAM);
    contacts.setClassification(contactId, topic, protocol, team);
    events.record(contactId, ContactEvents.CLASSIFIED, ContactEvents.SYSTEM,
        "topic " + (topic == null ? "unknown" : topic) + ", protocol " + protocol + ", team " + team);
    if (topic != null) {
      publisher.publishEvent(new ContactClassified(contactId, CaseVariables.string(execution, CaseVariables.CUSTOMER_ID),
          topic));
    }
  }
}
