/**
 * A customer contact from intake to resolution: the intake API, the {@code contact} process
 * (classification, triage, the call of the topic's protocol) and the context every task form
 * of a case shows. {@code IntakeRules} holds the intake's checks that depend on more than one
 * field. The contact record itself, which every feature reads, and {@code ContactRepository},
 * the one writer of the {@code contact} table, are in {@code casefile}.
 */
package io.careflow.contact;
