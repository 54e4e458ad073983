package io.careflow.reporting;

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
