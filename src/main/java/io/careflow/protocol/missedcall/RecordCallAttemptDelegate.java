package io.careflow.protocol.missedcall;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.model.BuildingBlock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record the call attempt": counts the attempts (the model's gateway gives up after the third)
 * and records each on the contact with the outcome so far — specific to call-backs.
 */
@BuildingBlock("Record the call attempt")
@Component
public class RecordCallAttemptDelegate implements JavaDelegate {

  private final ContactEvents events;
  private final ContactRepository contacts;

  public RecordCallAttemptDelegate(ContactEvents events, ContactRepository contacts) {
    this.events = events;
    this.contacts = contacts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object done = execution.getVariable(MissedCallProcess.CALL_ATTEMPTS);
    int attempts = (done == null ? 0 : ((Number) done).intValue()) + 1;
    execution.setVariable(MissedCallProcess.CALL_ATTEMPTS, attempts);
    String outcome = CaseVariables.string(execution, MissedCallProcess.CALL_OUTCOME);
    String contactId = CaseVariables.contactId(execution);
    events.record(contactId, "CALL_ATTEMPT", ContactEvents.SYSTEM, "attempt " + attempts + ": "
        + ("REACHED".equals(outcome) ? "reached" : "not reached"));
    contacts.recordOutcome(contactId, "REACHED".equals(outcome) ? "CALLBACK_REACHED" : "CALLBACK_NOT_REACHED",
        attempts + " attempt" + (attempts == 1 ? "" : "s"));
  }
}
