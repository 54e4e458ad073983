package io.careflow.sla;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Descriptor of {@code processes/deadline-alert.bpmn}: telling one person about one level of a
 * deadline — or about a message to a customer that careflow could not hand over — by e-mail,
 * asynchronously with retries. Business key: the deadline's id (the message's for an
 * undelivered message).
 */
public final class DeadlineAlertProcess {

  public static final String KEY = "deadline-alert";

  /** The deadline (String, {@code deadline.id}). */
  public static final String DEADLINE_ID = "alertDeadlineId";
  /** {@link Level} name (String). */
  public static final String LEVEL = "alertLevel";
  /** The user to tell (String, a Camunda user id). */
  public static final String RECIPIENT = "alertRecipient";
  /** The guarded process instance whose open tasks the e-mail lists (String). */
  public static final String GUARDED_PROCESS_INSTANCE_ID = "alertGuardedProcessInstanceId";
  /** The contact (String): Cockpit finds the alerts of a case by it. */
  public static final String CONTACT_ID = "contactId";
  /** Level UNDELIVERED: the message that did not leave (String, {@code message.id}). */
  public static final String MESSAGE_ID = "alertMessageId";
  /** Level UNDELIVERED: why it did not leave, the failed step's last error (String). */
  public static final String REASON = "alertReason";

  /**
   * The three levels of a deadline, with their e-mail template and subject line; and a message
   * to the customer that could not be delivered (not an answer: the reply clock runs on).
   */
  public enum Level {
    WARNING("deadline-warning", "Reply due soon"),
    BREACH("deadline-breach", "Deadline passed"),
    ESCALATION("deadline-escalation", "Twice overdue"),
    UNDELIVERED("message-undelivered", "Message not delivered");

    final String template;
    final String headline;

    Level(String template, String headline) {
      this.template = template;
      this.headline = headline;
    }
  }

  public static final class Elements {
    public static final String START_DEADLINE_ALERT = "start_deadline_alert";
    public static final String SERVICE_SEND_DEADLINE_ALERT = "service_send_deadline_alert";
    public static final String END_PERSON_TOLD = "end_person_told";

    private Elements() {}
  }

  static String string(VariableScope scope, String name) {
    return (String) scope.getVariable(name);
  }

  private DeadlineAlertProcess() {}
}
