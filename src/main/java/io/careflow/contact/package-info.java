/**
 * A customer contact from intake to resolution: the intake API, the Contact record,
 * the {@code contact} process (classification, triage, the call of the topic's
 * protocol) and the context every task form of a case shows.
 */
package io.careflow.contact;
