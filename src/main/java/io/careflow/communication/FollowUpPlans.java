package io.careflow.communication;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.contact.ContactEvents;
import io.careflow.sla.BusinessHoursProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * After every contact the next communication is planned, or explicitly "none needed"
 * (SPEC R5). The plan is stored on the contact; the follow-up process sends it on its day.
 */
@Service
public class FollowUpPlans {

  public static final String PLANNED = "PLANNED";
  public static final String FOLLOW_UP_PLANNED = "FOLLOW_UP_PLANNED";

  private final JdbcClient jdbc;
  private final ContactEvents events;
  private final Clock clock;
  private final BusinessHoursProperties shopTime;

  public FollowUpPlans(JdbcClient jdbc, ContactEvents events, Clock clock, BusinessHoursProperties shopTime) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    this.shopTime = shopTime;
  }

  public record FollowUp(String id, String contactId, FollowUpType type, Instant plannedFor, String note,
      String status, String createdBy) {}

  /** Records the plan; NONE is recorded as an event only (nothing to send). */
  public void plan(String contactId, FollowUpType type, Instant plannedFor, String note, String by) {
    if (type == FollowUpType.NONE) {
      events.record(contactId, FOLLOW_UP_PLANNED, by, "no follow-up needed");
      return;
    }
    jdbc.sql("insert into follow_up (id, contact_id, type, planned_for, note, status, created_by, created_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), contactId, type.name(), utc(plannedFor), note, PLANNED, by,
            utc(clock.instant()))
        .update();
    events.record(contactId, FOLLOW_UP_PLANNED, by,
        type.name().toLowerCase().replace('_', ' ') + " on " + shopTime.local(plannedFor)
            + (note == null ? "" : ": " + note));
  }

  public List<FollowUp> ofContact(String contactId) {
    return jdbc.sql("select * from follow_up where contact_id = ? order by planned_for").param(contactId)
        .query((rs, n) -> new FollowUp(rs.getString("id"), rs.getString("contact_id"),
            FollowUpType.valueOf(rs.getString("type")), instant(rs, "planned_for"), rs.getString("note"),
            rs.getString("status"), rs.getString("created_by")))
        .list();
  }
}
