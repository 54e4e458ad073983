package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.form.FormRefusals;
import io.careflow.customer.CustomerOffers;
import io.careflow.customer.Offer;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of any task of a case: an offer the agent recorded in the form ({@code offerText},
 * {@code offerValidUntil}: a day, valid to its end in shop time, or an instant) is stored on the
 * customer, signed by the agent (SPEC R1: every agent knows what the customer was offered) — the
 * customer record and every later task show it among the open offers. An offer without its day,
 * a day without its offer, a day already past or an overlong text refuses the completion naming the
 * field (the task stays open). The values live in the offer table, not in the process. Added to
 * every user task by {@link CaseTaskFormPlugin}, so any form with these two fields records offers.
 */
@Component
public class TaskFormOfferListener implements TaskListener {

  private final FormRefusals refusals;

  private final CustomerOffers offers;
  private final UserDirectory users;
  private final BusinessHoursProperties shopTime;
  private final Clock clock;

  public TaskFormOfferListener(CustomerOffers offers, UserDirectory users, BusinessHoursProperties shopTime,
      Clock clock, FormRefusals refusals) {
    this.refusals = refusals;
    this.offers = offers;
    this.users = users;
    this.shopTime = shopTime;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String text = blankToNull(TaskFormInput.text(task, CaseVariables.FORM_OFFER_TEXT));
    String until = blankToNull(TaskFormInput.text(task, CaseVariables.FORM_OFFER_VALID_UNTIL));
    if (text == null && until == null) {
      return;
    }
    var fields = new ArrayList<String>();
    var messages = new ArrayList<String>();
    if (text == null) {
      refuse(task, fields, messages, CaseVariables.FORM_OFFER_TEXT, "is required with a valid-until date");
    } else if (text.strip().length() > Offer.MAX_TEXT) {
      refuse(task, fields, messages, CaseVariables.FORM_OFFER_TEXT, "must be at most " + Offer.MAX_TEXT + " characters");
    }
    Instant validUntil = null;
    if (until == null) {
      refuse(task, fields, messages, CaseVariables.FORM_OFFER_VALID_UNTIL, "is required with an offer");
    } else {
      validUntil = validUntil(until);
      if (validUntil == null) {
        refuse(task, fields, messages, CaseVariables.FORM_OFFER_VALID_UNTIL, "must be a date like 2026-12-31");
      } else if (!validUntil.isAfter(clock.instant())) {
        refuse(task, fields, messages, CaseVariables.FORM_OFFER_VALID_UNTIL, "must not be in the past");
      }
    }
    if (!fields.isEmpty()) {
      throw TaskFormInput.reject(List.copyOf(fields), String.join("; ", messages));
    }
    String contactId = CaseVariables.contactId(task);
    if (contactId != null) {
      offers.addDuringContact(contactId, text, validUntil, TaskFormInput.actor(task, users));
    }
    task.removeVariable(CaseVariables.FORM_OFFER_TEXT);
    task.removeVariable(CaseVariables.FORM_OFFER_VALID_UNTIL);
  }

  /** A day holds to its end in the shop's time zone; an instant as given. Null: neither. */
  private Instant validUntil(String value) {
    try {
      return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? "" : value.strip())
          .plusDays(1).atStartOfDay(shopTime.zone()).toInstant().minusSeconds(1);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(value.strip()).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private void refuse(DelegateTask task, List<String> fields, List<String> messages, String field, String message) {
    fields.add(field);
    messages.add(refusals.label(task, field) + ": " + message);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
