package io.careflow.followup;

/**
 * {@code processes/follow-up.bpmn}: one instance per planned follow-up (business key = the
 * follow-up's id). Waits for the planned day (moved into the customer's sending hours), then
 * sends the message or puts a call/custom task in front of the agent who planned it —
 * unless a newer contact made it pointless first.
 */
public final class FollowUpProcess {

  public static final String KEY = "follow-up";
  public static final String FORM_FOLLOW_UP = "follow-up-with-customer";
  /** Correlated (business key = follow-up id) when a newer contact makes the follow-up pointless. */
  public static final String MESSAGE_CANCELLED = "FollowUpCancelled";
  /** The step of sla-policy.dmn for "Follow up with the customer": from the planned time. */
  public static final String DEADLINE_STEP = "follow-up";

  public static final class Elements {
    public static final String START_FOLLOW_UP_PLANNED = "start_follow_up_planned";
    public static final String XOR_MERGE_WAIT = "xor_merge_wait";
    public static final String EVT_DUE_OR_CANCELLED = "evt_due_or_cancelled";
    public static final String TIMER_FOLLOW_UP_DUE = "timer_follow_up_due";
    public static final String MSG_FOLLOW_UP_CANCELLED = "msg_follow_up_cancelled";
    public static final String END_FOLLOW_UP_CANCELLED = "end_follow_up_cancelled";
    public static final String XOR_SENDING_HOURS = "xor_sending_hours";
    public static final String SERVICE_MOVE_TO_SENDING_HOURS = "service_move_to_sending_hours";
    public static final String XOR_MESSAGE_OR_TASK = "xor_message_or_task";
    public static final String SERVICE_SEND_FOLLOW_UP = "service_send_follow_up";
    public static final String END_FOLLOW_UP_SENT = "end_follow_up_sent";
    public static final String USER_FOLLOW_UP_WITH_CUSTOMER = "user_follow_up_with_customer";
    public static final String MSG_TASK_CANCELLED = "msg_task_cancelled";
    public static final String SERVICE_STOP_FOLLOW_UP_CLOCK = "service_stop_follow_up_clock";
    public static final String SERVICE_STOP_CANCELLED_FOLLOW_UP_CLOCK = "service_stop_cancelled_follow_up_clock";
    public static final String END_TASK_CANCELLED = "end_task_cancelled";
    public static final String END_FOLLOW_UP_DONE = "end_follow_up_done";

    private Elements() {}
  }

  /** Process variables (besides {@code contactId}, {@code customerId}, {@code team}). */
  public static final class Variables {
    public static final String FOLLOW_UP_ID = "followUpId";
    public static final String TYPE = "followUpKind";
    public static final String PLANNED_NOTE = "followUpPlannedNote";
    public static final String SEND_AT = "followUpSendAt";
    public static final String AGENT = "followUpAgent";
    public static final String OUTCOME = "followUpOutcome";

    private Variables() {}
  }

  private FollowUpProcess() {}
}
