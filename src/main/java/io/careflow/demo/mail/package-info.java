/**
 * The demo's own mail server: with profile {@code demo} and no SMTP server configured, careflow
 * runs GreenMail in-process — SMTP for what careflow sends, IMAP for the support mailbox it reads —
 * and talks to it over the network like to a real one. {@link io.careflow.demo.mail.DemoMailServer}
 * shows what each address received. Never on in production profiles.
 */
package io.careflow.demo.mail;
