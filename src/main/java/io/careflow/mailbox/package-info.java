/**
 * The support mailbox: read over IMAP, each e-mail becomes a new contact through the intake, or
 * the customer's message on the running case it answers; automatic mail and careflow's own
 * are ignored, and an e-mail read twice creates nothing twice.
 */
package io.careflow.mailbox;
