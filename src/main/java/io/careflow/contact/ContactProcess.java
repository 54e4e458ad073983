package io.careflow.contact;

/**
 * Descriptor of {@code processes/contact.bpmn}: one instance per contact (business key =
 * contact id). It classifies the contact with {@code contact-classification.dmn}, asks an
 * agent to classify it when the table gives no protocol, calls the topic's protocol, and
 * marks the contact resolved.
 */
public final class ContactProcess {

  public static final String KEY = "contact";
  public static final String DECISION_CLASSIFICATION = "contact-classification";
  public static final String FORM_CLASSIFY = "classify-contact";

  /** Element ids of the model, for code, tests and reports. */
  public static final class Elements {
    public static final String START_CONTACT_RECEIVED = "start_contact_received";
    public static final String RULE_CLASSIFY_CONTACT = "rule_classify_contact";
    public static final String XOR_PROTOCOL_KNOWN = "xor_protocol_known";
    public static final String USER_CLASSIFY_CONTACT = "user_classify_contact";
    public static final String CALL_PROTOCOL = "call_protocol";
    public static final String SERVICE_RESOLVE_CONTACT = "service_resolve_contact";
    public static final String END_CONTACT_RESOLVED = "end_contact_resolved";

    private Elements() {}
  }

  private ContactProcess() {}
}
