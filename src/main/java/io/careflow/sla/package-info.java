/**
 * Reply deadlines in working time (SPEC R2): the business calendar of the shop
 * ({@code careflow.business-hours.*}). The SLA policy, warnings and escalation build on it.
 */
package io.careflow.sla;
