package io.careflow.casefile;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

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
import org.springframework.stereotype.Repository;

/**
 * The contacts as careflow stores them, and the one class that writes the {@code contact} table:
 * every feature reads a case's record here and notes what it did to it. Its life cycle (received,
 * classified, resolved or closed, followed by another case) is written by the intake and the
 * contact process only.
 */
@Repository
public class ContactRepository {

  private static final String COLUMNS = """
      id, channel, external_id, customer_id, customer_email, customer_phone, received_at, subject, body, topic_hint,
      topic, protocol, status, language, order_id, product_sku, process_instance_id, first_reply_at,
      first_reply_working_minutes, resolved_at, outcome, outcome_detail, first_contact_resolved, dissatisfaction,
      customer_handle, call_back_at""";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  public ContactRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  public void insert(Contact c, String createdBy) {
    jdbc.sql("""
            insert into contact (id, channel, external_id, customer_id, customer_email, customer_phone, received_at,
                                 subject, body, topic_hint, status, language, order_id, product_sku, created_by,
                                 customer_handle, call_back_at)
            values (:id, :channel, :externalId, :customerId, :email, :phone, :receivedAt,
                    :subject, :body, :topicHint, :status, :language, :orderId, :productSku, :createdBy,
                    :handle, :callBackAt)""")
        .param("id", c.id()).param("channel", c.channel().name()).param("externalId", c.externalId())
        .param("customerId", c.customerId()).param("email", c.customerEmail()).param("phone", c.customerPhone())
        .param("receivedAt", utc(c.receivedAt())).param("subject", c.subject()).param("body", c.body())
        .param("topicHint", c.topicHint()).param("status", c.status().name()).param("language", c.language())
        .param("orderId", c.orderId()).param("productSku", c.productSku()).param("createdBy", createdBy)
        .param("handle", c.customerHandle()).param("callBackAt", utc(c.callBackAt()))
        .update();
  }

  /**
   * Stores a contact careflow opens itself (a delayed shipment to check: SPEC R5), marked
   * {@code proactive} so the KPIs leave it out of contact counts. Its process is already
   * running, so the process instance and protocol are stored with it.
   */
  public void insertProactive(Contact c, String createdBy) {
    jdbc.sql("""
            insert into contact (id, channel, customer_id, customer_email, customer_phone, received_at, subject, body,
                                 status, language, order_id, protocol, process_instance_id, created_by, proactive)
            values (:id, :channel, :customerId, :email, :phone, :receivedAt, :subject, :body,
                    :status, :language, :orderId, :protocol, :processInstanceId, :createdBy, true)""")
        .param("id", c.id()).param("channel", c.channel().name()).param("customerId", c.customerId())
        .param("email", c.customerEmail()).param("phone", c.customerPhone())
        .param("receivedAt", utc(c.receivedAt())).param("subject", c.subject()).param("body", c.body())
        .param("status", c.status().name()).param("language", c.language()).param("orderId", c.orderId())
        .param("protocol", c.protocol()).param("processInstanceId", c.processInstanceId())
        .param("createdBy", createdBy)
        .update();
  }

  /**
   * A contact of the past as its case left it: classified and routed, answered and resolved or
   * closed (or still open, then without reply and resolution). Written in bulk for the demo's past.
   */
  public record PastContact(String id, String channel, String customerId, String customerEmail, Instant receivedAt,
      String subject, String body, String topic, String protocol, ContactStatus status, String language,
      String team, Instant firstReplyAt, Long firstReplyWorkingMinutes, Instant resolvedAt,
      Boolean firstContactResolved, String outcome, String productSku, String createdBy) {}

  /** Writes the contacts as one JDBC batch, in the caller's transaction. */
  public void insertAll(List<PastContact> contacts) {
    batches.batchUpdate("""
            insert into contact (id, channel, customer_id, customer_email, received_at, subject, body, topic, protocol,
                                 status, language, team, first_reply_at, first_reply_working_minutes, resolved_at,
                                 first_contact_resolved, outcome, product_sku, created_by)
            values (:id, :channel, :customerId, :email, :receivedAt, :subject, :body, :topic, :protocol,
                    :status, :language, :team, :firstReplyAt, :firstReplyWorkingMinutes, :resolvedAt,
                    :firstContactResolved, :outcome, :productSku, :createdBy)""",
        contacts.stream().map(c -> new MapSqlParameterSource().addValue("id", c.id())
            .addValue("channel", c.channel()).addValue("customerId", c.customerId())
            .addValue("email", c.customerEmail()).addValue("receivedAt", utc(c.receivedAt()))
            .addValue("subject", c.subject()).addValue("body", c.body()).addValue("topic", c.topic())
            .addValue("protocol", c.protocol()).addValue("status", c.status().name())
            .addValue("language", c.language()).addValue("team", c.team())
            .addValue("firstReplyAt", utc(c.firstReplyAt()))
            .addValue("firstReplyWorkingMinutes", c.firstReplyWorkingMinutes())
            .addValue("resolvedAt", utc(c.resolvedAt())).addValue("firstContactResolved", c.firstContactResolved())
            .addValue("outcome", c.outcome()).addValue("productSku", c.productSku())
            .addValue("createdBy", c.createdBy()))
            .toArray(SqlParameterSource[]::new));
  }

  public Optional<Contact> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from contact where id = :id").param("id", id)
        .query(ContactRepository::map).optional();
  }

  public Optional<Contact> findByExternalId(Channel channel, String externalId) {
    return jdbc.sql("select " + COLUMNS + " from contact where channel = :channel and external_id = :externalId")
        .param("channel", channel.name()).param("externalId", externalId)
        .query(ContactRepository::map).optional();
  }

  /** Contacts whose id starts with {@code hexPrefix} (a case token names 8 hex digits). */
  public List<Contact> withIdPrefix(String hexPrefix) {
    if (!hexPrefix.matches("[0-9a-f]{8}")) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from contact where id like :prefix").param("prefix", hexPrefix + "-%")
        .query(ContactRepository::map).list();
  }

  /** The contacts customers made that named the order, newest first (proactive ones left out). */
  public List<Contact> namingOrder(String orderId) {
    return jdbc.sql("select " + COLUMNS + """
             from contact where order_id = :orderId and proactive = false
            order by received_at desc, id""")
        .param("orderId", orderId).query(ContactRepository::map).list();
  }

  /** Whether careflow opened the contact itself (no customer's contact: left out of contact counts). */
  public boolean proactive(String id) {
    return jdbc.sql("select proactive from contact where id = :id").param("id", id).query(Boolean.class)
        .optional().map(Boolean.TRUE::equals).orElse(false);
  }

  public long count() {
    return jdbc.sql("select count(*) from contact").query(Long.class).single();
  }

  /**
   * Holds the contact's row until the transaction ends: work on one case that must see what a
   * concurrent request (another cluster node) just did waits for it, e.g. storing the same
   * customer e-mail twice.
   */
  public void lock(String id) {
    jdbc.sql("select id from contact where id = :id for update").param("id", id).query(String.class).optional();
  }

  public void setProcessInstance(String id, String processInstanceId) {
    jdbc.sql("update contact set process_instance_id = :processInstanceId where id = :id")
        .param("processInstanceId", processInstanceId).param("id", id).update();
  }

  /** Topic, protocol and the team that runs the case (the KPIs filter and the backlog groups by it). */
  public void setClassification(String id, String topic, String protocol, String team) {
    jdbc.sql("update contact set topic = :topic, protocol = :protocol, team = :team where id = :id")
        .param("topic", topic).param("protocol", protocol).param("team", team).param("id", id).update();
  }

  public void setStatus(String id, ContactStatus status) {
    jdbc.sql("update contact set status = :status where id = :id").param("status", status.name()).param("id", id)
        .update();
  }

  public void resolve(String id, Instant at) {
    end(id, ContactStatus.RESOLVED, at);
  }

  public void close(String id, Instant at) {
    end(id, ContactStatus.CLOSED, at);
  }

  private void end(String id, ContactStatus status, Instant at) {
    jdbc.sql("update contact set status = :status, resolved_at = :at where id = :id")
        .param("status", status.name()).param("at", utc(at)).param("id", id).update();
  }

  /** Records the first reply only once: later replies leave it as it was. */
  public void recordFirstReply(String id, Instant at, long workingMinutes) {
    jdbc.sql("""
            update contact set first_reply_at = :at, first_reply_working_minutes = :minutes
            where id = :id and first_reply_at is null""")
        .param("at", utc(at)).param("minutes", workingMinutes).param("id", id).update();
  }

  /** The customer agreed, with this contact, to get text messages on their phone. */
  public void allowTextMessages(String id) {
    jdbc.sql("update contact set text_messages_allowed = true where id = :id").param("id", id).update();
  }

  /** Whether the customer agreed, with this contact, to get text messages (SMS) on their phone. */
  public boolean textMessagesAllowed(String id) {
    return jdbc.sql("select text_messages_allowed from contact where id = :id").param("id", id)
        .query(Boolean.class).optional().map(Boolean.TRUE::equals).orElse(false);
  }

  /** How the case ended in the protocol's words (e.g. COMPLAINT_JUSTIFIED, "REFUND 150"). */
  public void recordOutcome(String id, String outcome, String detail) {
    jdbc.sql("update contact set outcome = :outcome, outcome_detail = :detail where id = :id")
        .param("outcome", outcome).param("detail", detail).param("id", id).update();
  }

  /** The case this one came from (a protocol opened it for the same customer). */
  public void setFollows(String id, String followsContactId) {
    jdbc.sql("update contact set follows_contact_id = :follows where id = :id")
        .param("follows", followsContactId).param("id", id).update();
  }

  public void recordFirstContactResolved(String id, boolean resolved) {
    jdbc.sql("update contact set first_contact_resolved = :resolved where id = :id")
        .param("resolved", resolved).param("id", id).update();
  }

  public void setDissatisfaction(String id, String level) {
    jdbc.sql("update contact set dissatisfaction = :level where id = :id").param("level", level).param("id", id)
        .update();
  }

  /** A customer merge: every contact of {@code from} now belongs to {@code into}; returns how many moved. */
  public int moveToCustomer(String from, String into) {
    return jdbc.sql("update contact set customer_id = :into where customer_id = :from")
        .param("into", into).param("from", from).update();
  }

  /** The first {@code limit} contacts that ended (RESOLVED or CLOSED) before {@code cutoff}, the oldest first. */
  public List<String> endedBefore(Instant cutoff, int limit) {
    return jdbc.sql("""
            select id from contact where status in ('RESOLVED', 'CLOSED') and resolved_at < :cutoff
            order by resolved_at, id fetch first %d rows only""".formatted(limit))
        .param("cutoff", utc(cutoff)).query(String.class).list();
  }

  /** Deletes the contacts (retention); the rows that name them must be gone or detached before. */
  public void delete(Collection<String> ids) {
    if (!ids.isEmpty()) {
      jdbc.sql("delete from contact where id in (:ids)").param("ids", ids).update();
    }
  }

  private static Contact map(ResultSet rs, int row) throws SQLException {
    // the one place that knows every component: a row holds them all
    return new Contact(
        rs.getString("id"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("external_id"),
        rs.getString("customer_id"),
        rs.getString("customer_email"),
        rs.getString("customer_phone"),
        instant(rs, "received_at"),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getString("topic_hint"),
        rs.getString("topic"),
        rs.getString("protocol"),
        ContactStatus.valueOf(rs.getString("status")),
        rs.getString("language"),
        rs.getString("order_id"),
        rs.getString("product_sku"),
        rs.getString("process_instance_id"),
        instant(rs, "first_reply_at"),
        rs.getObject("first_reply_working_minutes", Long.class),
        instant(rs, "resolved_at"),
        rs.getString("outcome"),
        rs.getString("outcome_detail"),
        (Boolean) rs.getObject("first_contact_resolved"),
        rs.getString("dissatisfaction"),
        rs.getString("customer_handle"),
        instant(rs, "call_back_at"));
  }
}
