package io.careflow.casefile;

import io.careflow.system.SqlTimes;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only record of what happened to a contact beyond the engine's own history
 * (messages, classification, resolution; later SLA events, routing reasons, notes, …).
 * The audit timeline merges it with the engine's history.
 */
@Component
public class ContactEvents implements CaseRecords {

  public static final String SYSTEM = "system";

  public static final String RECEIVED = "CONTACT_RECEIVED";
  public static final String CLASSIFIED = "CLASSIFIED";
  public static final String REPLY_RECORDED = "REPLY_RECORDED";
  public static final String MESSAGE_SENT = "MESSAGE_SENT";
  /** Written by earlier versions for a message kept on the case without a way out. */
  public static final String MESSAGE_STORED = "MESSAGE_STORED";
  /** A message the channel did not take after the sending step's last attempt (with the reason). */
  public static final String MESSAGE_UNDELIVERED = "MESSAGE_UNDELIVERED";
  public static final String RESOLVED = "RESOLVED";
  public static final String CLOSED = "CLOSED";
  public static final String MESSAGE_RECEIVED = "MESSAGE_RECEIVED";
  public static final String STYLE_CHANGED = "STYLE_CHANGED";
  public static final String SENIOR_TAKES_OVER = "SENIOR_TAKES_OVER";
  public static final String OUTCOME = "OUTCOME";
  /** A protocol opened a new case for the same customer from this one. */
  public static final String FOLLOWED_BY = "FOLLOWED_BY";
  /** The customer record: a note or an offer made during the contact, the contact moved by a merge. */
  public static final String NOTE_ADDED = "NOTE_ADDED";
  public static final String OFFER_MADE = "OFFER_MADE";
  /** What an agent ticked in a per-task block of a form (the conversation algorithm), per task. */
  public static final String TASK_CHECKLIST = "TASK_CHECKLIST";
  public static final String CUSTOMER_MERGED = "CUSTOMER_MERGED";

  private static final int MAX_DETAIL = 2000;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;
  private final Clock clock;

  public ContactEvents(JdbcClient jdbc, NamedParameterJdbcTemplate batches, Clock clock) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.clock = clock;
  }

  public void record(String contactId, String type, String actor, String detail) {
    jdbc.sql(INSERT).paramSource(row(new PastEvent(contactId, clock.instant(), type, actor, detail))).update();
  }

  /** Something that happened to a contact at {@code occurredAt}, written in bulk (the demo's past). */
  public record PastEvent(String contactId, Instant occurredAt, String type, String actor, String detail) {}

  /** Writes the events as one JDBC batch, in the caller's transaction. */
  public void recordAll(List<PastEvent> events) {
    batches.batchUpdate(INSERT, events.stream().map(ContactEvents::row).toArray(SqlParameterSource[]::new));
  }

  private static final String INSERT = """
      insert into contact_event (contact_id, occurred_at, type, actor, detail)
      values (:contactId, :occurredAt, :type, :actor, :detail)""";

  private static SqlParameterSource row(PastEvent e) {
    String detail = e.detail();
    String text = detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 1) + "…" : detail;
    return new MapSqlParameterSource().addValue("contactId", e.contactId())
        .addValue("occurredAt", SqlTimes.utc(e.occurredAt())).addValue("type", e.type())
        .addValue("actor", e.actor() == null ? SYSTEM : e.actor()).addValue("detail", text);
  }

  public List<ContactEvent> of(String contactId) {
    return jdbc.sql("select occurred_at, type, actor, detail from contact_event where contact_id = ? order by occurred_at, id")
        .param(contactId)
        .query((rs, n) -> new ContactEvent(SqlTimes.instant(rs, "occurred_at"),
            rs.getString("type"), rs.getString("actor"), rs.getString("detail")))
        .list();
  }

  public record ContactEvent(Instant at, String type, String actor, String detail) {}

  @Override
  public List<String> tables() {
    return List.of("contact_event");
  }

  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.deleteRows(jdbc, tables(), contactIds);
  }
}
