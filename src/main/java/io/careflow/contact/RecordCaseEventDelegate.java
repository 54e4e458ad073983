package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.model.BuildingBlock;
import io.careflow.system.UserDirectory;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record on the case" — a building block: a step of the protocol on the contact's timeline, as
 * managers read it ("item received: box dented", "specialist called: replacement agreed for
 * Monday"). Inputs: {@code event} (required, a code such as {@code RETURN_RECEIVED}) and
 * {@code detail} (optional text, usually a form field). The actor is whoever completed the task
 * before it (the step runs in the same transaction), else the system.
 */
@BuildingBlock(value = "Record on the case", inputs = {RecordCaseEventDelegate.EVENT, RecordCaseEventDelegate.DETAIL},
    required = RecordCaseEventDelegate.EVENT)
@Component
public class RecordCaseEventDelegate implements JavaDelegate {

  public static final String EVENT = "event";
  public static final String DETAIL = "detail";

  private final ContactEvents events;
  private final UserDirectory users;

  public RecordCaseEventDelegate(ContactEvents events, UserDirectory users) {
    this.events = events;
    this.users = users;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object event = execution.getVariable(EVENT);
    if (event == null || event.toString().isBlank()) {
      throw new IllegalStateException("Record on the case (" + execution.getCurrentActivityId()
          + ") needs the input event, e.g. RETURN_RECEIVED");
    }
    Object detail = execution.getVariable(DETAIL);
    String actor = users.currentUser();
    events.record(CaseVariables.contactId(execution), event.toString().strip().toUpperCase(Locale.ROOT),
        actor == null ? ContactEvents.SYSTEM : actor,
        detail == null || detail.toString().isBlank() ? null : detail.toString().strip());
  }
}
