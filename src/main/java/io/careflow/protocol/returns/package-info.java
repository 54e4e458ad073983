/**
 * The return protocol ({@code processes/return.bpmn}): the return form (a public page behind a
 * signed link), receiving and inspecting the item, refund, exchange or a reasoned rejection.
 * Return reasons are stored as data for reporting.
 */
package io.careflow.protocol.returns;
