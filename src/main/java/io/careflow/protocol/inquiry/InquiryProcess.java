package io.careflow.protocol.inquiry;

/**
 * Descriptor of {@code processes/inquiry.bpmn}: the agent answers the customer in the task
 * "Answer the customer", a guarded step of the reply deadline (property deadline = reply); the
 * message is sent asynchronously with retries. A question stops the clock until the
 * customer answers (message {@code CustomerReplied}); 14 days of silence close the case. Its
 * variables are the case's ({@code CaseVariables}), the reply step's ({@code ReplyStep}) and
 * the deadline's ({@code SlaVariables}).
 */
public final class InquiryProcess {

  public static final String KEY = "inquiry";
  public static final String FORM_ANSWER = "answer-customer";

  public static final class Elements {
    public static final String START_INQUIRY = "start_inquiry";
    public static final String XOR_MERGE_ANSWER = "xor_merge_answer";
    public static final String USER_ANSWER_CUSTOMER = "user_answer_customer";
    public static final String SERVICE_SEND_REPLY = "service_send_reply";
    public static final String XOR_REPLY_KIND = "xor_reply_kind";
    public static final String SERVICE_STOP_REPLY_CLOCK = "service_stop_reply_clock";
    public static final String END_INQUIRY_ANSWERED = "end_inquiry_answered";
    public static final String SERVICE_PAUSE_REPLY_CLOCK = "service_pause_reply_clock";
    public static final String EVT_ANSWER_OR_SILENCE = "evt_answer_or_silence";
    public static final String MSG_CUSTOMER_REPLIED = "msg_customer_replied";
    public static final String TIMER_CUSTOMER_SILENT = "timer_customer_silent";
    public static final String SERVICE_RESUME_REPLY_CLOCK = "service_resume_reply_clock";
    public static final String SERVICE_CLOSE_UNANSWERED = "service_close_unanswered";
    public static final String END_CUSTOMER_SILENT = "end_customer_silent";

    private Elements() {}
  }

  private InquiryProcess() {}
}
