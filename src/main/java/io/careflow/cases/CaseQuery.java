package io.careflow.cases;

import io.careflow.casefile.Channel;
import io.careflow.casefile.ContactStatus;
import java.time.Instant;
import java.util.Set;

/**
 * What a case search asks for; every part optional (null: any). Text parts match partially and
 * ignoring case; {@code from} and {@code to} bound the receipt ({@code [from, to)}).
 *
 * @param customer  part of the customer's name, e-mail address, phone number or channel handle
 * @param order     part of the order number the contact named
 * @param team      the team that runs the case; {@link #TRIAGE}: none yet
 * @param agent     a user who held one of the case's tasks
 * @param breached  whether any deadline of the case was missed (or has passed and is still open)
 * @param sla       the state of the reply deadline
 * @param deadline  an open deadline now: overdue, or due within the hour
 * @param fcr       resolved in the first contact, as the KPIs count it
 * @param proactive opened by the shop itself (a delayed shipment) rather than by the customer
 * @param page      0-based
 */
public record CaseQuery(String customer, String order, String topic, Channel channel, String team, String agent,
    Set<ContactStatus> statuses, String outcome, Boolean breached, SlaState sla, OpenDeadline deadline,
    Boolean fcr, Boolean proactive, Instant from, Instant to, int page, int size) {

  /** The team filter for cases no team runs yet (still in triage), as the dashboard names them. */
  public static final String TRIAGE = "triage";
  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** Every case, first page. */
  public static CaseQuery all() {
    return new CaseQuery(null, null, null, null, null, null, Set.of(), null, null, null, null, null, null, null,
        null, 0, DEFAULT_SIZE);
  }

  public CaseQuery {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }

  public CaseQuery withCustomer(String text) {
    return new CaseQuery(text, order, topic, channel, team, agent, statuses, outcome, breached, sla, deadline, fcr,
        proactive, from, to, page, size);
  }

  public CaseQuery withPage(int newPage, int newSize) {
    return new CaseQuery(customer, order, topic, channel, team, agent, statuses, outcome, breached, sla, deadline,
        fcr, proactive, from, to, newPage, newSize);
  }

  /** The state of a case's reply deadline, as the result rows show it. */
  public enum SlaState {
    /** replied in time */
    MET,
    /** replied late, or closed without a reply in time */
    BREACHED,
    /** not replied yet, still in time (or the clock stands while the shop waits for the customer) */
    OPEN,
    /** not replied yet and past due */
    OVERDUE
  }

  /** Open deadlines now, as the dashboard's backlog counts them. */
  public enum OpenDeadline {
    /** an open deadline has passed (marked breached, or due and its clock running) */
    OVERDUE,
    /** an open deadline, its clock running, falls due within the next hour */
    DUE_SOON
  }
}
