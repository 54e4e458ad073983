package io.careflow.protocol.complaint;

/**
 * Descriptor of {@code processes/complaint.bpmn}. Variables of its forms: {@code findings},
 * {@code complaintJustified} (YES/NO), {@code resolutionType}, {@code compensationAmount},
 * {@code proposal}, {@code approvalNeeded} (from {@code compensation-approval.dmn}),
 * {@code approvalDecision}, {@code approvalComment}, {@code compensationApproved}.
 */
public final class ComplaintProcess {

  public static final String KEY = "complaint";
  public static final String DECISION_COMPENSATION_APPROVAL = "compensation-approval";

  public static final String FINDINGS = "findings";
  public static final String JUSTIFIED = "complaintJustified";
  public static final String RESOLUTION_TYPE = "resolutionType";
  public static final String COMPENSATION_AMOUNT = "compensationAmount";
  public static final String PROPOSAL = "proposal";
  public static final String APPROVAL_DECISION = "approvalDecision";
  public static final String APPROVAL_COMMENT = "approvalComment";
  public static final String COMPENSATION_APPROVED = "compensationApproved";

  public static final class Elements {
    public static final String START_COMPLAINT = "start_complaint";
    public static final String AND_ACKNOWLEDGE_AND_ANSWER = "and_acknowledge_and_answer";
    public static final String SERVICE_ACKNOWLEDGE_COMPLAINT = "service_acknowledge_complaint";
    public static final String END_COMPLAINT_ACKNOWLEDGED = "end_complaint_acknowledged";
    public static final String SUB_ANSWER_COMPLAINT = "sub_answer_complaint";
    public static final String USER_INVESTIGATE_COMPLAINT = "user_investigate_complaint";
    public static final String USER_PROPOSE_RESOLUTION = "user_propose_resolution";
    public static final String RULE_COMPENSATION_APPROVAL = "rule_compensation_approval";
    public static final String XOR_APPROVAL_NEEDED = "xor_approval_needed";
    public static final String USER_APPROVE_COMPENSATION = "user_approve_compensation";
    public static final String XOR_COMPENSATION_APPROVED = "xor_compensation_approved";
    public static final String USER_REPLY_COMPLAINT = "user_reply_complaint";
    public static final String SERVICE_SEND_REPLY = "service_send_reply";
    public static final String SERVICE_STOP_REPLY_CLOCK = "service_stop_reply_clock";
    public static final String END_COMPLAINT_RESOLVED = "end_complaint_resolved";

    private Elements() {}
  }

  private ComplaintProcess() {}
}
