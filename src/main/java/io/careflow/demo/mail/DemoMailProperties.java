package io.careflow.demo.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's embedded mail server ({@code careflow.demo.mail.*}). Port 0 takes a free port at
 * each start (the log's "Demo mail server" line names it); a fixed port lets a mail program
 * connect to the same place every time.
 *
 * @param smtpPort where careflow (and anyone writing as a customer) hands e-mail in
 * @param imapPort where the support mailbox is read
 * @param supportPassword the support mailbox's password (IMAP login {@code careflow.mail.from})
 * @param pollInterval how often careflow reads the support mailbox in the demo: shorter than a
 *     real mailbox's, so an answer written as the customer shows within seconds
 */
@ConfigurationProperties("careflow.demo.mail")
public record DemoMailProperties(
    @DefaultValue("0") int smtpPort,
    @DefaultValue("0") int imapPort,
    @DefaultValue("demo") String supportPassword,
    @DefaultValue("PT5S") Duration pollInterval) {}
