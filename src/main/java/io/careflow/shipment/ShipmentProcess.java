package io.careflow.shipment;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Descriptor of {@code processes/shipment.bpmn}: key, element ids, variables. */
public final class ShipmentProcess {

  public static final String KEY = "shipment";
  /** The step of {@code sla-policy.dmn} that guards "Check the delayed shipment". */
  public static final String DELAY_STEP = "shipment-delay";
  /** Contact outcome recorded when the agent has checked the delay. */
  public static final String OUTCOME_DELAY_CHECKED = "SHIPMENT_DELAY_CHECKED";

  /** The stored carrier event (String); also the business key. */
  public static final String EVENT_ID = "shipmentEventId";
  /** {@link ShipmentStatus} name (String): the gateway reads it. */
  public static final String STATUS = "shipmentStatus";
  /** Order and tracking id (String): shown in Cockpit and the task form. */
  public static final String ORDER_ID = "orderId";
  public static final String TRACKING_ID = "trackingId";
  /** The message sent to the customer (String, {@code message.id}); set by each send step. */
  public static final String MESSAGE_ID = "shipmentMessageId";

  /** Task-local values of the "Check the delayed shipment" form. */
  public static final String FORM_EXPECTED_DELIVERY = "newExpectedDelivery";
  public static final String FORM_SENT_MESSAGE = "sentMessage";
  /** What the agent did (optional, at most 2000 characters): the contact's outcome detail. */
  public static final String FORM_CHECK_NOTE = "delayCheckNote";

  public static String eventId(VariableScope scope) {
    return (String) scope.getVariable(EVENT_ID);
  }

  public static final class Elements {
    public static final String START_SHIPMENT_EVENT = "start_shipment_event";
    public static final String XOR_DELAYED = "xor_shipment_delayed";
    public static final String SERVICE_SEND_SHIPMENT_MESSAGE = "service_send_shipment_message";
    public static final String END_CUSTOMER_TOLD = "end_customer_told";
    public static final String SERVICE_OPEN_DELAY_CONTACT = "service_open_delay_contact";
    public static final String SERVICE_START_DELAY_CLOCK = "service_start_delay_clock";
    public static final String SERVICE_SEND_DELAY_APOLOGY = "service_send_delay_apology";
    public static final String USER_CHECK_DELAYED_SHIPMENT = "user_check_delayed_shipment";
    public static final String END_DELAY_CHECK_WARNING = "end_delay_check_warning";
    public static final String END_DELAY_CHECK_DUE = "end_delay_check_due";
    public static final String END_DELAY_CHECK_TWICE_DUE = "end_delay_check_twice_due";
    public static final String SERVICE_STOP_DELAY_CLOCK = "service_stop_delay_clock";
    public static final String SERVICE_RESOLVE_DELAY_CONTACT = "service_resolve_delay_contact";
    public static final String END_DELAY_CHECKED = "end_delay_checked";

    private Elements() {}
  }

  private ShipmentProcess() {}
}
