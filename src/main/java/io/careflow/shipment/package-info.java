/**
 * Proactive shipment messages (SPEC R5): carrier events arrive at
 * {@code POST /api/shipments/events}, are stored once ({@code shipment_event}), lead from the
 * order to its customer ({@code customer_order}, or the contacts that named the order) and
 * start {@code processes/shipment.bpmn}: the customer is told unasked in the channel they use;
 * a delay also opens a proactive contact with an agent task under its own deadline.
 */
package io.careflow.shipment;
