package io.careflow.routing;

import io.careflow.casefile.Channel;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many open tasks each agent holds, chats apart: one grouped query over the engine's
 * runtime tasks (index on the assignee), joined by the process instance's business key to
 * the contact, whose channel tells a chat. Read straight from the tables rather than
 * through a task query, because routing runs inside the command of whoever completed the
 * previous task, whose task permissions must not hide colleagues' tasks; and one query per
 * pool rather than two per agent keeps intake fast. Read only: the engine's tables stay
 * the engine's.
 */
@Repository
public class Workloads {

  private final JdbcClient jdbc;

  public Workloads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every one of {@code userIds}; an agent without open tasks has an empty load. */
  public Map<String, Load> of(Collection<String> userIds) {
    var loads = new HashMap<String, Load>();
    if (!userIds.isEmpty()) {
      jdbc.sql("""
              select t.ASSIGNEE_ as assignee, count(*) as open_tasks,
                     sum(case when c.channel = :chat then 1 else 0 end) as open_chats
              from ACT_RU_TASK t
              left join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
              left join contact c on c.id = e.BUSINESS_KEY_
              where t.ASSIGNEE_ in (:ids)
              group by t.ASSIGNEE_""")
          .param("chat", Channel.CHAT.name())
          .param("ids", userIds)
          .query((rs, n) -> {
            long all = rs.getLong("open_tasks");
            long chats = rs.getLong("open_chats");
            return Map.entry(rs.getString("assignee"), new Load((int) (all - chats), (int) chats));
          })
          .list().forEach(entry -> loads.put(entry.getKey(), entry.getValue()));
    }
    userIds.forEach(id -> loads.putIfAbsent(id, Load.NONE));
    return loads;
  }

  public Load of(String userId) {
    return of(List.of(userId)).get(userId);
  }

  /** Open tasks assigned to an agent: chats, and everything else. */
  public record Load(int tasks, int chats) {
    static final Load NONE = new Load(0, 0);

    /** The count a task of that kind competes on. */
    public int of(boolean chat) {
      return chat ? chats : tasks;
    }
  }
}
