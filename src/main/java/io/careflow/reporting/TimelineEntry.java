package io.careflow.reporting;

import java.time.OffsetDateTime;

/**
 * One step of a contact's timeline (API.md): when, what kind of step, who did it (a user id,
 * {@code customer} or {@code system}) and what happened, in words.
 */
public record TimelineEntry(OffsetDateTime at, String type, String actor, String detail) {}
