package io.careflow.protocol.inquiry;

/**
 * Descriptor of {@code processes/inquiry.bpmn}: the agent answers the customer in the
 * task "Answer the customer"; the reply is sent asynchronously with retries. Its
 * variables are the case's ({@code CaseVariables}) and the reply step's ({@code ReplyStep}).
 */
public final class InquiryProcess {

  public static final String KEY = "inquiry";
  public static final String FORM_ANSWER = "answer-customer";

  public static final class Elements {
    public static final String START_INQUIRY = "start_inquiry";
    public static final String USER_ANSWER_CUSTOMER = "user_answer_customer";
    public static final String SERVICE_SEND_REPLY = "service_send_reply";
    public static final String END_INQUIRY_ANSWERED = "end_inquiry_answered";

    private Elements() {}
  }

  private InquiryProcess() {}
}
