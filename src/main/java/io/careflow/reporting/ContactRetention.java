package io.careflow.reporting;

import static io.careflow.system.SqlTimes.instant;
import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.CaseRecords;
import io.careflow.casefile.ContactRepository;
import io.careflow.calendar.BusinessHoursProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of closed contacts (SPEC R6 with the engine's history cleanup): a contact that
 * ended (RESOLVED or CLOSED) longer than {@code careflow.retention.closed-contacts} ago is
 * deleted with its detail — messages, the customer's files, questions asked, events, deadlines, follow-ups, links, return and
 * replacement requests, survey answer. Notes and offers belong to the customer record: they
 * stay, without the link to the contact. Customers stay (the customer record's own rules).
 * Each table is forgotten by the feature that writes it (its {@link CaseRecords}), in the order
 * Spring gives them, and the contacts then by {@link ContactRepository}.
 *
 * <p>The KPIs of the deleted contacts survive: in the same transaction as the deletion, their
 * facts are added to the daily aggregates ({@code kpi_day*}) that {@link KpiRepository} adds to
 * the live figures. Each contact is counted exactly once — live until deleted, archived after.
 * A lock row serialises the job across the nodes of a cluster.
 */
@Service
public class ContactRetention {

  static final String JOB = "closed-contacts";

  private static final Logger LOG = LoggerFactory.getLogger(ContactRetention.class);

  private final JdbcClient jdbc;
  private final ContactRepository contacts;
  private final List<CaseRecords> records;
  private final TransactionTemplate transactions;
  private final RetentionProperties retention;
  private final BusinessHoursProperties shopTime;
  private final Clock clock;

  public ContactRetention(JdbcClient jdbc, ContactRepository contacts, List<CaseRecords> records,
      TransactionTemplate transactions, RetentionProperties retention, BusinessHoursProperties shopTime, Clock clock) {
    this.jdbc = jdbc;
    this.contacts = contacts;
    this.records = records;
    this.transactions = transactions;
    this.retention = retention;
    this.shopTime = shopTime;
    this.clock = clock;
  }

  @Scheduled(cron = "${careflow.retention.cron:0 30 5 * * *}")
  public void scheduled() {
    long deleted = run();
    LOG.info("Retention: {} closed contacts older than {} deleted, their KPIs kept as daily aggregates", deleted,
        retention.closedContacts());
  }

  /** Deletes every contact closed before now minus the retention, batch by batch; returns how many. */
  public long run() {
    Instant cutoff = clock.instant().minus(retention.closedContacts());
    long total = 0;
    while (true) {
      Integer deleted = transactions.execute(status -> batch(cutoff));
      total += deleted;
      if (deleted < retention.batchSize()) {
        return total;
      }
    }
  }

  private int batch(Instant cutoff) {
    jdbc.sql("select contacts_deleted from retention_run where name = :job for update").param("job", JOB)
        .query(Long.class).single();
    List<String> ids = contacts.endedBefore(cutoff, retention.batchSize());
    if (!ids.isEmpty()) {
      archive(ids);
      records.forEach(owner -> owner.forget(ids));
      contacts.delete(ids);
    }
    jdbc.sql("""
            update retention_run set last_run_at = :now, last_cutoff = :cutoff,
                                     contacts_deleted = contacts_deleted + :deleted
            where name = :job""")
        .param("now", utc(clock.instant())).param("cutoff", utc(cutoff)).param("deleted", ids.size())
        .param("job", JOB).update();
    return ids.size();
  }

  private record Key(LocalDate day, String channel, String team, String topic) {}

  /** The archiving query's column where the survey facts begin (after the eleven before them). */
  private static final int SURVEY_FACTS_FROM = 11;

  /** Adds the contacts' KPI facts — the same expressions as the live queries — to the daily aggregates. */
  private void archive(List<String> ids) {
    String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
    var days = new LinkedHashMap<Key, KpiDayTotals>();
    var firstReplies = new LinkedHashMap<Key, Map<Long, Long>>();
    var keys = new LinkedHashMap<String, Key>();
    jdbc.sql("select c.id, c.received_at, c.channel, coalesce(c.team, '') team, coalesce(c.topic, '') topic, "
            + KpiRepository.FINISHED + " finished, " + KpiRepository.FIRST_CONTACT_RESOLVED + " fcr,"
            + " c.first_reply_working_minutes,"
            + " (select count(d.met) from deadline d where d.contact_id = c.id and d.step = 'reply') sla_decided,"
            + " (select count(*) from deadline d where d.contact_id = c.id and d.step = 'reply' and d.met = true) sla_met, "
            + String.join(", ", KpiSql.SURVEY_FACTS)
            + " from contact c left join survey_answer s on s.contact_id = c.id"
            + " where c.proactive = false and c.id in (" + in + ")")
        .params(ids)
        .query((ResultSet rs) -> {
          Key key = new Key(instant(rs, "received_at").atZone(shopTime.zone()).toLocalDate(), rs.getString("channel"),
              rs.getString("team"), rs.getString("topic"));
          keys.put(rs.getString("id"), key);
          var contact = new KpiDayTotals(1, rs.getLong("finished"), rs.getLong("fcr"), rs.getLong("sla_decided"),
              rs.getLong("sla_met"), KpiRepository.Surveys.read(rs, SURVEY_FACTS_FROM));
          days.merge(key, contact, KpiDayTotals::plus);
          long minutes = rs.getLong("first_reply_working_minutes");
          if (!rs.wasNull()) {
            firstReplies.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(minutes, 1L, Long::sum);
          }
        });
    // by reason and product: the product's category is read from routing.dmn when the KPIs are asked
    var returns = new LinkedHashMap<Key, Map<List<String>, Long>>();
    jdbc.sql("select r.contact_id, r.reason, " + KpiRepository.PRODUCT + " from return_request r"
            + " join contact c on c.id = r.contact_id where r.contact_id in (" + in + ")").params(ids)
        .query((ResultSet rs) -> {
          Key key = keys.get(rs.getString(1));
          if (key != null) { // not a proactive contact
            returns.computeIfAbsent(key, k -> new LinkedHashMap<>())
                .merge(List.of(rs.getString(2), rs.getString(3)), 1L, Long::sum);
          }
        });

    days.forEach((key, totals) -> add("kpi_day", key, List.of(), List.of(), KpiDayTotals.COLUMNS, totals.values()));
    firstReplies.forEach((key, histogram) -> histogram.forEach((minutes, count) ->
        add("kpi_day_first_reply", key, List.of("working_minutes"), List.of(minutes), List.of("contacts"),
            List.of(count))));
    returns.forEach((key, reasons) -> reasons.forEach((reasonAndProduct, count) ->
        add("kpi_day_return_reason", key, List.of("reason", "product_sku"), List.copyOf(reasonAndProduct),
            List.of("returns"), List.of(count))));
  }

  /** Adds the sums to the row of that key, creating it when the day has none yet (under the job's lock). */
  private void add(String table, Key key, List<String> moreKeys, List<Object> moreKeyValues, List<String> columns,
      List<Long> sums) {
    var keyColumns = new ArrayList<>(List.of("report_day", "channel", "team", "topic"));
    keyColumns.addAll(moreKeys);
    var keyValues = new ArrayList<Object>(List.of(key.day(), key.channel(), key.team(), key.topic()));
    keyValues.addAll(moreKeyValues);
    var set = new ArrayList<String>();
    columns.forEach(c -> set.add(c + " = " + c + " + ?"));
    var params = new ArrayList<Object>(sums);
    params.addAll(keyValues);
    int updated = jdbc.sql("update " + table + " set " + String.join(", ", set) + " where "
            + String.join(" and ", keyColumns.stream().map(c -> c + " = ?").toList()))
        .params(params).update();
    if (updated == 0) {
      var all = new ArrayList<>(keyColumns);
      all.addAll(columns);
      var values = new ArrayList<Object>(keyValues);
      values.addAll(sums);
      jdbc.sql("insert into " + table + " (" + String.join(", ", all) + ") values ("
              + String.join(", ", Collections.nCopies(all.size(), "?")) + ")")
          .params(values).update();
    }
  }
}
