package io.careflow.contact;

/**
 * Published (synchronously, in the classifying transaction) when a contact's topic is known,
 * so other features can react to the customer's new case — e.g. follow-ups it makes pointless.
 */
public record ContactClassified(String contactId, String customerId, String topic) {}
