package io.careflow.demo.mail;

import io.careflow.mailbox.InboundMail;
import io.careflow.mailbox.MailboxPoller;
import io.careflow.mailbox.MailboxProperties;
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Wires careflow to the {@link DemoMailServer} as to any mail server: the {@link JavaMailSender}
 * that {@code EmailSender} uses points at its SMTP port (Spring Boot's own mail sender then
 * stays away), and the {@link MailboxPoller} reads its IMAP support mailbox. Both are created after
 * the server started, so nothing reaches for a port that is not open yet.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMailCondition.class)
class EmbeddedMailConfiguration {

  @Bean(initMethod = "start", destroyMethod = "stop")
  DemoMailServer demoMailServer(DemoMailProperties properties, @Value("${careflow.mail.from}") String supportAddress) {
    return new DemoMailServer(properties, supportAddress);
  }

  @Bean
  JavaMailSender mailSender(DemoMailServer server, Environment environment) {
    var sender = new JavaMailSenderImpl();
    sender.setHost(server.smtpHost());
    sender.setPort(server.smtpPort());
    sender.setDefaultEncoding("UTF-8");
    // the timeouts careflow sets for any SMTP server (spring.mail.properties)
    Properties javaMail = new Properties();
    javaMail.putAll(Binder.get(environment)
        .bind("spring.mail.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
    sender.setJavaMailProperties(javaMail);
    return sender;
  }

  /** The support mailbox on the embedded server, unless another support mailbox is configured. */
  @Bean
  @ConditionalOnExpression("'${careflow.mail.inbound.host:}' == ''")
  MailboxPoller mailboxPoller(DemoMailServer server, DemoMailProperties demo, MailboxProperties configured,
      InboundMail inbound, BeanFactory beans) {
    return new MailboxPoller(new MailboxProperties(server.smtpHost(), server.imapPort(), "imap",
        server.supportAddress(), server.supportPassword(), configured.folder(), demo.pollInterval(),
        configured.maxPerPoll()), inbound, beans);
  }
}
