/**
 * Deadlines (SPEC R2): started with the target of the SLA policy table, paused while the shop
 * waits for the customer, warned, breached and escalated to the team leads, and the guarded
 * steps of the models. Counted in the shop's working time ({@code calendar}).
 */
package io.careflow.sla;
