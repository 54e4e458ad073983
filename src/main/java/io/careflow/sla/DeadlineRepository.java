package io.careflow.sla;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.calendar.WorkingDuration;
import io.careflow.casefile.CaseRecords;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DeadlineRepository implements CaseRecords {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  public DeadlineRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  void insert(Deadline d) {
    jdbc.sql("""
            insert into deadline (id, contact_id, step, target, warning_fraction, started_at, warning_at, due_at,
                                  escalation_at, policy_rule, policy_description)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(d.id(), d.contactId(), d.step(), d.target().toString(), BigDecimal.valueOf(d.warningFraction()),
            utc(d.startedAt()), utc(d.warningAt()), utc(d.dueAt()), utc(d.escalationAt()), d.policyRule(),
            clip(d.policyDescription()))
        .update();
  }

  /**
   * A deadline of the past: completed at {@code completedAt} in time ({@code met}) or late
   * (breached at its due time), or still running when both are null. Written in bulk (the demo's past).
   */
  public record PastDeadline(String id, String contactId, String step, Duration target, double warningFraction,
      Instant startedAt, Instant warningAt, Instant dueAt, Instant escalationAt, Instant completedAt, Boolean met,
      Instant breachedAt) {}

  /** Writes the deadlines as one JDBC batch, in the caller's transaction. */
  public void insertAll(List<PastDeadline> deadlines) {
    batches.batchUpdate("""
            insert into deadline (id, contact_id, step, target, warning_fraction, started_at, warning_at, due_at,
                                  escalation_at, completed_at, met, breached_at)
            values (:id, :contactId, :step, :target, :warningFraction, :startedAt, :warningAt, :dueAt,
                    :escalationAt, :completedAt, :met, :breachedAt)""",
        deadlines.stream().map(d -> new MapSqlParameterSource().addValue("id", d.id())
            .addValue("contactId", d.contactId()).addValue("step", d.step())
            .addValue("target", d.target().toString())
            .addValue("warningFraction", BigDecimal.valueOf(d.warningFraction()))
            .addValue("startedAt", utc(d.startedAt())).addValue("warningAt", utc(d.warningAt()))
            .addValue("dueAt", utc(d.dueAt())).addValue("escalationAt", utc(d.escalationAt()))
            .addValue("completedAt", utc(d.completedAt())).addValue("met", d.met())
            .addValue("breachedAt", utc(d.breachedAt())))
            .toArray(SqlParameterSource[]::new));
  }

  /** A new target for a running deadline (the protocol's row of the policy applies now). */
  void retarget(Deadline d) {
    jdbc.sql("""
            update deadline set target = ?, warning_fraction = ?, warning_at = ?, due_at = ?, escalation_at = ?,
                                policy_rule = ?, policy_description = ?
            where id = ? and completed_at is null""")
        .params(d.target().toString(), BigDecimal.valueOf(d.warningFraction()), utc(d.warningAt()), utc(d.dueAt()),
            utc(d.escalationAt()), d.policyRule(), clip(d.policyDescription()), d.id())
        .update();
  }

  void setWatched(String id, boolean watched) {
    jdbc.sql("update deadline set watched = ? where id = ?").params(watched, id).update();
  }

  boolean isWatched(String id) {
    return jdbc.sql("select watched from deadline where id = ?").param(id).query(Boolean.class).single();
  }

  /** The newest deadline of that step on the contact that has not ended. */
  Optional<Deadline> running(String contactId, String step) {
    return jdbc.sql("select * from deadline where contact_id = ? and step = ? and completed_at is null "
            + "order by started_at desc, id desc fetch first 1 rows only")
        .params(contactId, step).query(DeadlineRepository::map).optional();
  }

  private static String clip(String text) {
    return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
  }

  Optional<Deadline> find(String id) {
    return jdbc.sql("select * from deadline where id = ?").param(id).query(DeadlineRepository::map).optional();
  }

  /** The first deadline of that step on the contact (the contact's SLA for step "reply"). */
  Optional<Deadline> first(String contactId, String step) {
    return jdbc.sql("select * from deadline where contact_id = ? and step = ? order by started_at, id "
            + "fetch first 1 rows only")
        .params(contactId, step).query(DeadlineRepository::map).optional();
  }

  List<Deadline> ofContact(String contactId) {
    return jdbc.sql("select * from deadline where contact_id = ? order by started_at, id").param(contactId)
        .query(DeadlineRepository::map).list();
  }

  void pause(String id, Instant at) {
    jdbc.sql("update deadline set paused_at = ? where id = ? and paused_at is null").params(utc(at), id).update();
  }

  void resume(String id, Instant warningAt, Instant dueAt, Instant escalationAt, Duration pausedTotal) {
    jdbc.sql("""
            update deadline set paused_at = null, warning_at = ?, due_at = ?, escalation_at = ?,
                                paused_working_seconds = ?
            where id = ?""")
        .params(utc(warningAt), utc(dueAt), utc(escalationAt), pausedTotal.toSeconds(), id).update();
  }

  void complete(String id, Instant at, boolean met) {
    jdbc.sql("update deadline set completed_at = ?, met = ? where id = ? and completed_at is null")
        .params(utc(at), met, id).update();
  }

  /** Marks a level (warned / breached / escalated) once; true only for the first call. */
  boolean mark(String id, Level level, Instant at) {
    String extra = level == Level.BREACHED ? ", met = false" : "";
    return jdbc.sql("update deadline set " + level.column + " = ?" + extra + " where id = ? and " + level.column
            + " is null and completed_at is null").params(utc(at), id).update() == 1;
  }

  enum Level {
    WARNED("warned_at"), BREACHED("breached_at"), ESCALATED("escalated_at");

    final String column;

    Level(String column) {
      this.column = column;
    }
  }

  private static Deadline map(ResultSet rs, int row) throws SQLException {
    return new Deadline(rs.getString("id"), rs.getString("contact_id"), rs.getString("step"),
        WorkingDuration.parse(rs.getString("target")), rs.getBigDecimal("warning_fraction").doubleValue(),
        instant(rs, "started_at"), instant(rs, "warning_at"), instant(rs, "due_at"), instant(rs, "escalation_at"),
        instant(rs, "paused_at"), Duration.ofSeconds(rs.getLong("paused_working_seconds")),
        instant(rs, "warned_at"), instant(rs, "breached_at"), instant(rs, "escalated_at"),
        instant(rs, "completed_at"), (Boolean) rs.getObject("met"), rs.getString("policy_rule"),
        rs.getString("policy_description"));
  }

  @Override
  public List<String> tables() {
    return List.of("deadline");
  }

  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.deleteRows(jdbc, tables(), contactIds);
  }
}
