package io.careflow.bench;

import static io.careflow.bench.Stats.f;

import io.careflow.support.CareflowNode;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * P5: {@code GET /api/kpis} for a year over 100,000 and 1,000,000 closed contacts (with their reply
 * deadlines and customers), loaded by SQL into the running careflow: wall time of the call as a
 * manager, 2 warm-ups, then the median of the rest.
 */
final class KpiOverClosedContacts implements CareflowRun.Measured {

  private static final String QUERY = "/api/kpis?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z";

  private final Bench bench;
  private final int small;
  private final int large;

  KpiOverClosedContacts(Bench bench) {
    this.bench = bench;
    this.small = bench.quick ? 2_000 : 100_000;
    this.large = bench.quick ? 20_000 : 1_000_000;
  }

  @Override
  public String alias() {
    return "P5";
  }

  @Override
  public void run(CareflowRun run) throws Exception {
    Database db = run.db;
    int probe = run.careflow.call("GET", QUERY, BenchNodes.MANAGER, BenchNodes.MANAGER_PASSWORD, null).status();
    if (probe != 200) {
      bench.report.row("P5", db.name(), "/api/kpis over closed contacts", "not available in this build"
          + " (GET /api/kpis answers " + probe + " to a manager)", "—", "—", "≤ 10", "not run");
      return;
    }
    closedContacts(db, run.benchUrl(), 0, small);
    List<Double> smallTimes = kpiTimes(run.careflow);
    closedContacts(db, run.benchUrl(), small, large);
    List<Double> largeTimes = kpiTimes(run.careflow);
    double ratio = Stats.median(largeTimes) / Stats.median(smallTimes);
    bench.report.detail(f("P5 %s: %,d contacts %s ms; %,d contacts %s ms", db.name(), small,
        smallTimes.stream().map(v -> f("%.0f", v)).toList(), large,
        largeTimes.stream().map(v -> f("%.0f", v)).toList()));
    bench.report.row("P5", db.name(), f("GET /api/kpis (a year) over %,d vs. %,d closed contacts", large, small),
        Stats.spread(largeTimes, "%.0f") + " ms", Stats.spread(smallTimes, "%.0f") + " ms", f("%.1f", ratio),
        "≤ 10 (linear or better)", ratio <= 10 ? "yes" : "**no**");
  }

  private List<Double> kpiTimes(CareflowNode careflow) throws Exception {
    var times = new ArrayList<Double>();
    for (int i = 0; i < 2 + bench.runs + 2; i++) {
      long t0 = System.nanoTime();
      var response = careflow.call("GET", QUERY, BenchNodes.MANAGER, BenchNodes.MANAGER_PASSWORD, null);
      double ms = (System.nanoTime() - t0) / 1e6;
      if (response.status() != 200) {
        throw new IllegalStateException("GET /api/kpis: " + response.status() + " " + response.body());
      }
      if (i >= 2) {
        times.add(ms);
      }
    }
    return times;
  }

  /** Closed contacts numbered (from, to], a customer for every 5, each with its reply deadline. */
  private static void closedContacts(Database db, String url, int from, int to) throws Exception {
    long t0 = System.nanoTime();
    boolean pg = db.isPostgres();
    String rows = pg ? "generate_series(" + (from + 1) + ", " + to + ") as g(x)"
        : "system_range(" + (from + 1) + ", " + to + ") as g(x)";
    // spread over 2026: one contact every ~31 s at a million
    String received = pg ? "(timestamptz '2026-01-01 08:00:00+00' + (x * 31) * interval '1 second')"
        : "dateadd('SECOND', x * 31, timestamp with time zone '2026-01-01 08:00:00+00')";
    try (Connection c = db.connect(url); Statement s = c.createStatement()) {
      s.execute("insert into customer (id, name, language, created_at) select 'bc-' || x, 'Bench ' || x, 'pl', "
          + received + " from " + rows + " where mod(x, 5) = 1");
      s.execute("insert into contact (id, channel, external_id, customer_id, customer_email, received_at, subject,"
          + " body, topic, protocol, status, language, created_by, first_reply_at, first_reply_working_minutes,"
          + " resolved_at) select 'bk-' || x,"
          + " case mod(x, 5) when 0 then 'EMAIL' when 1 then 'PHONE' when 2 then 'CHAT' when 3 then 'WEB_FORM'"
          + " else 'SMS' end, 'bench-' || x, 'bc-' || (x - mod(x - 1, 5)), 'c' || x || '@bench.example', "
          + received + ", 'Bench', 'Closed bench contact', "
          + " case mod(x, 4) when 0 then 'INQUIRY' when 1 then 'COMPLAINT' when 2 then 'RETURN' else 'DEFECT' end,"
          + " 'inquiry', 'CLOSED', 'pl', 'bench', " + shift(pg, received, 2) + ", mod(x, 600), "
          + shift(pg, received, 5) + " from " + rows);
      s.execute("insert into deadline (id, contact_id, step, target, warning_fraction, started_at, warning_at,"
          + " due_at, escalation_at, completed_at, met) select 'bd-' || x, 'bk-' || x, 'reply', 'PT6H', 0.75, "
          + received + ", " + shift(pg, received, 4) + ", " + shift(pg, received, 6) + ", "
          + shift(pg, received, 12) + ", " + shift(pg, received, 2) + ", mod(x, 10) <> 0 from " + rows);
    }
    System.out.println(f("[bench] P5 %s: contacts %,d..%,d loaded in %.0f s", db.name(), from + 1, to,
        (System.nanoTime() - t0) / 1e9));
  }

  private static String shift(boolean pg, String instant, int hours) {
    return pg ? "(" + instant + " + interval '" + hours + " hours')"
        : "dateadd('HOUR', " + hours + ", " + instant + ")";
  }
}
