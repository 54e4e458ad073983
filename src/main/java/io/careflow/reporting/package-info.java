/**
 * Measure and audit (SPEC R6): the timeline of a contact (the engine's history merged with
 * careflow's own events), the KPIs of a period (SQL aggregates over careflow's tables, plus
 * the daily aggregates the retention job keeps), the managers' dashboard (server-side SVG),
 * the live operations metrics for Prometheus, and the retention of closed contacts.
 */
package io.careflow.reporting;
