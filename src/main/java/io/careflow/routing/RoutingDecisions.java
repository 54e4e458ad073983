package io.careflow.routing;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.routing.Routing.Cause;
import io.careflow.routing.Routing.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every routing decision, one row each ({@code routing_decision}), for the task's next decision and the audit. */
@Repository
public class RoutingDecisions {

  private static final String COLUMNS = "task_id, contact_id, step, candidate_groups, required_skills, assignee, "
      + "method, cause, reason, decided_by, decided_at";
  private static final int MAX_REASON = 1000;

  private final JdbcClient jdbc;

  public RoutingDecisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Decision d) {
    String reason = d.reason().length() > MAX_REASON ? d.reason().substring(0, MAX_REASON - 1) + "…" : d.reason();
    jdbc.sql("insert into routing_decision (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(d.taskId(), d.contactId(), d.step(), String.join(",", d.groups()), String.join(",", d.skills()),
            d.assignee(), d.method().name(), d.cause().name(), reason, d.decidedBy(), utc(d.decidedAt()))
        .update();
  }

  /** The task's latest decision: who routing (or a lead) gave it to, with the team and skills it needs. */
  public Optional<Decision> latest(String taskId) {
    return jdbc.sql("select " + COLUMNS + " from routing_decision where task_id = ? order by id desc "
            + "fetch first 1 rows only")
        .param(taskId).query(RoutingDecisions::map).optional();
  }

  /** The decisions on a contact's tasks, oldest first. */
  public List<Decision> ofContact(String contactId) {
    return jdbc.sql("select " + COLUMNS + " from routing_decision where contact_id = ? order by decided_at, id")
        .param(contactId).query(RoutingDecisions::map).list();
  }

  private static Decision map(ResultSet rs, int n) throws SQLException {
    return new Decision(rs.getString("task_id"), rs.getString("contact_id"), rs.getString("step"),
        list(rs.getString("candidate_groups")), list(rs.getString("required_skills")), rs.getString("assignee"),
        Method.valueOf(rs.getString("method")), Cause.valueOf(rs.getString("cause")), rs.getString("reason"),
        rs.getString("decided_by"), instant(rs, "decided_at"));
  }

  private static List<String> list(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  /**
   * One decision: the task (its step and contact), the groups and skills it needed, the
   * assignee (null: the team queue), how and why, by whom, when.
   */
  public record Decision(String taskId, String contactId, String step, List<String> groups, List<String> skills,
      String assignee, Method method, Cause cause, String reason, String decidedBy, Instant decidedAt) {}
}
