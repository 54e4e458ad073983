/**
 * The shop's working time (SPEC R2), below everything that counts in it: the configured hours,
 * zone and holidays ({@code careflow.business-hours.*}), the calendar that adds and measures
 * working time, the same calendar as the engine's business calendar and in model expressions
 * ({@code ${workingTime.after('PT6H')}}), and {@code /api/calendar/due} for the outside.
 */
package io.careflow.calendar;
