package io.careflow.sla;

/**
 * A deadline passed without the step being done — published once per deadline, when the
 * breach is recorded, for whoever counts breaches (the operations metrics).
 */
public record DeadlineBreached(String contactId, String step) {}
