package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.model.BuildingBlock;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record the outcome" — a building block for every protocol: what came of the case, in the
 * protocol's words, on the contact (its {@code outcome}, shown to managers and in the customer
 * record) and on its timeline. Inputs:
 * <ul>
 *   <li>{@code outcome} (required): a code, usually from a form field, e.g.
 *       {@code RETURN_${returnDecision}} or {@code COMPLAINT_JUSTIFIED};</li>
 *   <li>{@code outcomeDetail} (optional): words that go with it, e.g. the reason given;</li>
 *   <li>{@code caseEnds} (optional): {@code RESOLVED} or {@code CLOSED} — how the contact ends
 *       when its protocol ends (default: resolved; a customer who never answered: closed).</li>
 * </ul>
 */
@BuildingBlock(value = "Record the outcome",
    inputs = {RecordOutcomeDelegate.OUTCOME, RecordOutcomeDelegate.OUTCOME_DETAIL, RecordOutcomeDelegate.CASE_ENDS},
    required = RecordOutcomeDelegate.OUTCOME)
@Component
public class RecordOutcomeDelegate implements JavaDelegate {

  public static final String OUTCOME = "outcome";
  public static final String OUTCOME_DETAIL = "outcomeDetail";
  public static final String CASE_ENDS = "caseEnds";
  public static final Set<String> CASE_ENDINGS = Set.of("RESOLVED", CaseVariables.OUTCOME_CLOSED);
  static final int MAX_OUTCOME = 100;
  static final int MAX_DETAIL = 2000;

  private final ContactRepository contacts;
  private final ContactEvents events;

  public RecordOutcomeDelegate(ContactRepository contacts, ContactEvents events) {
    this.contacts = contacts;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = text(execution, OUTCOME);
    if (outcome == null) {
      throw new IllegalStateException("Record the outcome (" + execution.getCurrentActivityId()
          + ") needs the input outcome, e.g. RETURN_${returnDecision}");
    }
    outcome = outcome.toUpperCase(Locale.ROOT);
    if (outcome.length() > MAX_OUTCOME) {
      throw new IllegalStateException("An outcome code has at most " + MAX_OUTCOME + " characters: " + outcome);
    }
    String detail = text(execution, OUTCOME_DETAIL);
    if (detail != null && detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL - 1) + "…";
    }
    record(CaseVariables.contactId(execution), outcome, detail);
    String ends = text(execution, CASE_ENDS);
    if (ends != null) {
      ends = ends.toUpperCase(Locale.ROOT);
      if (!CASE_ENDINGS.contains(ends)) {
        throw new IllegalStateException("caseEnds must be RESOLVED or CLOSED, was " + ends);
      }
      execution.setVariable(CaseVariables.CASE_OUTCOME, ends);
    }
  }

  /** The outcome on the contact and on its timeline. */
  public void record(String contactId, String outcome, String detail) {
    contacts.recordOutcome(contactId, outcome, detail);
    events.record(contactId, ContactEvents.OUTCOME, ContactEvents.SYSTEM,
        detail == null ? outcome : outcome + ": " + detail);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
