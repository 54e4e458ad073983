/**
 * The defect-replacement protocol ({@code processes/defect-replacement.bpmn}): the
 * conversation algorithm, the replacement request (by the agent or the customer's form), its
 * review within 2 working days, the specialist's call and the shipment.
 */
package io.careflow.protocol.defect;
