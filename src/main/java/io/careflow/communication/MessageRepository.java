package io.careflow.communication;

import io.careflow.contact.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;
import org.springframework.stereotype.Repository;

@Repository
public class MessageRepository {

  private final JdbcClient jdbc;

  public MessageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Message m) {
    jdbc.sql("""
            insert into message (id, contact_id, direction, kind, channel, author, author_name, recipient, subject,
                                 body, status, created_at, sent_at, external_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(m.id(), m.contactId(), m.direction().name(), m.kind().name(), m.channel().name(), m.author(),
            m.authorName(),
            m.recipient(), m.subject(), m.body(), m.status().name(), utc(m.createdAt()), utc(m.sentAt()),
            m.externalId())
        .update();
  }

  Optional<Message> find(String id) {
    return jdbc.sql("select * from message where id = ?").param(id).query(MessageRepository::map).optional();
  }

  Optional<Message> findInbound(String contactId, String externalId) {
    return jdbc.sql("select * from message where contact_id = ? and direction = 'IN' and external_id = ?")
        .params(contactId, externalId).query(MessageRepository::map).optional();
  }

  public List<Message> ofContact(String contactId) {
    return jdbc.sql("select * from message where contact_id = ? order by created_at, seq").param(contactId)
        .query(MessageRepository::map).list();
  }

  void markDelivered(String id, MessageStatus status, Instant at, String externalId) {
    jdbc.sql("update message set status = ?, sent_at = ?, external_id = ? where id = ?")
        .params(status.name(), utc(at), externalId, id).update();
  }

  private static Message map(ResultSet rs, int row) throws SQLException {
    return new Message(rs.getString("id"), rs.getString("contact_id"),
        Message.Direction.valueOf(rs.getString("direction")), MessageKind.valueOf(rs.getString("kind")),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("author"), rs.getString("author_name"), rs.getString("recipient"), rs.getString("subject"),
        rs.getString("body"), MessageStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
        instant(rs, "sent_at"), rs.getString("external_id"));
  }
}
