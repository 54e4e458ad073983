package io.careflow.bench;

import static io.careflow.bench.Stats.f;

import io.careflow.sla.DeadlineWatchProcess.Elements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P3: the warning and the breach timers of real contacts (up to 5,000 contacts → 10,000 deadlines;
 * as many as the intake makes within its time budget) moved by SQL to fall due within one minute
 * on an idle careflow; careflow's own job executor runs them; lateness = the contact's
 * SLA_WARNING / SLA_BREACHED event minus the timer's due instant. The timers are the deadline
 * watcher's ({@code deadline-watch.bpmn}; business key = the contact's id).
 */
final class DeadlineLateness implements CareflowRun.Measured {

  private final Bench bench;
  private final int deadlines;
  private final int windowSeconds;
  // the contacts come through the real intake: on a shared 2-core machine it makes a few per
  // second, so the full run caps the time and the table says how many there were
  private final long createBudgetSeconds;

  DeadlineLateness(Bench bench) {
    this.bench = bench;
    this.deadlines = Integer.getInteger("bench.p3.deadlines", bench.quick ? 60 : 10_000);
    this.windowSeconds = bench.quick ? 10 : 60;
    this.createBudgetSeconds = Long.getLong("bench.p3.budget", bench.quick ? 30 : 180);
  }

  @Override
  public String alias() {
    return "P3";
  }

  @Override
  public void run(CareflowRun run) throws Exception {
    Database db = run.db;
    int contacts = deadlines / 2;
    String benchUrl = run.benchUrl();
    int have = countWarningTimers(db, benchUrl);
    if (have < contacts) {
      // through the real intake, 4 threads, within a time budget: on a crowded machine the
      // intake may be too slow for 5,000 contacts, and the table then says how many there were
      long t0 = System.nanoTime();
      long budget = t0 + TimeUnit.SECONDS.toNanos(createBudgetSeconds);
      var created = new AtomicLong(have);
      ExecutorService pool = Executors.newFixedThreadPool(Bench.THREADS);
      var futures = new ArrayList<java.util.concurrent.Future<?>>();
      for (int t = 0; t < Bench.THREADS; t++) {
        futures.add(pool.submit(() -> {
          while (created.get() < contacts && System.nanoTime() < budget) {
            if (run.postContact()) {
              created.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (var future : futures) {
        future.get();
      }
      pool.shutdown();
      System.out.println(f("[bench] P3 %s: %d more contacts in %.0f s", db.name(), created.get() - have,
          (System.nanoTime() - t0) / 1e9));
    }
    // careflow goes idle before the timers are due: an otherwise idle node
    Thread.sleep(bench.quick ? 1_000 : 10_000);
    Map<String, Instant> dueByEvent = new HashMap<>();
    Instant first;
    try (Connection c = db.connect(benchUrl)) {
      var warning = new LinkedHashMap<String, String>();
      var due = new HashMap<String, String>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select j.ID_, e.BUSINESS_KEY_, j.HANDLER_CFG_ from ACT_RU_JOB j join ACT_RU_EXECUTION e"
              + " on e.ID_ = j.PROCESS_INSTANCE_ID_ where j.HANDLER_CFG_ like '" + Elements.TIMER_WARNING_POINT + "%'"
              + " or j.HANDLER_CFG_ like '" + Elements.TIMER_DEADLINE + "%' order by e.BUSINESS_KEY_")) {
        while (rs.next()) {
          (rs.getString(3).startsWith(Elements.TIMER_WARNING_POINT) ? warning : due).put(rs.getString(2), rs.getString(1));
        }
      }
      List<String> chosen = warning.keySet().stream().filter(due::containsKey).limit(contacts).toList();
      int n = chosen.size();
      long leadMillis = bench.quick ? 5_000 : 20_000;
      first = Instant.now().plusMillis(leadMillis);
      long slotMicros = windowSeconds * 1_000_000L / (2L * n);
      c.setAutoCommit(false);
      try (PreparedStatement update = c.prepareStatement("update ACT_RU_JOB set DUEDATE_ = ? where ID_ = ?")) {
        for (int i = 0; i < n; i++) {
          String contact = chosen.get(i);
          Instant warnAt = first.plusNanos(i * slotMicros * 1_000);
          Instant dueAt = first.plusNanos((n + i) * slotMicros * 1_000);
          update.setTimestamp(1, Timestamp.from(warnAt));
          update.setString(2, warning.get(contact));
          update.addBatch();
          update.setTimestamp(1, Timestamp.from(dueAt));
          update.setString(2, due.get(contact));
          update.addBatch();
          dueByEvent.put(contact + "|SLA_WARNING", warnAt);
          dueByEvent.put(contact + "|SLA_BREACHED", dueAt);
        }
        update.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
    }
    Instant last = dueByEvent.values().stream().max(Instant::compareTo).orElseThrow();
    System.out.println(f("[bench] P3 %s: %d timers due from %s to %s", db.name(), dueByEvent.size(), first, last));
    // wait until every event is recorded, or long enough to call it missing
    Instant giveUp = last.plusSeconds(bench.quick ? 60 : 180);
    Map<String, Instant> fired = new HashMap<>();
    long sinceMillis = first.toEpochMilli() - 60_000;
    while (Instant.now().isBefore(giveUp)) {
      Thread.sleep(1_000);
      if (Instant.now().isBefore(last)) {
        continue;
      }
      fired = firedEvents(db, benchUrl, sinceMillis, dueByEvent);
      if (fired.size() >= dueByEvent.size()) {
        break;
      }
    }
    var lateness = new ArrayList<Double>();
    for (var entry : fired.entrySet()) {
      lateness.add(Duration.between(dueByEvent.get(entry.getKey()), entry.getValue()).toMillis() / 1000.0);
    }
    double latest = Stats.max(lateness);
    Instant lastFired = fired.values().stream().max(Instant::compareTo).orElse(null);
    bench.report.detail(f("P3 %s: %d of %d deadlines fired; lateness p50 %.2f s, p99 %.2f s, max %.2f s; the last"
            + " event %.1f s after the last due instant", db.name(), fired.size(), dueByEvent.size(),
        Stats.percentile(lateness, 50), Stats.percentile(lateness, 99), latest,
        lastFired == null ? Double.NaN : Duration.between(last, lastFired).toMillis() / 1000.0));
    boolean all = fired.size() == dueByEvent.size();
    bench.report.row("P3", db.name(), f("%,d deadlines due within %d s (warnings + breaches of %,d contacts)%s",
            dueByEvent.size(), windowSeconds, dueByEvent.size() / 2, dueByEvent.size() < deadlines
                ? f(" — fewer than %,d: the intake made only these within the time budget", deadlines) : ""),
        f("%,d fired; lateness p50 %.2f s, p99 %.2f s, latest %.2f s", fired.size(),
            Stats.percentile(lateness, 50), Stats.percentile(lateness, 99), latest), "its due instant", "—",
        "all fire, latest ≤ 5 s late", all && latest <= 5 ? "yes" : "**no**");
  }

  private static int countWarningTimers(Database db, String url) throws Exception {
    try (Connection c = db.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select count(*) from ACT_RU_JOB where HANDLER_CFG_ like '" + Elements.TIMER_WARNING_POINT + "%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static Map<String, Instant> firedEvents(Database db, String url, long sinceMillis, Map<String, Instant> wanted)
      throws Exception {
    var fired = new HashMap<String, Instant>();
    try (Connection c = db.connect(url); PreparedStatement s = c.prepareStatement(
        "select contact_id, type, occurred_at from contact_event where type in ('SLA_WARNING', 'SLA_BREACHED')"
            + " and occurred_at >= ?")) {
      s.setObject(1, OffsetDateTime.ofInstant(Instant.ofEpochMilli(sinceMillis), java.time.ZoneOffset.UTC));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(1) + "|" + rs.getString(2);
          if (wanted.containsKey(key)) {
            fired.put(key, rs.getObject(3, OffsetDateTime.class).toInstant());
          }
        }
      }
    }
    return fired;
  }
}
