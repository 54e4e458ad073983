package io.careflow.protocol.missedcall;

import io.careflow.form.FormFields;
import io.careflow.communication.PhoneCalls;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.form.FormRefusals;
import io.careflow.customer.CustomerNotes;
import io.careflow.customer.Note;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.model.BuildingBlock;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A call-back attempt done ("Call the customer back" / "again"): reached or not. What was said
 * lands on the customer record as a note, signed by the agent (SPEC R1: what a customer said on
 * the phone is known in the next chat). Not reached and attempts left: the agent chooses when to
 * try again (in the future, within 7 days; a time without offset is shop time). Reached: the
 * call is the agent's reply on the contact (it counts for the relationship like a written one)
 * and the next communication is planned. Stays Java for
 * what the form cannot express: the next attempt's time is required only when the call did not
 * reach the customer and attempts are left, and must lie within the next 7 days.
 */
@BuildingBlock("Call-back attempt")
@Component
public class CallAttemptListener implements TaskListener {

  private final FormFields formFields;

  static final Duration LATEST_NEXT_ATTEMPT = Duration.ofDays(7);

  private final PlanFollowUpListener followUps;
  private final CustomerNotes notes;
  private final PhoneCalls calls;
  private final UserDirectory users;
  private final Clock clock;
  private final BusinessHoursProperties shopTime;
  private final FormRefusals refusals;

  public CallAttemptListener(PlanFollowUpListener followUps, CustomerNotes notes, PhoneCalls calls,
      UserDirectory users, Clock clock, BusinessHoursProperties shopTime, FormRefusals refusals, FormFields formFields) {
    this.formFields = formFields;
    this.followUps = followUps;
    this.notes = notes;
    this.calls = calls;
    this.users = users;
    this.clock = clock;
    this.shopTime = shopTime;
    this.refusals = refusals;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = formFields.oneOf(task, MissedCallProcess.CALL_OUTCOME, Set.of("REACHED", "NOT_REACHED"));
    String said = formFields.optional(task, MissedCallProcess.CALL_NOTES, Note.MAX_TEXT);
    boolean reached = outcome.equals("REACHED");
    if (!reached) {
      // refused before anything is written: a bad next time keeps the task open with nothing stored
      Object done = task.getVariable(MissedCallProcess.CALL_ATTEMPTS);
      int attempt = (done == null ? 0 : ((Number) done).intValue()) + 1;
      if (attempt < MissedCallProcess.MAX_ATTEMPTS) {
        task.getExecution().setVariable(MissedCallProcess.NEXT_ATTEMPT_AT, Date.from(nextAttempt(task)));
      }
    }
    String contactId = CaseVariables.contactId(task);
    String agent = TaskFormInput.actor(task, users);
    if (reached) {
      followUps.planFrom(task);
      if (!ContactEvents.SYSTEM.equals(agent)) {
        calls.recordReached(contactId, agent, said);
      }
    }
    if (said != null) {
      notes.addDuringContact(contactId, said, agent);
      // kept in the note table: the next attempt's form starts empty instead of storing it twice
      task.removeVariable(MissedCallProcess.CALL_NOTES);
    }
  }

  private Instant nextAttempt(DelegateTask task) {
    String text = TaskFormInput.text(task, MissedCallProcess.NEXT_ATTEMPT_AT);
    if (text == null || text.isBlank()) {
      throw refusals.reject(task, MissedCallProcess.NEXT_ATTEMPT_AT, "choose when to try again");
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        at = LocalDateTime.parse(text).atZone(shopTime.zone()).toInstant();
      } catch (DateTimeParseException e) {
        throw refusals.reject(task, MissedCallProcess.NEXT_ATTEMPT_AT, "must be a date and time like 2026-12-01T10:00");
      }
    }
    Instant now = clock.instant();
    if (!at.isAfter(now) || at.isAfter(now.plus(LATEST_NEXT_ATTEMPT))) {
      throw refusals.reject(task, MissedCallProcess.NEXT_ATTEMPT_AT, "must lie in the next 7 days");
    }
    return at;
  }
}
