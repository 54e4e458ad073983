package io.careflow.reporting;

import java.util.List;

/**
 * The SQL definitions of the measures that more than one query needs — the KPIs, the
 * dashboard's backlog and the case search that its links open — written once so the count on
 * the dashboard and the list behind it can never differ. Each reads a contact as {@code c} (and a
 * deadline as {@code d}); the same SQL runs on H2 and PostgreSQL.
 */
public final class KpiSql {

  /** Cases that ended, resolved or closed: the denominator of first-contact resolution. */
  public static final String FINISHED = "case when c.status in ('RESOLVED', 'CLOSED') then 1 else 0 end";

  /**
   * Resolved in the first contact (docs/reference.md "KPI definitions"): resolved; the agent did not say
   * otherwise; a call-back that reached the customer; no question from the shop, no further
   * message from the customer, at most one answer (one look at the contact's messages: a
   * question or a customer message weighs 2, an answer 1, a notice 0 — at most 1 in all); and
   * the customer did not come back on the same topic from receipt until 7 days after the
   * resolution.
   */
  public static final String FIRST_CONTACT_RESOLVED = """
      case when c.status = 'RESOLVED'
            and coalesce(c.first_contact_resolved, true)
            and (c.outcome is null or c.outcome <> 'CALLBACK_NOT_REACHED')
            and coalesce((select sum(case when m.direction = 'IN' or m.kind = 'QUESTION' then 2
                                          when m.kind = 'ANSWER' then 1 else 0 end)
                          from message m where m.contact_id = c.id), 0) <= 1
            and not exists (select 1 from contact r where r.customer_id = c.customer_id and r.topic = c.topic
                            and r.id <> c.id and r.proactive = false and r.received_at > c.received_at
                            and r.received_at < c.resolved_at + interval '7' day)
       then 1 else 0 end""";


  public static final String OPEN_STATUSES = "('OPEN', 'WAITING_FOR_CUSTOMER')";

  /** A satisfied customer: CSAT 4 or 5 of 5 (docs/reference.md "KPI definitions"), of a survey answer {@code s}. */
  public static final String CSAT_SATISFIED = "case when s.csat >= 4 then 1 else 0 end";
  /** NPS promoter: 9 or 10. */
  public static final String NPS_PROMOTER = "case when s.nps >= 9 then 1 else 0 end";
  /** NPS passive: 7 or 8. */
  public static final String NPS_PASSIVE = "case when s.nps between 7 and 8 then 1 else 0 end";
  /** NPS detractor: 0 to 6. */
  public static final String NPS_DETRACTOR = "case when s.nps <= 6 then 1 else 0 end";

  /**
   * A contact's survey facts, one column each in the order of {@link KpiRepository.Surveys} (and of
   * the archived columns {@link KpiRepository.Surveys#COLUMNS}), over a survey answer {@code s} that
   * may be missing (all 0 then): the live KPIs sum them, retention archives them per contact.
   */
  static final List<String> SURVEY_FACTS = List.of("case when s.contact_id is null then 0 else 1 end",
      "coalesce(s.csat, 0)", CSAT_SATISFIED, "coalesce(s.ces, 0)", NPS_PROMOTER, NPS_PASSIVE, NPS_DETRACTOR);

  /** The sums of {@link #SURVEY_FACTS}, for a select list. */
  static String surveySums() {
    return String.join(", ", SURVEY_FACTS.stream().map(fact -> "sum(" + fact + ")").toList());
  }

  /** The same sums from the archived days {@code a}. */
  static String archivedSurveySums() {
    return String.join(", ", KpiRepository.Surveys.COLUMNS.stream().map(column -> "sum(a." + column + ")").toList());
  }

  private KpiSql() {}

  /**
   * An open deadline that has passed: marked breached, or due before {@code now} with its clock
   * running (a clock that stands still while the shop waits for the customer is not overdue).
   * {@code now} is the parameter marker to use ({@code ?} or {@code :now}).
   */
  public static String overdue(String now) {
    return "d.completed_at is null and (d.breached_at is not null or (d.paused_at is null and d.due_at < "
        + now + "))";
  }

  /** An open deadline, its clock running, not yet passed, due before {@code soon}. */
  public static String dueSoon(String now, String soon) {
    return "d.completed_at is null and d.paused_at is null and d.breached_at is null and d.due_at >= " + now
        + " and d.due_at < " + soon;
  }
}
