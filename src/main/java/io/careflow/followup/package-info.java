/**
 * The next communication after every contact (SPEC R5): planned by the agent or explicitly
 * "none needed", carried out by {@code follow-up.bpmn} on its day within the customer's sending
 * hours — a message, or a call or custom task for the agent who planned it — and cancelled
 * when the customer opens a new case on the same topic first.
 */
package io.careflow.followup;
