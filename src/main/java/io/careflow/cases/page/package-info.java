/**
 * The manager's case page ({@code /cases/{id}}, id = the contact id, the business key of its
 * case): for a running or finished contact, its header, the diagrams of the contact process and
 * every process it started (bpmn-js's viewer, vendored under {@code static/vendor/bpmn-js}) with
 * the path taken, the timeline, the conversation, the deadlines and the decisions — read from
 * careflow's tables and the engine's history, never changed here.
 */
package io.careflow.cases.page;
