package io.careflow.contact;

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
public class ContactRepository {

  private static final String COLUMNS = "id, channel, external_id, customer_id, customer_email, customer_phone, "
      + "received_at, subject, body, topic_hint, topic, protocol, status, language, order_id, product_sku, "
      + "process_instance_id, first_reply_at, first_reply_working_minutes, resolved_at, outcome, outcome_detail, "
      + "first_contact_resolved, dissatisfaction, customer_handle, call_back_at";

  private final JdbcClient jdbc;

  public ContactRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Contact c, String createdBy) {
    jdbc.sql("insert into contact (id, channel, external_id, customer_id, customer_email, customer_phone, "
            + "received_at, subject, body, topic_hint, status, language, order_id, product_sku, created_by, "
            + "customer_handle, call_back_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(c.id(), c.channel().name(), c.externalId(), c.customerId(), c.customerEmail(), c.customerPhone(),
            utc(c.receivedAt()), c.subject(), c.body(), c.topicHint(),
            c.status().name(), c.language(), c.orderId(), c.productSku(), createdBy, c.customerHandle(),
            utc(c.callBackAt()))
        .update();
  }

  public Optional<Contact> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from contact where id = ?").param(id)
        .query(ContactRepository::map).optional();
  }

  Optional<Contact> findByExternalId(Channel channel, String externalId) {
    return jdbc.sql("select " + COLUMNS + " from contact where channel = ? and external_id = ?")
        .params(channel.name(), externalId).query(ContactRepository::map).optional();
  }

  /** Contacts whose id starts with {@code hexPrefix} (a case token names 8 hex digits). */
  public List<Contact> withIdPrefix(String hexPrefix) {
    if (!hexPrefix.matches("[0-9a-f]{8}")) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from contact where id like ?").param(hexPrefix + "-%")
        .query(ContactRepository::map).list();
  }

  /**
   * Holds the contact's row until the transaction ends: work on one case that must see what a
   * concurrent request (another cluster node) just did waits for it, e.g. storing the same
   * customer e-mail twice.
   */
  public void lock(String id) {
    jdbc.sql("select id from contact where id = ? for update").param(id).query(String.class).optional();
  }

  void setProcessInstance(String id, String processInstanceId) {
    jdbc.sql("update contact set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  /** Topic, protocol and the team that runs the case (the KPIs filter and the backlog groups by it). */
  void setClassification(String id, String topic, String protocol, String team) {
    jdbc.sql("update contact set topic = ?, protocol = ?, team = ? where id = ?").params(topic, protocol, team, id)
        .update();
  }

  public void setStatus(String id, ContactStatus status) {
    jdbc.sql("update contact set status = ? where id = ?").params(status.name(), id).update();
  }

  void resolve(String id, Instant at) {
    jdbc.sql("update contact set status = ?, resolved_at = ? where id = ?")
        .params(ContactStatus.RESOLVED.name(), utc(at), id).update();
  }

  void close(String id, Instant at) {
    jdbc.sql("update contact set status = ?, resolved_at = ? where id = ?")
        .params(ContactStatus.CLOSED.name(), utc(at), id).update();
  }

  /** Records the first reply only once: later replies leave it as it was. */
  public void recordFirstReply(String id, Instant at, long workingMinutes) {
    jdbc.sql("update contact set first_reply_at = ?, first_reply_working_minutes = ? "
            + "where id = ? and first_reply_at is null")
        .params(utc(at), workingMinutes, id).update();
  }

  /** The customer agreed, with this contact, to get text messages on their phone. */
  public void allowTextMessages(String id) {
    jdbc.sql("update contact set text_messages_allowed = true where id = ?").param(id).update();
  }

  /** Whether the customer agreed, with this contact, to get text messages (SMS) on their phone. */
  public boolean textMessagesAllowed(String id) {
    return jdbc.sql("select text_messages_allowed from contact where id = ?").param(id).query(Boolean.class)
        .optional().map(Boolean.TRUE::equals).orElse(false);
  }

  /** How the case ended in the protocol's words (e.g. COMPLAINT_JUSTIFIED, "REFUND 150"). */
  public void recordOutcome(String id, String outcome, String detail) {
    jdbc.sql("update contact set outcome = ?, outcome_detail = ? where id = ?").params(outcome, detail, id).update();
  }

  /** The case this one came from (a protocol opened it for the same customer). */
  void setFollows(String id, String followsContactId) {
    jdbc.sql("update contact set follows_contact_id = ? where id = ?").params(followsContactId, id).update();
  }

  public void recordFirstContactResolved(String id, boolean resolved) {
    jdbc.sql("update contact set first_contact_resolved = ? where id = ?").params(resolved, id).update();
  }

  public void setDissatisfaction(String id, String level) {
    jdbc.sql("update contact set dissatisfaction = ? where id = ?").params(level, id).update();
  }

  /**
   * Stores a contact careflow opens itself (a delayed shipment to check: SPEC R5), marked
   * {@code proactive} so the KPIs leave it out of contact counts. Its process is already
   * running, so the process instance and protocol are stored with it.
   */
  public void insertProactive(Contact c, String createdBy) {
    jdbc.sql("insert into contact (id, channel, customer_id, customer_email, customer_phone, received_at, subject, "
            + "body, status, language, order_id, protocol, process_instance_id, created_by, proactive) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)")
        .params(c.id(), c.channel().name(), c.customerId(), c.customerEmail(), c.customerPhone(),
            utc(c.receivedAt()), c.subject(), c.body(), c.status().name(), c.language(), c.orderId(), c.protocol(),
            c.processInstanceId(), createdBy)
        .update();
  }

  /** The contacts customers made that named the order, newest first (proactive ones left out). */
  public List<Contact> namingOrder(String orderId) {
    return jdbc.sql("select " + COLUMNS + " from contact where order_id = ? and proactive = false "
            + "order by received_at desc, id")
        .param(orderId).query(ContactRepository::map).list();
  }

  public long count() {
    return jdbc.sql("select count(*) from contact").query(Long.class).single();
  }

  private static Contact map(ResultSet rs, int row) throws SQLException {
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
