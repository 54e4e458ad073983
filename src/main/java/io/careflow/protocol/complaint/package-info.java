/**
 * The complaint protocol ({@code processes/complaint.bpmn}): acknowledge, investigate,
 * propose a resolution (a lead approves a compensation above the threshold), reply.
 */
package io.careflow.protocol.complaint;
