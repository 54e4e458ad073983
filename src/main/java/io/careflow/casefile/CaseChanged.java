package io.careflow.casefile;

/**
 * A case changed in a way its open tasks show (topic, customer): their copies are renewed
 * ({@link io.careflow.contact.CaseFacts}). An application event, so that a feature below the case's tasks (the
 * customer record's merge) can say so without knowing who listens.
 */
public record CaseChanged(String contactId) {}
