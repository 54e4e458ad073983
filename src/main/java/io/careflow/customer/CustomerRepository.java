package io.careflow.customer;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers, the addresses that lead to them, and the moves of a merge. */
@Repository
public class CustomerRepository {

  private static final String COLUMNS = "id, name, language, vip, merged_into, created_at";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  public CustomerRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  Optional<String> findByIdentity(IdentityKind kind, String value) {
    return jdbc.sql("select customer_id from customer_identity where kind = :kind and identity_value = :value")
        .param("kind", kind.name()).param("value", value).query(String.class).optional();
  }

  void insertCustomer(String id, String name, String language, Instant now) {
    jdbc.sql("insert into customer (id, name, language, created_at) values (:id, :name, :language, :createdAt)")
        .param("id", id).param("name", name).param("language", language).param("createdAt", utc(now)).update();
  }

  /** @param linkedBy the user who linked the address by hand; null when it came with a contact */
  void insertIdentity(IdentityKind kind, String value, String customerId, Instant now, String linkedBy) {
    jdbc.sql("""
            insert into customer_identity (kind, identity_value, customer_id, created_at, linked_by)
            values (:kind, :value, :customerId, :createdAt, :linkedBy)""")
        .param("kind", kind.name()).param("value", value).param("customerId", customerId)
        .param("createdAt", utc(now)).param("linkedBy", linkedBy).update();
  }

  /** A customer known by one e-mail address since {@code createdAt}, written in bulk (the demo's past). */
  public record KnownCustomer(String id, String name, String language, String email, Instant createdAt) {}

  /** Writes the customers and their e-mail addresses as two JDBC batches, in the caller's transaction. */
  public void insertAll(List<KnownCustomer> customers) {
    batches.batchUpdate("""
            insert into customer (id, name, language, created_at) values (:id, :name, :language, :createdAt)""",
        customers.stream().map(c -> new MapSqlParameterSource().addValue("id", c.id()).addValue("name", c.name())
            .addValue("language", c.language()).addValue("createdAt", utc(c.createdAt())))
            .toArray(SqlParameterSource[]::new));
    batches.batchUpdate("""
            insert into customer_identity (kind, identity_value, customer_id, created_at)
            values (:kind, :value, :customerId, :createdAt)""",
        customers.stream().map(c -> new MapSqlParameterSource().addValue("kind", IdentityKind.EMAIL.name())
            .addValue("value", c.email()).addValue("customerId", c.id()).addValue("createdAt", utc(c.createdAt())))
            .toArray(SqlParameterSource[]::new));
  }

  /** Fills in what the customer record did not know yet; never overwrites with nothing. */
  void updateDetails(String id, String name, String language) {
    if (name != null) {
      jdbc.sql("update customer set name = :name where id = :id").param("name", name).param("id", id).update();
    }
    if (language != null) {
      jdbc.sql("update customer set language = :language where id = :id").param("language", language)
          .param("id", id).update();
    }
  }

  void setTimeZone(String id, String zone) {
    jdbc.sql("update customer set time_zone = :zone where id = :id").param("zone", zone).param("id", id).update();
  }

  Optional<Customer> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from customer where id = :id").param("id", id)
        .query(CustomerRepository::map).optional();
  }

  /**
   * Reads the customer and holds their row until the transaction ends: a merge and an
   * intake of the same customer then happen one after the other, so no contact lands on a
   * customer merged away a moment before.
   */
  Optional<Customer> lock(String id) {
    return jdbc.sql("select " + COLUMNS + " from customer where id = :id for update").param("id", id)
        .query(CustomerRepository::map).optional();
  }

  List<Identity> identities(String customerId) {
    return jdbc.sql("""
            select kind, identity_value, created_at, linked_by from customer_identity
            where customer_id = :customerId order by kind, created_at, identity_value""")
        .param("customerId", customerId)
        .query((rs, n) -> new Identity(IdentityKind.valueOf(rs.getString("kind")), rs.getString("identity_value"),
            instant(rs, "created_at"), rs.getString("linked_by")))
        .list();
  }

  void setVip(String id, boolean vip, String by, Instant at, String reason) {
    jdbc.sql("""
            update customer set vip = :vip, vip_changed_by = :by, vip_changed_at = :at, vip_reason = :reason
            where id = :id""")
        .param("vip", vip).param("by", by).param("at", utc(at)).param("reason", reason).param("id", id).update();
  }

  Optional<VipChange> vipChange(String id) {
    return jdbc.sql("""
            select vip_changed_by, vip_changed_at, vip_reason from customer
            where id = :id and vip_changed_by is not null""")
        .param("id", id)
        .query((rs, n) -> new VipChange(rs.getString("vip_changed_by"), instant(rs, "vip_changed_at"),
            rs.getString("vip_reason")))
        .optional();
  }

  Optional<String> name(String id) {
    return jdbc.sql("select name from customer where id = :id").param("id", id).query(String.class).optional();
  }

  Optional<String> timeZone(String id) {
    return jdbc.sql("select time_zone from customer where id = :id").param("id", id).query(String.class)
        .optional();
  }

  Optional<String> language(String id) {
    return jdbc.sql("select language from customer where id = :id").param("id", id).query(String.class)
        .optional();
  }

  /** The customer's contacts other than {@code excludingContactId}, proactive ones included. */
  long contactCount(String customerId, String excludingContactId) {
    return jdbc.sql("select count(*) from contact where customer_id = :customerId and id <> :excluding")
        .param("customerId", customerId).param("excluding", excludingContactId).query(Long.class).single();
  }

  /** The messages on a contact, oldest first. */
  List<ConversationLine> conversation(String contactId) {
    return jdbc.sql("""
            select created_at, direction, kind, author_name, body from message
            where contact_id = :contactId order by created_at, seq""")
        .param("contactId", contactId)
        .query((rs, n) -> new ConversationLine(instant(rs, "created_at"), rs.getString("direction"),
            rs.getString("kind"), rs.getString("author_name"), rs.getString("body")))
        .list();
  }

  /** One message of a contact's conversation. */
  record ConversationLine(Instant at, String direction, String kind, String authorName, String body) {}

  /** Contacts the customer made (a proactive one careflow opened does not make a regular customer). */
  long contactCount(String customerId) {
    return jdbc.sql("select count(*) from contact where customer_id = :customerId and proactive = false")
        .param("customerId", customerId).query(Long.class).single();
  }

  List<String> contactIds(String customerId) {
    return jdbc.sql("select id from contact where customer_id = :customerId order by received_at, id")
        .param("customerId", customerId).query(String.class).list();
  }

  /**
   * The customer's contacts, newest first, with the number of replies the shop sent on each;
   * {@code limit} 0 for all.
   */
  /** Follow-ups still planned on the customer's contacts, soonest first. */
  List<FollowUpLine> plannedFollowUps(String customerId) {
    return jdbc.sql("""
            select f.id, f.contact_id, f.type, f.planned_for, f.note, f.created_by from follow_up f
            join contact c on c.id = f.contact_id
            where c.customer_id = :customerId and f.status = 'PLANNED' order by f.planned_for""")
        .param("customerId", customerId)
        .query((rs, n) -> new FollowUpLine(rs.getString(1), rs.getString(2), rs.getString(3),
            io.careflow.system.SqlTimes.instant(rs, "planned_for"), rs.getString(5), rs.getString(6)))
        .list();
  }

  List<SurveyLine> surveyAnswers(String customerId) {
    return jdbc.sql("""
            select s.contact_id, s.csat, s.nps, s.ces, s.comment, s.answered_at from survey_answer s
            join contact c on c.id = s.contact_id where c.customer_id = :customerId order by s.answered_at desc""")
        .param("customerId", customerId)
        .query((rs, n) -> new SurveyLine(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
            io.careflow.system.SqlTimes.instant(rs, "answered_at")))
        .list();
  }

  record FollowUpLine(String id, String contactId, String type, Instant plannedFor, String note, String by) {}

  record SurveyLine(String contactId, int csat, int nps, int ces, String comment, Instant answeredAt) {}

  List<ContactLine> contacts(String customerId, String excludingContactId, int limit) {
    return jdbc.sql("""
            select c.id, c.channel, c.topic, c.status, c.received_at, c.subject, c.resolved_at,
                   (select count(*) from message m where m.contact_id = c.id and m.direction = 'OUT') as replies
            from contact c where c.customer_id = :customerId and c.id <> :excluding
            order by c.received_at desc, c.id""" + (limit > 0 ? " fetch first " + limit + " rows only" : ""))
        .param("customerId", customerId).param("excluding", excludingContactId == null ? "" : excludingContactId)
        .query((rs, n) -> new ContactLine(rs.getString("id"), Channel.valueOf(rs.getString("channel")),
            rs.getString("topic"), rs.getString("status"), instant(rs, "received_at"), rs.getString("subject"),
            instant(rs, "resolved_at"), rs.getInt("replies")))
        .list();
  }

  /**
   * The agents who replied to the customer, the one with most replies first (ties: the
   * most recent reply first): the first is the customer's preferred agent. Only an agent's
   * answers and questions count — the rule routing's retention follows — never the notices
   * careflow sends by itself (acknowledgements, links, progress), whose author is "system".
   */
  List<AgentReplies> agents(String customerId) {
    return jdbc.sql("""
            select m.author, count(*) as replies, max(m.created_at) as last_reply_at
            from message m join contact c on c.id = m.contact_id
            where c.customer_id = :customerId and m.direction = 'OUT' and m.kind in ('ANSWER', 'QUESTION')
            group by m.author
            order by count(*) desc, max(m.created_at) desc, m.author""")
        .param("customerId", customerId)
        .query((rs, n) -> new AgentReplies(rs.getString("author"), rs.getInt("replies"), instant(rs, "last_reply_at")))
        .list();
  }

  /** The customer and channel of a contact. */
  Optional<ContactRef> contact(String contactId) {
    return jdbc.sql("select id, customer_id, channel from contact where id = :id").param("id", contactId)
        .query((rs, n) -> new ContactRef(rs.getString("id"), rs.getString("customer_id"),
            Channel.valueOf(rs.getString("channel"))))
        .optional();
  }

  // --- a merge: everything of `from` moves to `into`; `from` stays as a tombstone. The rows of
  // other features (contacts, messages, orders) move through their own repositories (CustomerMerged).

  int moveIdentities(String from, String into) {
    return jdbc.sql("update customer_identity set customer_id = :into where customer_id = :from")
        .param("into", into).param("from", from).update();
  }

  /** The survivor keeps its time zone; one it did not know is taken from {@code from}. */
  void takeOverTimeZone(String from, String into) {
    jdbc.sql("""
            update customer set time_zone = (select c.time_zone from customer c where c.id = :from)
            where id = :into and time_zone is null""")
        .param("from", from).param("into", into).update();
  }

  /**
   * Marks {@code from} merged and re-points the tombstones that pointed at it, so every
   * tombstone is one step from its survivor.
   */
  void markMerged(String from, String into) {
    jdbc.sql("update customer set merged_into = :into where id = :from or merged_into = :from")
        .param("into", into).param("from", from).update();
  }

  /** What {@code into} did not know yet (name, language) is taken from {@code from}: nothing is lost. */
  void takeOverDetails(Customer from, Customer into) {
    updateDetails(into.id(), into.name() == null ? from.name() : null,
        into.language() == null ? from.language() : null);
  }

  void insertMerge(String into, String from, String reason, String by, Instant at, MergeCounts moved) {
    jdbc.sql("""
            insert into customer_merge (into_customer_id, from_customer_id, reason, merged_by, merged_at,
                                        moved_contacts, moved_identities, moved_notes, moved_offers)
            values (:into, :from, :reason, :by, :at, :contacts, :identities, :notes, :offers)""")
        .param("into", into).param("from", from).param("reason", reason).param("by", by).param("at", utc(at))
        .param("contacts", moved.contacts()).param("identities", moved.identities()).param("notes", moved.notes())
        .param("offers", moved.offers())
        .update();
  }

  /** The customers merged into this one, directly or through a customer merged into it later. */
  List<Merge> mergesInto(String customerId) {
    return jdbc.sql("""
            select m.from_customer_id, m.into_customer_id, m.reason, m.merged_by, m.merged_at, m.moved_contacts,
                   m.moved_identities, m.moved_notes, m.moved_offers
            from customer_merge m join customer c on c.id = m.from_customer_id
            where c.merged_into = :customerId order by m.merged_at, m.id""")
        .param("customerId", customerId)
        .query((rs, n) -> new Merge(rs.getString("from_customer_id"), rs.getString("into_customer_id"),
            rs.getString("merged_by"), instant(rs, "merged_at"), rs.getString("reason"),
            new MergeCounts(rs.getInt("moved_contacts"), rs.getInt("moved_identities"), rs.getInt("moved_notes"),
                rs.getInt("moved_offers"))))
        .list();
  }

  private static Customer map(ResultSet rs, int row) throws SQLException {
    return new Customer(rs.getString("id"), rs.getString("name"), rs.getString("language"), rs.getBoolean("vip"),
        rs.getString("merged_into"), instant(rs, "created_at"));
  }

  /** One contact of the customer as the record lists it. */
  record ContactLine(String id, Channel channel, String topic, String status, Instant receivedAt, String subject,
      Instant resolvedAt, int replies) {}

  /** How often an agent replied to the customer, and when last. */
  record AgentReplies(String userId, int replies, Instant lastReplyAt) {}

  record ContactRef(String id, String customerId, Channel channel) {}

  /** An address that leads to the customer. */
  record Identity(IdentityKind kind, String value, Instant since, String linkedBy) {}

  /** Who last marked the customer VIP (or took the mark away), when and why. */
  record VipChange(String by, Instant at, String reason) {}

  /** How many rows a merge moved. */
  record MergeCounts(int contacts, int identities, int notes, int offers) {}

  /** One recorded merge. */
  record Merge(String from, String into, String by, Instant at, String reason, MergeCounts moved) {}
}
