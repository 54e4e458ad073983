package io.careflow.contact;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark contact resolved" ({@code service_resolve_contact}): the protocol has ended. */
@Component
public class ResolveContactDelegate implements JavaDelegate {

  private final ContactRepository contacts;
  private final ContactEvents events;
  private final Clock clock;

  public ResolveContactDelegate(ContactRepository contacts, ContactEvents events, Clock clock) {
    this.contacts = contacts;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String contactId = CaseVariables.contactId(execution);
    contacts.resolve(contactId, clock.instant());
    events.record(contactId, ContactEvents.RESOLVED, ContactEvents.SYSTEM, "protocol "
        + CaseVariables.string(execution, CaseVariables.PROTOCOL_KEY) + " ended");
  }
}
