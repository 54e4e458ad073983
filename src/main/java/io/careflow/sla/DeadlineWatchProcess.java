package io.careflow.sla;

/**
 * Descriptor of {@code processes/deadline-watch.bpmn}: one instance per running deadline, three
 * timers side by side
 * (business key = the contact's id, so the case's audit shows its timers; variable
 * {@link #DEADLINE_ID} names the deadline) that waits for its warning point, its due time and twice
 * the allowed time, and handles each (SPEC R2) — so a guarded task carries no timers of its
 * own. A pause, the end of the deadline or a new target stops it (message
 * {@link #MESSAGE_STOPPED}); a resumed or re-targeted deadline gets a new one.
 */
public final class DeadlineWatchProcess {

  public static final String KEY = "deadline-watch";
  public static final String MESSAGE_STOPPED = "DeadlineStopped";

  /** Variables: which deadline, and its three points in time (Date); the case is the business key. */
  public static final String DEADLINE_ID = "deadlineId";
  public static final String WARNING_AT = "warningAt";
  public static final String DUE_AT = "dueAt";
  public static final String ESCALATION_AT = "escalationAt";

  public static final class Elements {
    public static final String START_DEADLINE_RUNNING = "start_deadline_running";
    public static final String AND_THREE_POINTS = "and_three_points";
    public static final String TIMER_WARNING_POINT = "timer_warning_point";
    public static final String SERVICE_WARN_ASSIGNEE = "service_warn_assignee";
    public static final String END_ASSIGNEE_WARNED = "end_assignee_warned";
    public static final String TIMER_DEADLINE = "timer_deadline";
    public static final String SERVICE_OFFER_TO_LEADS = "service_offer_to_leads";
    public static final String END_LEADS_TOLD = "end_leads_told";
    public static final String TIMER_TWICE_THE_TIME = "timer_twice_the_time";
    public static final String SERVICE_TELL_MANAGERS = "service_tell_managers";
    public static final String END_MANAGERS_TOLD = "end_managers_told";
    public static final String EVENT_CLOCK_STOPPED = "event_clock_stopped";
    public static final String START_CLOCK_STOPPED = "start_clock_stopped";
    public static final String END_CLOCK_STOPPED = "end_clock_stopped";

    private Elements() {}
  }

  private DeadlineWatchProcess() {}
}
