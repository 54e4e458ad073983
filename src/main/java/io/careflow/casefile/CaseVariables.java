package io.careflow.casefile;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables every process of a case holds — ids and the few values its gateways and
 * tables read. Everything else lives in careflow's tables. The protocols receive them all
 * from {@code contact.bpmn}'s call activity.
 */
public final class CaseVariables {

  public static final String CONTACT_ID = "contactId";
  public static final String CUSTOMER_ID = "customerId";
  public static final String CHANNEL = "channel";
  public static final String LANGUAGE = "language";
  /** When the contact was received (Date): the reply clock starts there. */
  public static final String RECEIVED_AT = "receivedAt";
  /**
   * How the case ends when its protocol ends, read by "Mark contact resolved (or closed)":
   * {@link #OUTCOME_NO_ANSWER} or {@link #OUTCOME_CLOSED} close it, anything else resolves it.
   */
  public static final String CASE_OUTCOME = "caseOutcome";
  public static final String OUTCOME_NO_ANSWER = "NO_ANSWER";
  public static final String OUTCOME_CLOSED = "CLOSED";
  /** The contact's own fields, for every model and form (set at the start of the case). */
  public static final String SUBJECT = "subject";
  public static final String ORDER_ID = "orderId";
  public static final String PRODUCT_SKU = "productSku";
  /** The customer's name as the shop knows it (their e-mail or phone when no name is known). */
  public static final String CUSTOMER_NAME = "customerName";
  /** The topic given at intake or chosen at triage (input of the classification table). */
  public static final String TOPIC_HINT = "topicHint";
  /** A web form's call-me time (a date; null when the contact asks for none): the call-back protocol calls then. */
  public static final String CALL_BACK_AT = "callBackAt";
  /** Outputs of {@code contact-classification.dmn}. */
  public static final String TOPIC = "topic";
  public static final String PROTOCOL_KEY = "protocolKey";
  public static final String TEAM = "team";
  public static final String SUGGESTED_TOPIC = "suggestedTopic";

  /** Task-local values the task forms show. */
  public static final String FORM_CUSTOMER_NAME = CUSTOMER_NAME;
  public static final String FORM_CUSTOMER_MESSAGE = "customerMessage";
  public static final String FORM_CUSTOMER_SUMMARY = "customerSummary";
  /**
   * Task-local copies a Tasklist card shows (careflow's filters name them as columns): agents read
   * a task's own variables, not the process's. Kept by {@link io.careflow.contact.CaseFacts}.
   */
  public static final String CARD_SUBJECT = "caseSubject";
  public static final String CARD_CHANNEL = "caseChannel";
  public static final String CARD_TOPIC = "caseTopic";
  /** The task's due date, exact, in shop time (the card itself says only "due in 2 days"). */
  public static final String CARD_DUE = "caseDue";
  /** Task-local facts the form block {@code case-facts} shows. */
  public static final String FORM_ORDER = "caseOrderId";
  public static final String FORM_PRODUCT = "caseProduct";
  public static final String FORM_CUSTOMER_CONTACT = "customerContact";
  /** What the earlier steps of the case decided and noted. */
  public static final String FORM_CASE_SO_FAR = "caseSoFar";
  /** The rows of the decision table a step names with its extension property {@code rules}. */
  public static final String FORM_CASE_RULES = "caseRules";
  /** The path of the case page ({@code /cases/{contact id}}): every form links to it. */
  public static final String FORM_CASE_PAGE = "casePage";
  /** A note about the customer an agent may type into any task form; stored as a note, not kept here. */
  public static final String FORM_NEW_NOTE = "newNote";
  /** An offer an agent may record in a reply form: its text and the last day it holds; stored as an offer. */
  public static final String FORM_OFFER_TEXT = "offerText";
  public static final String FORM_OFFER_VALID_UNTIL = "offerValidUntil";

  public static String contactId(VariableScope scope) {
    return (String) scope.getVariable(CONTACT_ID);
  }

  public static String customerId(VariableScope scope) {
    return (String) scope.getVariable(CUSTOMER_ID);
  }

  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  private CaseVariables() {}
}
