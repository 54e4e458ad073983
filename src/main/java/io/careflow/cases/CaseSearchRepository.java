package io.careflow.cases;

import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.CaseReaders;
import io.careflow.cases.CaseQuery.OpenDeadline;
import io.careflow.reporting.KpiSql;
import io.careflow.reporting.KpiService;
import io.careflow.sla.DeadlineService;
import io.careflow.system.SqlTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case search in SQL: careflow's contact, customer and deadline tables, and the engine's
 * task history where a search asks who worked a case (by business key = contact id: the contact
 * process, its protocol and later instances of the case). The same SQL runs on H2 and
 * PostgreSQL. A search by customer first finds the few customers whose name or address matches,
 * then their contacts through {@code ix_contact_customer}.
 */
@Repository
class CaseSearchRepository {

  /** Customers by their name or any of their addresses (e-mail, phone, chat or social handle). */
  private static final String CUSTOMERS = """
      select cu.id from customer cu where lower(cu.name) like :customer escape '!'
      union select i.customer_id from customer_identity i where lower(i.identity_value) like :customer escape '!'""";

  /**
   * Up to this many customers found by their name or address are passed on to the contact
   * queries as a list; a search that matches more (a few letters) repeats the customer search in them.
   */
  static final int CUSTOMERS_LISTED = 500;

  /** Someone held one of the case's tasks: assignee or owner, or a named candidate. */
  private static final String WORKED_BY = """
      exists (select 1 from ACT_HI_PROCINST p join ACT_HI_TASKINST t on t.PROC_INST_ID_ = p.ID_
              where p.BUSINESS_KEY_ = c.id and (t.ASSIGNEE_ = :%1$s or t.OWNER_ = :%1$s
                or exists (select 1 from ACT_HI_IDENTITYLINK l where l.TASK_ID_ = t.ID_ and l.USER_ID_ = :%1$s)))""";

  /** One of the viewer's teams was offered one of the case's tasks. */
  private static final String OFFERED_TO_TEAMS = """
      exists (select 1 from ACT_HI_PROCINST p join ACT_HI_TASKINST t on t.PROC_INST_ID_ = p.ID_
              join ACT_HI_IDENTITYLINK l on l.TASK_ID_ = t.ID_
              where p.BUSINESS_KEY_ = c.id and l.TYPE_ = 'candidate' and l.GROUP_ID_ in (:viewerTeams))""";

  private static final String MISSED_DEADLINE = """
      exists (select 1 from deadline d where d.contact_id = c.id
              and (d.met = false or d.breached_at is not null or (%s)))""".formatted(KpiSql.overdue(":now"));

  private final JdbcClient jdbc;

  CaseSearchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A matching contact as careflow's tables know it. */
  record Hit(String id, String customerId, String customerName, String topic, String channel, String team,
      String status, String outcome, Instant receivedAt) {}

  /** One page of matches (newest first) and the number of matches. */
  record Found(List<Hit> hits, long total) {}

  Found search(CaseQuery q, CaseReaders.Viewer viewer, Instant now) {
    var where = new ArrayList<String>();
    var params = new HashMap<String, Object>();
    params.put("now", utc(now));
    if (q.customer() != null) {
      // one pass over the customers (a partial match reads them all), not one per query below
      params.put("customer", contains(q.customer()));
      List<String> customers = jdbc.sql(CUSTOMERS + " fetch first " + (CUSTOMERS_LISTED + 1) + " rows only")
          .params(params).query(String.class).list();
      if (customers.isEmpty()) {
        return new Found(List.of(), 0);
      }
      if (customers.size() > CUSTOMERS_LISTED) {
        where.add("c.customer_id in (" + CUSTOMERS + ")");
      } else {
        where.add("c.customer_id in (:customers)");
        params.put("customers", customers);
      }
    }
    if (q.order() != null) {
      where.add("lower(c.order_id) like :order escape '!'");
      params.put("order", contains(q.order()));
    }
    if (q.topic() != null) {
      where.add("c.topic = :topic");
      params.put("topic", q.topic());
    }
    if (q.channel() != null) {
      where.add("c.channel = :channel");
      params.put("channel", q.channel().name());
    }
    if (CaseQuery.TRIAGE.equals(q.team())) {
      where.add("c.team is null");
    } else if (q.team() != null) {
      where.add("c.team = :team");
      params.put("team", q.team());
    }
    if (q.agent() != null) {
      where.add(WORKED_BY.formatted("agent"));
      params.put("agent", q.agent());
    }
    if (!q.statuses().isEmpty()) {
      where.add("c.status in (:statuses)");
      params.put("statuses", q.statuses().stream().map(Enum::name).toList());
    }
    if (q.outcome() != null) {
      where.add("upper(c.outcome) = :outcome");
      params.put("outcome", q.outcome());
    }
    if (q.breached() != null) {
      where.add((q.breached() ? "" : "not ") + MISSED_DEADLINE);
    }
    if (q.sla() != null) {
      where.add(switch (q.sla()) {
        case MET -> "exists (select 1 from deadline d where d.contact_id = c.id and d.step = :reply and d.met = true)";
        case BREACHED -> "exists (select 1 from deadline d where d.contact_id = c.id and d.step = :reply"
            + " and d.met = false)";
        case OVERDUE -> "exists (select 1 from deadline d where d.contact_id = c.id and d.step = :reply and "
            + KpiSql.overdue(":now") + ")";
        case OPEN -> "exists (select 1 from deadline d where d.contact_id = c.id and d.step = :reply"
            + " and d.completed_at is null and not (" + KpiSql.overdue(":now") + "))";
      });
      params.put("reply", DeadlineService.REPLY);
    }
    if (q.deadline() != null) {
      where.add("exists (select 1 from deadline d where d.contact_id = c.id and "
          + (q.deadline() == OpenDeadline.OVERDUE ? KpiSql.overdue(":now") : KpiSql.dueSoon(":now", ":soon")) + ")");
      params.put("soon", utc(now.plus(KpiService.DUE_SOON)));
    }
    if (q.fcr() != null) {
      where.add("(" + KpiSql.FIRST_CONTACT_RESOLVED + ") = " + (q.fcr() ? 1 : 0));
    }
    if (q.proactive() != null) {
      where.add("c.proactive = :proactive");
      params.put("proactive", q.proactive());
    }
    if (q.from() != null) {
      where.add("c.received_at >= :from");
      params.put("from", utc(q.from()));
    }
    if (q.to() != null) {
      where.add("c.received_at < :to");
      params.put("to", utc(q.to()));
    }
    if (!viewer.readsAll()) {
      where.add(viewer.teams().isEmpty() ? WORKED_BY.formatted("viewer")
          : "(" + WORKED_BY.formatted("viewer") + " or " + OFFERED_TO_TEAMS + ")");
      params.put("viewer", viewer.userId());
      params.put("viewerTeams", viewer.teams());
    }
    String condition = where.isEmpty() ? "1 = 1" : String.join("\n and ", where);
    long total = jdbc.sql("select count(*) from contact c where " + condition).params(params)
        .query(Long.class).single();
    if (total == 0) {
      return new Found(List.of(), 0);
    }
    params.put("offset", (long) q.page() * q.size());
    params.put("size", q.size());
    List<Hit> hits = jdbc.sql("""
            select c.id, c.customer_id, cu.name customer_name, c.topic, c.channel, c.team, c.status, c.outcome,
                   c.received_at
            from contact c join customer cu on cu.id = c.customer_id
            where %s
            order by c.received_at desc, c.id desc
            offset :offset rows fetch next :size rows only""".formatted(condition))
        .params(params)
        .query((rs, n) -> new Hit(rs.getString("id"), rs.getString("customer_id"), rs.getString("customer_name"),
            rs.getString("topic"), rs.getString("channel"), rs.getString("team"), rs.getString("status"),
            rs.getString("outcome"), SqlTimes.instant(rs, "received_at")))
        .list();
    return new Found(hits, total);
  }

  /** A reply deadline of a case: the first of its step is the case's SLA. */
  record ReplyDeadline(String contactId, Instant dueAt, Boolean met, Instant completedAt, Instant breachedAt,
      Instant pausedAt) {}

  /** The first reply deadline of each of the contacts. */
  Map<String, ReplyDeadline> replyDeadlines(Collection<String> contactIds) {
    var first = new HashMap<String, ReplyDeadline>();
    jdbc.sql("""
            select d.contact_id, d.due_at, d.met, d.completed_at, d.breached_at, d.paused_at
            from deadline d where d.contact_id in (:ids) and d.step = :reply
            order by d.started_at desc""")
        .param("ids", contactIds).param("reply", DeadlineService.REPLY)
        .query((rs, n) -> new ReplyDeadline(rs.getString(1), SqlTimes.instant(rs, "due_at"),
            (Boolean) rs.getObject("met"), SqlTimes.instant(rs, "completed_at"), SqlTimes.instant(rs, "breached_at"),
            SqlTimes.instant(rs, "paused_at")))
        .list().forEach(d -> first.put(d.contactId(), d));
    return first;
  }

  /** Who held the contacts' tasks (assignees in the engine's history), in the order they first did. */
  Map<String, List<String>> agents(Collection<String> contactIds) {
    var agents = new HashMap<String, LinkedHashSet<String>>();
    jdbc.sql("""
            select p.BUSINESS_KEY_, t.ASSIGNEE_ from ACT_HI_PROCINST p
            join ACT_HI_TASKINST t on t.PROC_INST_ID_ = p.ID_
            where p.BUSINESS_KEY_ in (:ids) and t.ASSIGNEE_ is not null
            order by t.START_TIME_, t.ID_""")
        .param("ids", contactIds)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list().forEach(e -> agents.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(e.getValue()));
    var result = new HashMap<String, List<String>>();
    agents.forEach((id, names) -> result.put(id, List.copyOf(names)));
    return result;
  }

  /** {@code %text%} for LIKE, lower case, its own wildcards taken literally. */
  static String contains(String text) {
    return "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
