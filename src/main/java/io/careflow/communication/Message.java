package io.careflow.communication;

import io.careflow.contact.Channel;
import java.time.Instant;

/** A message to or from the customer on a contact. */
public record Message(
    String id,
    String contactId,
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
    String externalId) {

  public enum Direction { IN, OUT }
}
