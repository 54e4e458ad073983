package io.careflow.followup;

import io.careflow.form.FormRefusals;
import io.careflow.communication.MessageKind;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.CaseVariables;
import io.careflow.model.BuildingBlock;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of the last agent task of a protocol: the agent plans the next communication
 * (form fields {@code followUpType}, {@code followUpDate}, {@code followUpNote}) or says none
 * is needed. A plan needs a date in the future (within a year; sent at 10:00 shop time that
 * day) and a custom plan a note. A question to the customer plans nothing yet.
 */
@BuildingBlock("Plan the next communication")
@Component
public class PlanFollowUpListener implements TaskListener {

  private final FormRefusals refusals;

  public static final String TYPE = "followUpType";
  public static final String DATE = "followUpDate";
  public static final String NOTE = "followUpNote";
  static final LocalTime SEND_AT = LocalTime.of(10, 0);

  private final FollowUpPlans plans;
  private final UserDirectory users;
  private final Clock clock;
  private final BusinessHoursProperties shopTime;

  public PlanFollowUpListener(FollowUpPlans plans, UserDirectory users, Clock clock,
      BusinessHoursProperties shopTime, FormRefusals refusals) {
    this.refusals = refusals;
    this.plans = plans;
    this.users = users;
    this.clock = clock;
    this.shopTime = shopTime;
  }

  @Override
  public void notify(DelegateTask task) {
    if (MessageKind.QUESTION.name().equals(TaskFormInput.text(task, ReplyStep.REPLY_KIND))) {
      return;
    }
    planFrom(task);
  }

  /** Reads, checks and stores the plan of the task's form; for listeners that plan only on some outcomes. */
  public void planFrom(DelegateTask task) {
    String typeText = TaskFormInput.text(task, TYPE);
    FollowUpType type;
    try {
      type = FollowUpType.valueOf(typeText == null ? "" : typeText);
      if (!type.plannedByAgents()) {
        throw new IllegalArgumentException(typeText);
      }
    } catch (IllegalArgumentException e) {
      throw refusals.reject(task, TYPE, "choose the next communication, or NONE");
    }
    String note = TaskFormInput.text(task, NOTE);
    note = note == null || note.isBlank() ? null : note.strip();
    if (note != null && note.length() > 2000) {
      throw refusals.reject(task, NOTE, "must be at most 2000 characters");
    }
    Instant plannedFor = null;
    if (type != FollowUpType.NONE) {
      plannedFor = date(task, TaskFormInput.text(task, DATE));
      if (type == FollowUpType.CUSTOM && note == null) {
        throw refusals.reject(task, NOTE, "say what the custom follow-up is");
      }
    }
    plans.plan(CaseVariables.contactId(task), type, plannedFor, note, TaskFormInput.actor(task, users),
        (String) task.getVariable(CaseVariables.TEAM));
    for (String field : new String[] {TYPE, DATE, NOTE}) {
      task.getExecution().removeVariable(field);
    }
  }

  private Instant date(DelegateTask task, String text) {
    if (text == null || text.isBlank()) {
      throw refusals.reject(task, DATE, "choose the day of the follow-up");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw refusals.reject(task, DATE, "must be a date like 2026-12-24");
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), shopTime.zone());
    if (!day.isAfter(today) || day.isAfter(today.plusYears(1))) {
      throw refusals.reject(task, DATE, "must lie after today and within a year");
    }
    return day.atTime(SEND_AT).atZone(shopTime.zone()).toInstant();
  }
}
