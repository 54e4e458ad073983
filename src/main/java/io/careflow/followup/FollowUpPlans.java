package io.careflow.followup;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.CaseRecords;
import io.careflow.contact.ContactClassified;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.followup.FollowUpProcess.Variables;
import io.careflow.calendar.BusinessHoursProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * After every contact the next communication is planned, or explicitly "none needed"
 * (SPEC R5). A plan is a {@code follow_up} row and a {@code follow-up.bpmn} instance that
 * carries it out on its day.
 *
 * <p>Cancellation rule: when the same customer opens a new case on the same topic while a
 * follow-up of an earlier case is still planned (or its call task still open), that
 * follow-up is cancelled — the new case is the conversation now, and it ends with its own
 * plan. Follow-ups on other topics go ahead.
 */
@Service
public class FollowUpPlans implements CaseRecords {

  public static final String PLANNED = "PLANNED";
  public static final String SENT = "SENT";
  public static final String DONE = "DONE";
  public static final String CANCELLED = "CANCELLED";
  public static final String FOLLOW_UP_PLANNED = "FOLLOW_UP_PLANNED";
  public static final String FOLLOW_UP_DONE = "FOLLOW_UP_DONE";
  public static final String FOLLOW_UP_CANCELLED = "FOLLOW_UP_CANCELLED";

  private final JdbcClient jdbc;
  private final ContactRepository contacts;
  private final ContactEvents events;
  private final RuntimeService runtimeService;
  private final SendingHours sendingHours;
  private final Clock clock;
  private final BusinessHoursProperties shopTime;

  public FollowUpPlans(JdbcClient jdbc, ContactRepository contacts, ContactEvents events,
      RuntimeService runtimeService, SendingHours sendingHours, Clock clock, BusinessHoursProperties shopTime) {
    this.jdbc = jdbc;
    this.contacts = contacts;
    this.events = events;
    this.runtimeService = runtimeService;
    this.sendingHours = sendingHours;
    this.clock = clock;
    this.shopTime = shopTime;
  }

  public record FollowUp(String id, String contactId, FollowUpType type, Instant plannedFor, String note,
      String status, String createdBy, Instant completedAt, String cancelReason) {}

  /**
   * Records the plan and starts its process; NONE is recorded as an event only (nothing to
   * do). {@code team} is the team whose task a call lands in when its agent is away.
   */
  public Optional<String> plan(String contactId, FollowUpType type, Instant plannedFor, String note, String by,
      String team) {
    if (type == FollowUpType.NONE) {
      events.record(contactId, FOLLOW_UP_PLANNED, by, "no follow-up needed");
      return Optional.empty();
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into follow_up (id, contact_id, type, planned_for, note, status, created_by, created_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, contactId, type.name(), utc(plannedFor), note, PLANNED, by, utc(clock.instant()))
        .update();
    String customerId = customerOf(contactId);
    ZoneId zone = sendingHours.zoneOf(customerId);
    Instant sendAt = sendingHours.next(plannedFor, zone);
    runtimeService.createProcessInstanceByKey(FollowUpProcess.KEY)
        .businessKey(id)
        .setVariables(org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValue(Variables.FOLLOW_UP_ID, id)
            .putValue(io.careflow.casefile.CaseVariables.CONTACT_ID, contactId)
            .putValue(io.careflow.casefile.CaseVariables.CUSTOMER_ID, customerId)
            .putValue(io.careflow.casefile.CaseVariables.TEAM, team == null ? "agents" : team)
            .putValue(Variables.TYPE, type.name())
            .putValue(Variables.PLANNED_NOTE, note)
            .putValue(Variables.AGENT, "system".equals(by) ? null : by)
            .putValue(Variables.SEND_AT, Date.from(sendAt)))
        .execute();
    events.record(contactId, FOLLOW_UP_PLANNED, by,
        type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " on " + shopTime.local(sendAt)
            + (sendAt.equals(plannedFor) ? "" : " (moved into the customer's sending hours)")
            + (note == null ? "" : ": " + note));
    return Optional.of(id);
  }

  /** The follow-up was carried out: message sent, or the agent's task done. */
  public void complete(String followUpId, String status, String by, String detail) {
    jdbc.sql("update follow_up set status = ?, completed_at = ? where id = ? and status = ?")
        .params(status, utc(clock.instant()), followUpId, PLANNED).update();
    find(followUpId).ifPresent(f -> events.record(f.contactId(), FOLLOW_UP_DONE, by,
        f.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + detail));
  }

  /** Applies the cancellation rule (class comment) to the customer's new case. */
  @EventListener
  public void onNewCase(ContactClassified classified) {
    String customerId = customerOf(classified.contactId());
    List<FollowUp> pointless = jdbc.sql("""
            select f.* from follow_up f join contact c on c.id = f.contact_id
            where c.customer_id = ? and c.topic = ? and c.id <> ? and f.status = ?""")
        .params(customerId, classified.topic(), classified.contactId(), PLANNED)
        .query(FollowUpPlans::map).list();
    for (FollowUp followUp : pointless) {
      String reason = "the customer opened a new case on the same topic (" + classified.contactId() + ")";
      int updated = jdbc.sql("update follow_up set status = ?, completed_at = ?, cancel_reason = ? "
              + "where id = ? and status = ?")
          .params(CANCELLED, utc(clock.instant()), reason, followUp.id(), PLANNED).update();
      if (updated == 1) {
        runtimeService.createMessageCorrelation(FollowUpProcess.MESSAGE_CANCELLED)
            .processInstanceBusinessKey(followUp.id()).correlateAll();
        events.record(followUp.contactId(), FOLLOW_UP_CANCELLED, ContactEvents.SYSTEM,
            followUp.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " cancelled: " + reason);
      }
    }
  }

  public Optional<FollowUp> find(String id) {
    return jdbc.sql("select * from follow_up where id = ?").param(id).query(FollowUpPlans::map).optional();
  }

  public List<FollowUp> ofContact(String contactId) {
    return jdbc.sql("select * from follow_up where contact_id = ? order by planned_for").param(contactId)
        .query(FollowUpPlans::map).list();
  }

  private String customerOf(String contactId) {
    return contacts.find(contactId).orElseThrow().customerId();
  }

  private static FollowUp map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new FollowUp(rs.getString("id"), rs.getString("contact_id"), FollowUpType.valueOf(rs.getString("type")),
        instant(rs, "planned_for"), rs.getString("note"), rs.getString("status"), rs.getString("created_by"),
        instant(rs, "completed_at"), rs.getString("cancel_reason"));
  }

  @Override
  public List<String> tables() {
    return List.of("follow_up");
  }

  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.deleteRows(jdbc, tables(), contactIds);
  }
}
