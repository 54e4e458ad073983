package io.careflow.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.mail.ImapMailReceiver;
import org.springframework.stereotype.Component;

/**
 * Reads the support mailbox over IMAP (Spring Integration Mail's {@link ImapMailReceiver})
 * every {@code careflow.mail.inbound.poll-interval}: each unseen e-mail is handed to
 * {@link InboundMail} and marked SEEN only after its contact or message committed. An e-mail
 * that fails stays unseen and is read again by the next poll (the Message-ID keeps that from
 * creating anything twice). Only on when {@code careflow.mail.inbound.host} is set.
 */
@Component
@ConditionalOnProperty(prefix = "careflow.mail.inbound", name = "host")
public class MailboxPoller implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

  private final MailboxProperties mailbox;
  private final InboundMail inbound;
  private final Receiver receiver;
  private ScheduledExecutorService scheduler;

  public MailboxPoller(MailboxProperties mailbox, InboundMail inbound, BeanFactory beans) {
    this.mailbox = mailbox;
    this.inbound = inbound;
    this.receiver = new Receiver(mailbox, beans);
  }

  /** Reads what is unseen now; returns how many e-mails ended in each outcome. */
  public synchronized Map<InboundMail.Outcome, Integer> pollOnce() {
    var outcomes = new EnumMap<InboundMail.Outcome, Integer>(InboundMail.Outcome.class);
    Object[] received;
    try {
      received = receiver.receive();
    } catch (MessagingException | RuntimeException e) {
      // an outside failure (server down, login refused): one line, the next poll tries again
      LOG.warn("Support mailbox {}://{}:{} not readable: {}. Next poll in {} s.", mailbox.protocol(), mailbox.host(),
          mailbox.port(), cause(e), mailbox.pollInterval().toSeconds());
      receiver.close();
      return outcomes;
    }
    try {
      for (Object item : received) {
        // with the folder left open, Spring Integration wraps each e-mail in a Message
        MimeMessage mime = (MimeMessage) (item instanceof org.springframework.messaging.Message<?> wrapped
            ? wrapped.getPayload() : item);
        try {
          InboundMail.Result result = inbound.accept(IncomingMail.read(mime, inbound.maxFileBytes()));
          mime.setFlag(Flags.Flag.SEEN, true);
          outcomes.merge(result.outcome(), 1, Integer::sum);
        } catch (Exception e) {
          LOG.warn("E-mail left unseen for the next poll: {}", e.toString());
        }
      }
    } finally {
      receiver.close();
    }
    return outcomes;
  }

  /** The failure and its root cause in one line (Jakarta Mail nests causes into multi-line messages). */
  static String cause(Exception failure) {
    String text = oneLine(failure.getMessage());
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != failure && !text.contains(oneLine(root.getMessage()))) {
      text = text + " (" + root.getClass().getSimpleName()
          + (root.getMessage() == null ? "" : ": " + oneLine(root.getMessage())) + ")";
    }
    return text;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  @Override
  public void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "careflow-mailbox");
      thread.setDaemon(true);
      return thread;
    });
    long every = Math.max(1, mailbox.pollInterval().toMillis());
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        pollOnce();
      } catch (RuntimeException e) {
        LOG.warn("Mailbox poll failed", e);
      }
    }, every, every, TimeUnit.MILLISECONDS);
    LOG.info("Reading {}://{}@{}:{}/{} every {}", mailbox.protocol(), mailbox.username(), mailbox.host(),
        mailbox.port(), mailbox.folder(), mailbox.pollInterval());
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
    receiver.destroy();
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  /** Spring Integration's IMAP receiver, configured to leave marking SEEN to careflow. */
  static final class Receiver extends ImapMailReceiver {

    Receiver(MailboxProperties mailbox, BeanFactory beans) {
      super(new jakarta.mail.URLName(mailbox.protocol(), mailbox.host(), mailbox.port(), mailbox.folder(),
          mailbox.username(), mailbox.password()).toString());
      Properties props = new Properties();
      String p = "mail." + mailbox.protocol() + ".";
      props.setProperty(p + "connectiontimeout", "10000");
      props.setProperty(p + "timeout", "30000");
      props.setProperty(p + "writetimeout", "30000");
      setJavaMailProperties(props);
      setShouldMarkMessagesAsRead(false);
      setAutoCloseFolder(false);
      setMaxFetchSize(mailbox.maxPerPoll());
      // no FLAGGED marks on the staff's mailbox where the server lacks RECENT
      setFlaggedAsFallback(false);
      // unseen and not deleted: an e-mail that failed is read again, whatever the server's RECENT flag says
      setSearchTermStrategy((supported, folder) -> new AndTerm(
          new NotTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), true)),
          new NotTerm(new FlagTerm(new Flags(Flags.Flag.DELETED), true))));
      setTaskScheduler(new org.springframework.scheduling.concurrent.ConcurrentTaskScheduler());
      // its expression context wants the application's beans; without them it logs a stack trace at start
      setBeanFactory(beans);
      afterPropertiesSet();
    }

    @Override
    protected int getFolderOpenMode() {
      return Folder.READ_WRITE;
    }

    void close() {
      closeFolder();
    }
  }
}
