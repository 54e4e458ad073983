package io.careflow.communication.inbound;

import static io.careflow.system.SqlTimes.utc;

import io.careflow.contact.ContactEvents;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.unit.DataSize;

/** Attachment metadata of customers' e-mails (the content is never stored). */
@Repository
public class MailAttachments {

  /** Event on the case naming what came attached (the agent asks for what was over the cap). */
  public static final String ATTACHMENTS = "ATTACHMENTS_RECEIVED";

  private final JdbcClient jdbc;
  private final ContactEvents events;
  private final Clock clock;

  public MailAttachments(JdbcClient jdbc, ContactEvents events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** What the agent sees of one attachment. */
  public record AttachmentInfo(String fileName, String mediaType, long sizeBytes, boolean accepted) {}

  void store(String contactId, String messageId, List<IncomingMail.Attachment> attachments) {
    for (IncomingMail.Attachment a : attachments) {
      jdbc.sql("insert into message_attachment (id, contact_id, message_id, file_name, media_type, size_bytes, "
              + "accepted, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(UUID.randomUUID().toString(), contactId, messageId, a.fileName(), a.mediaType(), a.sizeBytes(),
              a.accepted(), utc(clock.instant()))
          .update();
    }
    if (!attachments.isEmpty()) {
      events.record(contactId, ATTACHMENTS, InboundMail.ACTOR, attachments.stream().map(a -> a.fileName() + " ("
          + DataSize.ofBytes(a.sizeBytes()).toKilobytes() + " kB" + (a.accepted() ? "" : ", over the size cap") + ")")
          .collect(Collectors.joining(", ")));
    }
  }

  public List<AttachmentInfo> ofContact(String contactId) {
    return jdbc.sql("select file_name, media_type, size_bytes, accepted from message_attachment "
            + "where contact_id = ? order by created_at, file_name")
        .param(contactId)
        .query((rs, n) -> new AttachmentInfo(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)))
        .list();
  }
}
