package io.careflow.protocol.missedcall;

/** Descriptor of {@code processes/missed-call.bpmn}: key, element ids, variables. */
public final class MissedCallProcess {

  public static final String KEY = "missed-call";
  public static final int MAX_ATTEMPTS = 3;
  /** The step of sla-policy.dmn for "Call the customer again": from the time the agent chose. */
  public static final String CALL_AGAIN_STEP = "call-again";

  public static final String CALL_OUTCOME = "callOutcome";
  public static final String CALL_NOTES = "callNotes";
  public static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
  public static final String CALL_ATTEMPTS = "callAttempts";
  /**
   * What a call that reached the customer was about: a topic whose protocol this case continues
   * with (optional). The call-back form suggests the topic the channel named ({@code topicHint}).
   */
  public static final String CALL_TOPIC = "callTopic";
  /** When the customer asked to be called (a web form's call-me request, in working hours); null: now. */
  public static final String CALL_BACK_AT = io.careflow.casefile.CaseVariables.CALL_BACK_AT;

  public static final class Elements {
    public static final String XOR_TIME_REQUESTED = "xor_time_requested";
    public static final String SERVICE_PAUSE_UNTIL_REQUESTED = "service_pause_until_requested";
    public static final String TIMER_REQUESTED_TIME = "timer_requested_time";
    public static final String SERVICE_RESUME_AT_REQUESTED = "service_resume_at_requested";
    public static final String XOR_MERGE_CALL = "xor_merge_call";
    public static final String USER_CALL_BACK = "user_call_back";
    public static final String SERVICE_STOP_REPLY_CLOCK = "service_stop_reply_clock";
    public static final String SERVICE_RECORD_CALL_ATTEMPT = "service_record_call_attempt";
    public static final String XOR_REACHED = "xor_reached";
    public static final String XOR_CALL_TOPIC = "xor_call_topic";
    public static final String RULE_CLASSIFY_CALL_TOPIC = "rule_classify_call_topic";
    public static final String CALL_TOPIC_PROTOCOL = "call_topic_protocol";
    public static final String END_TOPIC_PROTOCOL_DONE = "end_topic_protocol_done";
    public static final String END_CUSTOMER_REACHED = "end_customer_reached";
    public static final String XOR_ATTEMPTS_LEFT = "xor_attempts_left";
    public static final String TIMER_NEXT_ATTEMPT = "timer_next_attempt";
    public static final String USER_CALL_AGAIN = "user_call_again";
    public static final String SERVICE_STOP_CALL_AGAIN_CLOCK = "service_stop_call_again_clock";
    public static final String SERVICE_SEND_WE_TRIED = "service_send_we_tried";
    public static final String SERVICE_CLOSE_UNREACHABLE = "service_close_unreachable";
    public static final String END_CUSTOMER_UNREACHABLE = "end_customer_unreachable";

    private Elements() {}
  }

  private MissedCallProcess() {}
}
