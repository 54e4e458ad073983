package io.careflow.communication;

import io.careflow.casefile.Channel;
import java.time.Instant;

/** A message to or from the customer on a contact. */
public record Message(
    String id,
    String contactId,
    String customerId,
    Direction direction,
    MessageKind kind,
    Channel channel,
    String author,
    String authorName,
    String recipient,
    String subject,
    String body,
    MessageStatus status,
    Instant createdAt,
    Instant sentAt,
    String externalId,
    String bodyHtml,
    String source) {

  /** A message on a contact (the usual case). */
  public static Message onContact(String id, String contactId, Direction direction, MessageKind kind,
      Channel channel, String author, String authorName, String recipient, String subject, String body,
      MessageStatus status, Instant createdAt, String externalId, String bodyHtml, String source) {
    return new Message(id, contactId, null, direction, kind, channel, author, authorName, recipient, subject, body,
        status, createdAt, null, externalId, bodyHtml, source);
  }

  public enum Direction { IN, OUT }
}
