package io.careflow.protocol.defect;

import java.util.List;

/** Descriptor of {@code processes/defect-replacement.bpmn}: key, element ids, variables. */
public final class DefectReplacementProcess {

  public static final String KEY = "defect-replacement";
  public static final String MESSAGE_REPLACEMENT_REQUESTED = "ReplacementRequested";
  public static final String LINK_PURPOSE = "replacement-request";
  public static final String REVIEW_STEP = "replacement-review";
  /**
   * The step of sla-policy.dmn for "reviewed and contacted": from the request's registration until
   * the specialist has talked with the customer (or the customer was told of a rejection).
   */
  public static final String CONTACT_STEP = "replacement-contact";
  /** The step of sla-policy.dmn for "Ship the replacement": from the specialist's call to the carrier. */
  public static final String SHIPPING_STEP = "replacement-shipping";

  /** The conversation algorithm of SPEC R3, as the form's checklist keys. */
  public static final String DIALOGUE_LISTEN = "dialogueListen";
  public static final String DIALOGUE_EMPATHY = "dialogueEmpathy";
  public static final String DIALOGUE_EXPLAIN = "dialogueExplain";
  public static final String DIALOGUE_STATE_ACTION = "dialogueStateAction";
  public static final String DIALOGUE_CHECK_CONVENIENT = "dialogueCheckConvenient";
  public static final String DIALOGUE_OFFER_HELP = "dialogueOfferHelp";
  public static final String DIALOGUE_NEXT_STEPS = "dialogueNextSteps";
  /** The steps in the order of the block {@code forms/blocks/conversation-algorithm.json}. */
  public static final List<String> DIALOGUE_STEPS = List.of(DIALOGUE_LISTEN, DIALOGUE_EMPATHY, DIALOGUE_EXPLAIN,
      DIALOGUE_STATE_ACTION, DIALOGUE_CHECK_CONVENIENT, DIALOGUE_OFFER_HELP, DIALOGUE_NEXT_STEPS);
  public static final String DIALOGUE_SKIPPED_REASON = "dialogueSkippedReason";
  public static final String REGISTERED_BY = "registeredBy";
  public static final String PRODUCT_SKU = "productSku";
  public static final String ORDER_ID = "orderId";
  public static final String FAULT = "faultDescription";
  public static final String TALKED_BY = "talkedBy";
  public static final String REQUEST_SUMMARY = "replacementRequestSummary";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REJECTION_REASON = "rejectionReason";
  public static final String APPROVED = "replacementApproved";
  public static final String CONTACT_NOTES = "contactNotes";
  public static final String TRACKING_NUMBER = "trackingNumber";

  public static final class Elements {
    public static final String USER_TALK_WITH_CUSTOMER = "user_talk_with_customer";
    public static final String SERVICE_SEND_REPLY = "service_send_reply";
    public static final String XOR_WHO_REGISTERS = "xor_who_registers";
    public static final String SERVICE_REGISTER_REPLACEMENT_REQUEST = "service_register_replacement_request";
    public static final String SERVICE_SEND_REQUEST_LINK = "service_send_request_link";
    public static final String RECEIVE_REPLACEMENT_REQUEST = "receive_replacement_request";
    public static final String TIMER_REQUEST_REMINDER = "timer_request_reminder";
    public static final String SERVICE_SEND_REQUEST_REMINDER = "service_send_request_reminder";
    public static final String TIMER_REQUEST_EXPIRED = "timer_request_expired";
    public static final String END_REQUEST_NEVER_CAME = "end_request_never_came";
    public static final String AND_CONFIRM_AND_REVIEW = "and_confirm_and_review";
    public static final String SERVICE_CONFIRM_REQUEST_RECEIVED = "service_confirm_request_received";
    public static final String END_REQUEST_CONFIRMED = "end_request_confirmed";
    public static final String USER_REVIEW_REPLACEMENT_REQUEST = "user_review_replacement_request";
    public static final String SERVICE_SEND_REVIEW_RESULT = "service_send_review_result";
    public static final String END_REPLACEMENT_REJECTED = "end_replacement_rejected";
    public static final String SERVICE_START_CONTACT_CLOCK = "service_start_contact_clock";
    public static final String SERVICE_STOP_CONTACT_CLOCK_REJECTED = "service_stop_contact_clock_rejected";
    public static final String USER_CONTACT_CUSTOMER = "user_contact_customer";
    public static final String SERVICE_STOP_CONTACT_CLOCK = "service_stop_contact_clock";
    public static final String USER_SHIP_REPLACEMENT = "user_ship_replacement";
    public static final String SERVICE_SEND_SHIPPED = "service_send_shipped";
    public static final String SERVICE_STOP_SHIPPING_CLOCK = "service_stop_shipping_clock";
    public static final String END_REPLACEMENT_SHIPPED = "end_replacement_shipped";

    private Elements() {}
  }

  private DefectReplacementProcess() {}
}
