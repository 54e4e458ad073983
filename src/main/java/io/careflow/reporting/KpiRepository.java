package io.careflow.reporting;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The KPI queries: SQL aggregates over careflow's tables (the live part) plus the daily
 * aggregates of contacts the retention job has deleted ({@code kpi_day*}, the archived part).
 * Every query answers with a handful of grouped rows — never one row per contact — and
 * reads the period through {@code ix_contact_received}. The same SQL runs on H2 and
 * PostgreSQL: no time-zone arithmetic in SQL (the shop's days are passed in as bounds) and
 * no percentile functions (percentiles come from histograms of whole working minutes).
 */
@Repository
class KpiRepository {

  static final String FINISHED = KpiSql.FINISHED;
  static final String FIRST_CONTACT_RESOLVED = KpiSql.FIRST_CONTACT_RESOLVED;
  static final String OPEN_STATUSES = KpiSql.OPEN_STATUSES;

  private final JdbcClient jdbc;

  KpiRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Volume(String channel, String topic, long contacts, long finished, long firstContactResolved) {}

  record Sla(String channel, long decided, long met) {}

  record Surveys(long answers, long csatSum, long csatSatisfied, long cesSum, long promoters, long passives,
      long detractors) {

    static final Surveys NONE = new Surveys(0, 0, 0, 0, 0, 0, 0);

    /** kpi_day's columns for them, in the order of the components. */
    static final List<String> COLUMNS = List.of("surveys", "csat_sum", "csat_satisfied", "ces_sum", "promoters",
        "passives", "detractors");

    /** The components from {@link KpiSql#SURVEY_FACTS} or their sums, from column {@code first} on. */
    static Surveys read(ResultSet rs, int first) throws SQLException {
      return new Surveys(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
          rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6));
    }

    List<Long> values() {
      return List.of(answers, csatSum, csatSatisfied, cesSum, promoters, passives, detractors);
    }

    Surveys plus(Surveys o) {
      return new Surveys(answers + o.answers, csatSum + o.csatSum, csatSatisfied + o.csatSatisfied,
          cesSum + o.cesSum, promoters + o.promoters, passives + o.passives, detractors + o.detractors);
    }
  }

  record Backlog(String team, String status, long open, long dueSoon, long breached) {}

  /** One day of the per-day series, before rates are computed. */
  record Day(LocalDate day, long contacts, long finished, long firstContactResolved, long slaDecided, long slaMet,
      Long firstReplyMedian, Long firstReplyP90, long firstReplies, Surveys surveys) {}

  List<Volume> volume(KpiFilter f, ZoneId zone) {
    var live = Where.live(f);
    var archived = Where.archived(f, zone);
    return jdbc.sql("select c.channel, coalesce(c.topic, '') topic, count(*) contacts, sum(" + FINISHED
            + ") finished, sum(" + FIRST_CONTACT_RESOLVED + ") fcr from contact c where " + live.sql
            + " group by c.channel, coalesce(c.topic, '')"
            + " union all select a.channel, a.topic, sum(a.contacts), sum(a.finished), sum(a.first_contact_resolved)"
            + " from kpi_day a where " + archived.sql + " group by a.channel, a.topic")
        .params(concat(live.params, archived.params))
        .query((rs, n) -> new Volume(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
        .list();
  }

  /** Reply deadlines decided (met or missed) and met, per channel. Open ones are not decided yet. */
  List<Sla> sla(KpiFilter f, ZoneId zone) {
    var live = Where.live(f);
    var archived = Where.archived(f, zone);
    return jdbc.sql("select c.channel, count(d.met), sum(case when d.met then 1 else 0 end)"
            + " from contact c join deadline d on d.contact_id = c.id and d.step = 'reply' where " + live.sql
            + " group by c.channel"
            + " union all select a.channel, sum(a.sla_decided), sum(a.sla_met) from kpi_day a where " + archived.sql
            + " group by a.channel")
        .params(concat(live.params, archived.params))
        .query((rs, n) -> new Sla(rs.getString(1), rs.getLong(2), rs.getLong(3)))
        .list();
  }

  /** Working minutes to the first reply → number of contacts: one row per distinct minute value. */
  TreeMap<Long, Long> firstReplyHistogram(KpiFilter f, ZoneId zone) {
    var live = Where.live(f);
    var archived = Where.archived(f, zone);
    var histogram = new TreeMap<Long, Long>();
    jdbc.sql("select c.first_reply_working_minutes, count(*) from contact c where " + live.sql
            + " and c.first_reply_working_minutes is not null group by c.first_reply_working_minutes"
            + " union all select a.working_minutes, sum(a.contacts) from kpi_day_first_reply a where " + archived.sql
            + " group by a.working_minutes")
        .params(concat(live.params, archived.params))
        .query((ResultSet rs) -> {
          histogram.merge(rs.getLong(1), rs.getLong(2), Long::sum);
        });
    return histogram;
  }

  Surveys surveys(KpiFilter f, ZoneId zone) {
    var live = Where.live(f);
    var archived = Where.archived(f, zone);
    return jdbc.sql("select " + KpiSql.surveySums()
            + " from contact c join survey_answer s on s.contact_id = c.id where " + live.sql
            + " union all select " + KpiSql.archivedSurveySums() + " from kpi_day a where " + archived.sql)
        .params(concat(live.params, archived.params))
        .query((rs, row) -> Surveys.read(rs, 1)).list().stream().reduce(Surveys.NONE, Surveys::plus);
  }

  /**
   * The product of a contact as the return figures count it: its SKU in upper case (as routing.dmn
   * reads it: {@code sho-100} is {@code SHO-100}), {@code ''} when it named none.
   */
  static final String PRODUCT = "upper(coalesce(c.product_sku, ''))";

  /** Returns of the period by reason and product ({@code ""}: the contact named no product). */
  record Returns(String reason, String productSku, long returns) {}

  List<Returns> returns(KpiFilter f, ZoneId zone) {
    var live = Where.live(f);
    var archived = Where.archived(f, zone);
    var counts = new java.util.LinkedHashMap<List<String>, Long>();
    jdbc.sql("select r.reason, " + PRODUCT + ", count(*) from contact c join return_request r"
            + " on r.contact_id = c.id where " + live.sql + " group by r.reason, " + PRODUCT
            + " union all select a.reason, a.product_sku, sum(a.returns) from kpi_day_return_reason a where "
            + archived.sql + " group by a.reason, a.product_sku")
        .params(concat(live.params, archived.params))
        .query((ResultSet rs) -> {
          counts.merge(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3), Long::sum);
        });
    return counts.entrySet().stream()
        .map(e -> new Returns(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
  }

  /**
   * The open contacts now, per team and status: how many have a deadline due before
   * {@code soon} (and not passed), how many a deadline passed. A clock that stands still
   * (waiting for the customer) is not overdue.
   */
  List<Backlog> backlog(KpiFilter f, Instant now, Instant soon) {
    var filters = Where.filters(f, "c");
    var params = new ArrayList<Object>(List.of(utc(now), utc(soon), utc(now)));
    params.addAll(filters.params);
    return jdbc.sql("select coalesce(c.team, '') team, c.status, count(*),"
            + " sum(case when exists (select 1 from deadline d where d.contact_id = c.id and "
            + KpiSql.dueSoon("?", "?") + ") then 1 else 0 end),"
            + " sum(case when exists (select 1 from deadline d where d.contact_id = c.id and " + KpiSql.overdue("?")
            + ") then 1 else 0 end)"
            + " from contact c where c.status in " + OPEN_STATUSES + filters.sql
            + " group by coalesce(c.team, ''), c.status")
        .params(params)
        .query((rs, n) -> new Backlog(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
        .list();
  }

  record OpenBreach(String contactId, Instant receivedAt, String channel, String team, String subject,
      Instant dueAt) {}

  /** Open contacts whose deadline has passed, the longest overdue first: the managers' to-do list. */
  List<OpenBreach> openBreaches(KpiFilter f, Instant now, int limit) {
    var filters = Where.filters(f, "c");
    var params = new ArrayList<Object>(List.of(utc(now)));
    params.addAll(filters.params);
    return jdbc.sql("select c.id, c.received_at, c.channel, c.team, c.subject, min(d.due_at) due_at"
            + " from contact c join deadline d on d.contact_id = c.id and " + KpiSql.overdue("?")
            + " where c.status in " + OPEN_STATUSES + filters.sql
            + " group by c.id, c.received_at, c.channel, c.team, c.subject order by min(d.due_at), c.id"
            + " fetch first " + limit + " rows only")
        .params(params)
        .query((rs, n) -> new OpenBreach(rs.getString(1), instant(rs, "received_at"),
            rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, "due_at")))
        .list();
  }

  /**
   * The per-day series: the same measures per shop-local day, in one pass over the period
   * each. The day of a contact is computed in SQL from the instant alone — seconds since the
   * epoch plus the zone's offset at that instant, divided into days — because casting an
   * instant to a date depends on the session's time zone on both databases. The offsets (and
   * the daylight-saving changes between them) come from Java for the period at hand.
   */
  List<Day> daily(KpiFilter f, ZoneId zone) {
    Where day = localDay(f, zone);
    var live = Where.live(f);
    var archived = Where.archived(f, zone);
    List<Object> params = concat(concat(day.params, live.params), archived.params);

    var result = new TreeMap<LocalDate, KpiDayTotals>();
    f.days(zone).forEach(d -> result.put(d, KpiDayTotals.NONE));
    // flat joins grouped by the day's alias: a derived table joined to the detail tables made
    // H2 evaluate it once per detail row
    jdbc.sql("select " + day.sql + " k, count(*), sum(" + FINISHED + "), sum(" + FIRST_CONTACT_RESOLVED + ")"
            + " from contact c where " + live.sql + " group by k"
            + " union all select a.report_day, sum(a.contacts), sum(a.finished), sum(a.first_contact_resolved)"
            + " from kpi_day a where " + archived.sql + " group by a.report_day")
        .params(params)
        .query((ResultSet rs) -> add(result, rs, KpiDayTotals.volume(rs.getLong(2), rs.getLong(3), rs.getLong(4))));
    jdbc.sql("select " + day.sql + " k, count(d.met), sum(case when d.met then 1 else 0 end) from contact c"
            + " join deadline d on d.contact_id = c.id and d.step = 'reply' where " + live.sql + " group by k"
            + " union all select a.report_day, sum(a.sla_decided), sum(a.sla_met) from kpi_day a where "
            + archived.sql + " group by a.report_day")
        .params(params)
        .query((ResultSet rs) -> add(result, rs, KpiDayTotals.sla(rs.getLong(2), rs.getLong(3))));
    jdbc.sql("select " + day.sql + " k, " + KpiSql.surveySums()
            + " from contact c join survey_answer s on s.contact_id = c.id where " + live.sql + " group by k"
            + " union all select a.report_day, " + KpiSql.archivedSurveySums() + " from kpi_day a where "
            + archived.sql + " group by a.report_day")
        .params(params)
        .query((ResultSet rs) -> add(result, rs, KpiDayTotals.surveys(Surveys.read(rs, 2))));
    // percentiles per day by nearest rank, in SQL: the smallest minute value whose running
    // count reaches p of the day's replies
    var percentiles = new TreeMap<LocalDate, Long[]>();
    jdbc.sql("with h as (select k, minutes, sum(n) n from ("
            + " select " + day.sql + " k, c.first_reply_working_minutes minutes, count(*) n from contact c where "
            + live.sql + " and c.first_reply_working_minutes is not null group by k, c.first_reply_working_minutes"
            + " union all select a.report_day, a.working_minutes, sum(a.contacts) from kpi_day_first_reply a where "
            + archived.sql + " group by a.report_day, a.working_minutes) y group by k, minutes),"
            + " r as (select k, minutes, sum(n) over (partition by k order by minutes) run,"
            + " sum(n) over (partition by k) tot from h)"
            + " select k, min(case when run >= 0.5 * tot then minutes end),"
            + " min(case when run >= 0.9 * tot then minutes end), max(tot) from r group by k")
        .params(params)
        .query((ResultSet rs) -> {
          percentiles.put(rs.getObject(1, LocalDate.class),
              new Long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        });

    var list = new ArrayList<Day>();
    result.forEach((d, v) -> {
      Long[] p = percentiles.get(d);
      list.add(new Day(d, v.contacts(), v.finished(), v.firstContactResolved(), v.slaDecided(), v.slaMet(),
          p == null ? null : p[0], p == null ? null : p[1], p == null ? 0 : p[2], v.surveys()));
    });
    return list;
  }

  /**
   * The shop-local date of {@code c.received_at} as a SQL expression: epoch seconds plus the
   * offset in force then (a CASE over the daylight-saving changes inside the period), whole
   * days since 1970-01-01, back to a date.
   */
  static Where localDay(KpiFilter f, ZoneId zone) {
    var offset = new StringBuilder();
    var params = new ArrayList<Object>();
    var rules = zone.getRules();
    Instant at = f.from();
    var transition = rules.nextTransition(at);
    int changes = 0;
    while (transition != null && transition.getInstant().isBefore(f.to())) {
      offset.append(changes++ == 0 ? "case" : "").append(" when c.received_at < ? then ?");
      params.add(utc(transition.getInstant()));
      params.add(rules.getOffset(at).getTotalSeconds());
      at = transition.getInstant();
      transition = rules.nextTransition(at);
    }
    if (changes == 0) {
      offset.append("?");
    } else {
      offset.append(" else ? end");
    }
    params.add(rules.getOffset(at).getTotalSeconds());
    // whole seconds first: H2 divides the exact NUMERIC epoch with a scale that costs seconds per row
    return new Where("cast(date '1970-01-01' + ((cast(floor(extract(epoch from c.received_at)) as bigint) + "
        + offset + ") / 86400) * interval '1' day as date)", params);
  }

  /** Adds a row's totals to its day (column 1), when the day is one of the series. */
  private static void add(TreeMap<LocalDate, KpiDayTotals> result, ResultSet rs, KpiDayTotals totals)
      throws SQLException {
    result.computeIfPresent(rs.getObject(1, LocalDate.class), (day, sum) -> sum.plus(totals));
  }

  private static List<Object> concat(List<Object> a, List<Object> b) {
    var all = new ArrayList<Object>(a);
    all.addAll(b);
    return all;
  }

  /** A where-clause and its parameters. */
  record Where(String sql, List<Object> params) {

    /**
     * Contacts customers made, received in the period, with the filters. A proactive contact
     * careflow opened itself (a delayed shipment) is work — it counts in the backlog — but not
     * a contact of the customer's: not in contacts, FCR, first reply, SLA compliance or surveys.
     */
    static Where live(KpiFilter f) {
      var filters = filters(f, "c");
      var params = new ArrayList<Object>(List.of(utc(f.from()), utc(f.to())));
      params.addAll(filters.params);
      return new Where("c.received_at >= ? and c.received_at < ? and c.proactive = false" + filters.sql, params);
    }

    /** Archived days wholly inside the period, with the filters. */
    static Where archived(KpiFilter f, ZoneId zone) {
      var filters = filters(f, "a");
      var params = new ArrayList<Object>(List.of(f.firstWholeDay(zone), f.endOfWholeDays(zone)));
      params.addAll(filters.params);
      return new Where("a.report_day >= ? and a.report_day < ?" + filters.sql, params);
    }

    /** " and x.channel = ? …" for the filters given; empty without filters. */
    static Where filters(KpiFilter f, String alias) {
      var sql = new StringBuilder();
      var params = new ArrayList<Object>();
      if (f.channel() != null) {
        sql.append(" and ").append(alias).append(".channel = ?");
        params.add(f.channel().name());
      }
      if (f.team() != null) {
        sql.append(" and ").append(alias).append(".team = ?");
        params.add(f.team());
      }
      if (f.topic() != null) {
        sql.append(" and ").append(alias).append(".topic = ?");
        params.add(f.topic());
      }
      return new Where(sql.toString(), params);
    }
  }

  /** How many contacts are open (OPEN or WAITING_FOR_CUSTOMER) of a status and team ("none": no team yet). */
  record OpenContacts(String status, String team, long contacts) {}

  /** The open contacts by status and team, read through {@code ix_contact_open}. */
  List<OpenContacts> openByStatusAndTeam() {
    return jdbc.sql("""
            select status, coalesce(team, 'none') team, count(*) from contact
            where status in %s group by status, coalesce(team, 'none')""".formatted(OPEN_STATUSES))
        .query((rs, n) -> new OpenContacts(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list();
  }

  /** Whether contacts or archived days were stored under the topic. */
  boolean topicSeen(String topic) {
    return jdbc.sql("""
            select count(*) from (select 1 from contact where topic = :topic
                                  union all select 1 from kpi_day where topic = :topic) t""")
        .param("topic", topic).query(Long.class).single() > 0;
  }
}
