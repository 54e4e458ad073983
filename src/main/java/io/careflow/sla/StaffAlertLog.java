package io.careflow.sla;

import io.careflow.casefile.CaseRecords;
import io.careflow.sla.DeadlineAlertProcess.Level;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which e-mails to staff about deadlines and undelivered messages have gone out ({@code staff_alert}). A sending step
 * records its e-mail before it leaves, in the step's own transaction: when two runs of one step
 * overlap (a cluster node whose job lock expired while another still ran it), PostgreSQL holds
 * the second insert of the same id until the first run ends — committed, the second fails before
 * sending (a duplicate key; its retry then finds the row); rolled back, the second sends.
 */
@Repository
class StaffAlertLog implements CaseRecords {

  private final JdbcClient jdbc;
  private final Clock clock;

  StaffAlertLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** @return false when an earlier, committed run sent this e-mail already */
  boolean record(String messageId, Deadline deadline, Level level, String recipient) {
    if (jdbc.sql("select count(*) from staff_alert where id = ?").param(messageId).query(Long.class).single() > 0) {
      return false;
    }
    jdbc.sql("insert into staff_alert (id, contact_id, deadline_id, level, recipient, sent_at) "
            + "values (?, ?, ?, ?, ?, ?)")
        .params(messageId, deadline.contactId(), deadline.id(), level.name(), recipient,
            clock.instant().atOffset(ZoneOffset.UTC))
        .update();
    return true;
  }

  /** The same for the e-mail about a message that could not be delivered (no deadline; maybe no contact). */
  boolean recordUndelivered(String alertId, String contactId, String messageId, String recipient) {
    if (jdbc.sql("select count(*) from staff_alert where id = ?").param(alertId).query(Long.class).single() > 0) {
      return false;
    }
    jdbc.sql("insert into staff_alert (id, contact_id, message_id, level, recipient, sent_at) "
            + "values (?, ?, ?, ?, ?, ?)")
        .params(alertId, contactId, messageId, Level.UNDELIVERED.name(), recipient,
            clock.instant().atOffset(ZoneOffset.UTC))
        .update();
    return true;
  }

  @Override
  public List<String> tables() {
    return List.of("staff_alert");
  }

  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.deleteRows(jdbc, tables(), contactIds);
  }
}
