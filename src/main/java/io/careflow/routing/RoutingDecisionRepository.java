package io.careflow.routing;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.CaseRecords;
import io.careflow.casefile.ContactEvents;
import io.careflow.routing.AgentPicker.Pick;
import io.careflow.routing.Routing.Cause;
import io.careflow.routing.Routing.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores and reads routing's decisions ({@code routing_decision}, one row each), for the task's
 * next decision and the audit: the one writer of that table.
 */
@Repository
public class RoutingDecisionRepository implements CaseRecords {

  private static final String COLUMNS = "task_id, contact_id, step, candidate_groups, required_skills, assignee, "
      + "method, cause, reason, decided_by, decided_at";
  private static final int MAX_REASON = 1000;

  private final JdbcClient jdbc;

  public RoutingDecisionRepository(JdbcClient jdbc) {
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
        .param(taskId).query(RoutingDecisionRepository::map).optional();
  }

  /** The decisions on a contact's tasks, oldest first. */
  public List<Decision> ofContact(String contactId) {
    return jdbc.sql("select " + COLUMNS + " from routing_decision where contact_id = ? order by decided_at, id")
        .param(contactId).query(RoutingDecisionRepository::map).list();
  }

  private static Decision map(ResultSet rs, int n) throws SQLException {
    var task = new RoutedTask(rs.getString("task_id"), rs.getString("contact_id"), rs.getString("step"),
        list(rs.getString("candidate_groups")), list(rs.getString("required_skills")));
    return Decision.of(task, rs.getString("assignee"), Method.valueOf(rs.getString("method")),
        Cause.valueOf(rs.getString("cause")), rs.getString("reason"), rs.getString("decided_by"),
        instant(rs, "decided_at"));
  }

  private static List<String> list(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  /**
   * One decision: the task (its step and contact), the groups and skills it needed, the
   * assignee (null: the team queue), how and why, by whom, when. Made through
   * {@link #of}, or one of the named factories that call it.
   */
  public record Decision(String taskId, String contactId, String step, List<String> groups, List<String> skills,
      String assignee, Method method, Cause cause, String reason, String decidedBy, Instant decidedAt) {

    /** The one place a decision is put together: what the task needs, and who gets it, how, why, by whom, when. */
    static Decision of(RoutedTask task, String assignee, Method method, Cause cause, String reason, String decidedBy,
        Instant decidedAt) {
      return new Decision(task.taskId(), task.contactId(), task.step(), task.groups(), task.skills(), assignee, method,
          cause, reason, decidedBy, decidedAt);
    }

    /** Routing's own decision: the picker's pick, for a cause, with the reason the task form shows. */
    static Decision picked(RoutedTask task, Pick pick, Cause cause, String reason, Instant decidedAt) {
      return of(task, pick.assignee(), pick.method(), cause, reason, ContactEvents.SYSTEM, decidedAt);
    }

    /** A team lead's choice. */
    static Decision byLead(RoutedTask task, String assignee, String reason, String lead, Instant decidedAt) {
      return of(task, assignee, Method.MANUAL, Cause.REASSIGNED, reason, lead, decidedAt);
    }

    /** The task this decision was about, as the next decision on it starts from. */
    RoutedTask task() {
      return new RoutedTask(taskId, contactId, step, groups, skills);
    }
  }

  /**
   * A task as routing decides on it: which task, of which contact (null outside a case), at
   * which step, offered to which groups, needing which skills.
   */
  record RoutedTask(String taskId, String contactId, String step, List<String> groups, List<String> skills) {
    RoutedTask {
      groups = List.copyOf(groups);
      skills = List.copyOf(skills);
    }
  }

  @Override
  public List<String> tables() {
    return List.of("routing_decision");
  }

  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.deleteRows(jdbc, tables(), contactIds);
  }
}
