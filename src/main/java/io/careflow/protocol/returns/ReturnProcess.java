package io.careflow.protocol.returns;

/** Descriptor of {@code processes/return.bpmn}: key, element ids, variables. */
public final class ReturnProcess {

  public static final String KEY = "return";
  public static final String MESSAGE_RETURN_FORM_SUBMITTED = "ReturnFormSubmitted";
  /** The warehouse has the returned parcel ({@link ReturnArrivals}). */
  public static final String MESSAGE_RETURNED_ITEM_ARRIVED = "ReturnedItemArrived";
  public static final String LINK_PURPOSE = "return-form";
  /** The step of sla-policy.dmn for "Inspect item": from the parcel's arrival to the decision. */
  public static final String INSPECTION_STEP = "return-inspection";
  /** The notice with the return instructions, sent by the model after the form. */
  public static final String NOTICE_INSTRUCTIONS = "return-instructions";

  public static final String RETURN_SUMMARY = "returnSummary";
  public static final String ITEM_RECEIVED = "itemReceived";
  public static final String PARCEL_NOTES = "parcelNotes";
  public static final String ITEM_CONDITION = "itemCondition";
  public static final String DECISION = "returnDecision";
  public static final String DECISION_REASON = "returnDecisionReason";

  public static final class Elements {
    public static final String SERVICE_SEND_RETURN_FORM_LINK = "service_send_return_form_link";
    public static final String SERVICE_STOP_REPLY_CLOCK = "service_stop_reply_clock";
    public static final String RECEIVE_RETURN_FORM = "receive_return_form";
    public static final String TIMER_RETURN_REMINDER = "timer_return_reminder";
    public static final String SERVICE_SEND_RETURN_REMINDER = "service_send_return_reminder";
    public static final String TIMER_RETURN_FORM_EXPIRED = "timer_return_form_expired";
    public static final String END_RETURN_ABANDONED = "end_return_abandoned";
    public static final String AND_INSTRUCTIONS_AND_PARCEL = "and_instructions_and_parcel";
    public static final String SERVICE_SEND_RETURN_INSTRUCTIONS = "service_send_return_instructions";
    public static final String END_RETURN_INSTRUCTIONS_SENT = "end_return_instructions_sent";
    public static final String RECEIVE_RETURNED_ITEM = "receive_returned_item";
    public static final String TIMER_RETURN_NEVER_ARRIVED = "timer_return_never_arrived";
    public static final String SERVICE_TELL_NOT_ARRIVED = "service_tell_not_arrived";
    public static final String END_RETURN_NEVER_ARRIVED = "end_return_never_arrived";
    public static final String USER_INSPECT_ITEM = "user_inspect_item";
    public static final String SERVICE_STOP_INSPECTION_CLOCK = "service_stop_inspection_clock";
    public static final String SERVICE_RECORD_RETURN_OUTCOME = "service_record_return_outcome";
    public static final String SERVICE_TELL_REFUND = "service_tell_refund";
    public static final String SERVICE_TELL_EXCHANGE = "service_tell_exchange";
    public static final String SERVICE_TELL_REJECTION = "service_tell_rejection";
    public static final String END_RETURN_RESOLVED = "end_return_resolved";

    private Elements() {}
  }

  private ReturnProcess() {}
}
