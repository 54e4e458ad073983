/**
 * A customer contact from intake to resolution: the intake API, the Contact record,
 * the {@code contact} process (classification, triage, the call of the topic's
 * protocol) and the context every task form of a case shows. {@code ContactRepository} is
 * the one writer of the {@code contact} table; {@code IntakeRules} holds the intake's checks
 * that depend on more than one field.
 */
package io.careflow.contact;
