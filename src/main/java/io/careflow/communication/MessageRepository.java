package io.careflow.communication;

import io.careflow.casefile.CaseRecords;
import io.careflow.casefile.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;
import org.springframework.stereotype.Repository;

@Repository
public class MessageRepository implements CaseRecords {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  public MessageRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  private static final String INSERT = """
      insert into message (id, contact_id, customer_id, direction, kind, channel, author, author_name, recipient,
                           subject, body, status, created_at, sent_at, external_id, body_html, source)
      values (:id, :contactId, :customerId, :direction, :kind, :channel, :author, :authorName, :recipient,
              :subject, :body, :status, :createdAt, :sentAt, :externalId, :bodyHtml, :source)""";

  void insert(Message m) {
    jdbc.sql(INSERT).paramSource(row(m)).update();
  }

  /** Writes the messages as one JDBC batch, in the caller's transaction (the demo's past). */
  public void insertAll(List<Message> messages) {
    batches.batchUpdate(INSERT, messages.stream().map(MessageRepository::row).toArray(SqlParameterSource[]::new));
  }

  private static SqlParameterSource row(Message m) {
    return new MapSqlParameterSource().addValue("id", m.id()).addValue("contactId", m.contactId())
        .addValue("customerId", m.customerId()).addValue("direction", m.direction().name())
        .addValue("kind", m.kind().name()).addValue("channel", m.channel().name()).addValue("author", m.author())
        .addValue("authorName", m.authorName()).addValue("recipient", m.recipient())
        .addValue("subject", m.subject()).addValue("body", m.body()).addValue("status", m.status().name())
        .addValue("createdAt", utc(m.createdAt())).addValue("sentAt", utc(m.sentAt()))
        .addValue("externalId", m.externalId()).addValue("bodyHtml", m.bodyHtml()).addValue("source", m.source());
  }

  public Optional<Message> find(String id) {
    return jdbc.sql("select * from message where id = ?").param(id).query(MessageRepository::map).optional();
  }

  /**
   * The message as it is now, its row held until the transaction ends: two runs of one send step
   * (cluster nodes, a job whose lock ran out) deliver one after the other, and the second sees the
   * first's SENT.
   */
  Optional<Message> lockForDelivery(String id) {
    return jdbc.sql("select * from message where id = ? for update").param(id).query(MessageRepository::map)
        .optional();
  }

  /**
   * The message a step of a process wrote before, if it is still waiting to leave (PENDING, or
   * UNDELIVERED when an incident of the step is retried).
   */
  Optional<Message> findPendingBySource(String source) {
    return jdbc.sql("select * from message where source = ? and status in ('PENDING', 'UNDELIVERED')").param(source)
        .query(MessageRepository::map).optional();
  }

  /** The step that sends the message (a reply gets it when its step first runs). */
  void setSource(String id, String source) {
    jdbc.sql("update message set source = ? where id = ?").params(source, id).update();
  }

  /** The sending step gave up on a message still waiting to leave; false when it left meanwhile. */
  boolean markUndelivered(String id) {
    return jdbc.sql("update message set status = 'UNDELIVERED' where id = ? and status in ('PENDING', 'UNDELIVERED')")
        .param(id).update() == 1;
  }

  /** The contact an e-mail answers: one of careflow's outbound Message-IDs, or the customer's first. */
  public Optional<String> contactOfMessageId(String messageId) {
    return jdbc.sql("""
            select contact_id from message where external_id = ? and contact_id is not null
            union select id from contact where external_id = ? and channel = 'EMAIL'""")
        .params(messageId, messageId).query(String.class).list().stream().findFirst();
  }

  /** Message-IDs (customer's and careflow's) on the contact, oldest first, with their direction. */
  List<Message> withExternalIds(String contactId) {
    return jdbc.sql("select * from message where contact_id = ? and external_id is not null order by created_at, seq")
        .param(contactId).query(MessageRepository::map).list();
  }

  public List<Message> ofCustomer(String customerId) {
    return jdbc.sql("select * from message where customer_id = ? order by created_at, seq").param(customerId)
        .query(MessageRepository::map).list();
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

  /** A customer merge: the messages that name {@code from} (sent without a contact) now name {@code into}. */
  void moveToCustomer(String from, String into) {
    jdbc.sql("update message set customer_id = :into where customer_id = :from")
        .param("into", into).param("from", from).update();
  }

  private static Message map(ResultSet rs, int row) throws SQLException {
    return new Message(rs.getString("id"), rs.getString("contact_id"), rs.getString("customer_id"),
        Message.Direction.valueOf(rs.getString("direction")), MessageKind.valueOf(rs.getString("kind")),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("author"), rs.getString("author_name"), rs.getString("recipient"), rs.getString("subject"),
        rs.getString("body"), MessageStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
        instant(rs, "sent_at"), rs.getString("external_id"), rs.getString("body_html"), rs.getString("source"));
  }

  @Override
  public List<String> tables() {
    return List.of("message");
  }

  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.deleteRows(jdbc, tables(), contactIds);
  }
}
