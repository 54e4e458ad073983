package io.careflow.contact;

/** Published (synchronously, in the resolving transaction) when a case ends RESOLVED — not when it is closed unanswered. */
public record ContactResolved(String contactId) {}
