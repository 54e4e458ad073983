package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Mark contact resolved (or closed)" ({@code service_resolve_contact}): the protocol has
 * ended — RESOLVED, or CLOSED when the customer never answered the shop's question or the
 * protocol recorded its outcome with {@code caseEnds = CLOSED}.
 */
@Component
public class ResolveContactDelegate implements JavaDelegate {

  private final ContactRepository contacts;
  private final ContactEvents events;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;

  public ResolveContactDelegate(ContactRepository contacts, ContactEvents events, ApplicationEventPublisher publisher,
      Clock clock) {
    this.contacts = contacts;
    this.events = events;
    this.publisher = publisher;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String contactId = CaseVariables.contactId(execution);
    String protocol = CaseVariables.string(execution, CaseVariables.PROTOCOL_KEY);
    Object caseOutcome = execution.getVariable(CaseVariables.CASE_OUTCOME);
    if (CaseVariables.OUTCOME_NO_ANSWER.equals(caseOutcome) || CaseVariables.OUTCOME_CLOSED.equals(caseOutcome)) {
      contacts.close(contactId, clock.instant());
      events.record(contactId, ContactEvents.CLOSED, ContactEvents.SYSTEM, "protocol " + protocol
          + (CaseVariables.OUTCOME_NO_ANSWER.equals(caseOutcome) ? " ended without an answer from the customer"
              : " ended, the case closed"));
    } else {
      contacts.resolve(contactId, clock.instant());
      events.record(contactId, ContactEvents.RESOLVED, ContactEvents.SYSTEM, "protocol " + protocol + " ended");
      publisher.publishEvent(new ContactResolved(contactId));
    }
  }
}
