package io.careflow.reporting;

import io.careflow.reporting.KpiRepository.Surveys;
import java.util.ArrayList;
import java.util.List;

/**
 * A day's sums of the contacts' KPI facts: what the per-day series adds up from the live contacts
 * and what {@code kpi_day} keeps, per channel, team and topic, of the contacts retention deleted
 * ({@link ContactRetention}). One record for both, so the live and the archived figures are the
 * same sums.
 */
record KpiDayTotals(long contacts, long finished, long firstContactResolved, long slaDecided, long slaMet,
    Surveys surveys) {

  static final KpiDayTotals NONE = new KpiDayTotals(0, 0, 0, 0, 0, Surveys.NONE);

  /** kpi_day's columns, in the order of {@link #values()}. */
  static final List<String> COLUMNS;

  static {
    var columns = new ArrayList<>(List.of("contacts", "finished", "first_contact_resolved", "sla_decided", "sla_met"));
    columns.addAll(Surveys.COLUMNS);
    COLUMNS = List.copyOf(columns);
  }

  static KpiDayTotals volume(long contacts, long finished, long firstContactResolved) {
    return new KpiDayTotals(contacts, finished, firstContactResolved, 0, 0, Surveys.NONE);
  }

  static KpiDayTotals sla(long decided, long met) {
    return new KpiDayTotals(0, 0, 0, decided, met, Surveys.NONE);
  }

  static KpiDayTotals surveys(Surveys surveys) {
    return new KpiDayTotals(0, 0, 0, 0, 0, surveys);
  }

  KpiDayTotals plus(KpiDayTotals other) {
    return new KpiDayTotals(contacts + other.contacts, finished + other.finished,
        firstContactResolved + other.firstContactResolved, slaDecided + other.slaDecided, slaMet + other.slaMet,
        surveys.plus(other.surveys));
  }

  /** The sums in the order of {@link #COLUMNS}. */
  List<Long> values() {
    var values = new ArrayList<>(List.of(contacts, finished, firstContactResolved, slaDecided, slaMet));
    values.addAll(surveys.values());
    return values;
  }
}
