package io.careflow.cases.page;

import io.careflow.communication.Message;
import io.careflow.communication.MessageRepository;
import io.careflow.communication.MessageStatus;
import io.careflow.casefile.Contact;
import io.careflow.calendar.BusinessHoursProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Service;

/**
 * Every message of the case in and out, in full: the customer's first message (kept on the
 * contact), then the message table in order. For a message careflow sent: its delivery as the
 * customer would know it — sent, undelivered, still pending — and how many attempts the sending
 * step needed (its failed jobs in the engine's history, plus the one that went through), and the
 * name the customer saw as its author.
 */
@Service
public class CaseConversation {

  private final MessageRepository messages;
  private final HistoryService history;
  private final BusinessHoursProperties shopTime;

  public CaseConversation(MessageRepository messages, HistoryService history, BusinessHoursProperties shopTime) {
    this.messages = messages;
    this.history = history;
    this.shopTime = shopTime;
  }

  /**
   * One message. {@code direction} in or out; {@code from} the name the customer saw (out) or the
   * customer (in); {@code delivery} in words; {@code attempts} null where careflow did not send.
   */
  public record Line(String at, String direction, String kind, String channel, String from, String to,
      String subject, String body, String status, String delivery, Integer attempts) {}

  public List<Line> of(Contact contact, String customerName) {
    var lines = new ArrayList<Line>();
    lines.add(new Line(shopTime.local(contact.receivedAt()), "in", "customer", contact.channel().name(),
        customerName, "the shop", contact.subject(), contact.body() == null ? "" : contact.body(), "RECEIVED",
        "received", null));
    for (Message m : messages.ofContact(contact.id())) {
      boolean out = m.direction() == Message.Direction.OUT;
      Integer attempts = out ? attempts(m) : null;
      lines.add(new Line(shopTime.local(m.createdAt()), out ? "out" : "in",
          m.kind() == null ? "" : m.kind().name().toLowerCase(Locale.ROOT), m.channel() == null ? ""
              : m.channel().name(), out ? (m.authorName() == null ? "the shop" : m.authorName()) : customerName,
          out ? m.recipient() : "the shop", m.subject(), m.body() == null ? "" : m.body(),
          m.status() == null ? "" : m.status().name(), out ? delivery(m, attempts) : "received", attempts));
    }
    return lines;
  }

  private Integer attempts(Message m) {
    if (m.source() == null || !m.source().contains(":")) {
      return m.status() == MessageStatus.SENT ? 1 : 0;
    }
    String processInstanceId = m.source().substring(0, m.source().indexOf(':'));
    String activityId = m.source().substring(m.source().indexOf(':') + 1);
    long failed = history.createHistoricJobLogQuery().processInstanceId(processInstanceId).activityIdIn(activityId)
        .failureLog().count();
    return (int) failed + (m.status() == MessageStatus.SENT ? 1 : 0);
  }

  private String delivery(Message m, int attempts) {
    String retried = attempts > 1 ? " after " + attempts + " attempts" : "";
    return switch (m.status()) {
      case SENT -> "sent" + (m.sentAt() == null ? "" : " " + shopTime.local(m.sentAt())) + retried;
      case UNDELIVERED -> "undelivered" + (attempts > 0 ? " (" + attempts + " attempts failed)" : "")
          + " — not an answer";
      case PENDING -> "not sent yet" + (attempts > 0 ? " (" + attempts + " attempts failed, retrying)" : "");
      case STORED -> "stored on the case (no way out for the channel)";
      case RECEIVED -> "received";
    };
  }
}
