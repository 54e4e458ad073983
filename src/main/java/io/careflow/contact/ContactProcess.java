package io.careflow.contact;

/**
 * Descriptor of {@code processes/contact.bpmn}: one instance per contact (business key =
 * contact id). It starts the reply clock at receipt ({@code sla-policy.dmn}), classifies the
 * contact with {@code contact-classification.dmn}, asks an agent to classify it when the
 * table gives no protocol (triage, a guarded step of the reply deadline), applies the reply
 * target of the protocol's row, calls the topic's protocol, and marks the contact resolved —
 * or closed.
 */
public final class ContactProcess {

  public static final String KEY = "contact";
  public static final String DECISION_CLASSIFICATION = "contact-classification";
  public static final String FORM_CLASSIFY = "classify-contact";
  public static final String DECISION_COMMUNICATION_STYLE = CommunicationStyle.DECISION;

  /** Element ids of the model, for code, tests and reports. */
  public static final class Elements {
    public static final String START_CONTACT_RECEIVED = "start_contact_received";
    public static final String RULE_COMMUNICATION_STYLE = "rule_communication_style";
    public static final String SERVICE_START_REPLY_CLOCK = "service_start_reply_clock";
    public static final String RULE_CLASSIFY_CONTACT = "rule_classify_contact";
    public static final String XOR_PROTOCOL_KNOWN = "xor_protocol_known";
    public static final String USER_CLASSIFY_CONTACT = "user_classify_contact";
    public static final String XOR_SENIOR_TAKES_OVER = "xor_senior_takes_over";
    public static final String SERVICE_HAND_TO_SENIOR = "service_hand_to_senior";
    public static final String XOR_MERGE_TEAM = "xor_merge_team";
    public static final String SERVICE_APPLY_REPLY_TARGET = "service_apply_reply_target";
    public static final String CALL_PROTOCOL = "call_protocol";
    public static final String SERVICE_RESOLVE_CONTACT = "service_resolve_contact";
    public static final String END_CONTACT_RESOLVED = "end_contact_resolved";

    private Elements() {}
  }

  private ContactProcess() {}
}
