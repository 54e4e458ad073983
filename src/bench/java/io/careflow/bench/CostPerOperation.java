package io.careflow.bench;

import static io.careflow.bench.DatabaseCounters.h2RowCounts;
import static io.careflow.bench.DatabaseCounters.pgCounters;
import static io.careflow.bench.DatabaseCounters.pgTableWrites;
import static io.careflow.bench.Stats.f;

import io.careflow.support.CareflowNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * C1: what one operation costs careflow's JVM and its database, three kinds side by side in the
 * same JVM and database: an authenticated read ({@code GET /engine-rest/process-definition/count}
 * as a manager), a bare engine start over {@code /engine-rest} (start → one user task, deployed
 * into careflow for this) and a contact ({@code POST /api/contacts}). CPU is the careflow
 * process's own (user + system, from /proc) over the calls and a settling time for the work
 * after the answer (jobs), minus what the idle JVM burns in as long; the ratio of contact to bare
 * start is the figure the shared machine's noise does not move much.
 */
final class CostPerOperation implements CareflowRun.Measured {

  private final Bench bench;
  /** The last {@link #cost} run's rows per operation by table (the ten largest), for the report. */
  private String tableRows;

  CostPerOperation(Bench bench) {
    this.bench = bench;
  }

  @Override
  public String alias() {
    return "C1";
  }

  @Override
  public void run(CareflowRun run) throws Exception {
    Database db = run.db;
    CareflowNode careflow = run.careflow;
    careflow.deploy(BareEngine.ONE_TASK, org.camunda.bpm.model.bpmn.Bpmn.convertToString(BareEngine.oneTask()));
    int n = Integer.getInteger("bench.c1.calls", bench.quick ? 200 : 1_000);
    int contacts = Integer.getInteger("bench.c1.contacts", bench.quick ? 60 : 300);
    Bench.Call read = () -> careflow.call("GET", "/engine-rest/process-definition/count", BenchNodes.MANAGER,
        BenchNodes.MANAGER_PASSWORD, null).status() == 200;
    Bench.Call start = () -> careflow.call("POST", "/engine-rest/process-definition/key/" + BareEngine.ONE_TASK
        + "/start", CareflowNode.ADMIN, CareflowNode.ADMIN_PASSWORD, "{}").status() == 200;
    Bench.Call contact = run::postContact;
    // warmed by count: the JIT compiles the paths before anything is measured
    Bench.warmUp(Bench.THREADS, n, read);
    Bench.warmUp(Bench.THREADS, n / 2, start);
    Bench.warmUp(Bench.THREADS, contacts / 2, contact);
    Thread.sleep(3_000);
    double idle = idleCpuNanosPerMilli(careflow);
    var rows = new LinkedHashMap<String, double[]>();
    rows.put("authenticated read (GET /engine-rest/process-definition/count)", cost(run, read, n, idle));
    rows.put("bare start over /engine-rest (start → user task)", cost(run, start, n / 2, idle));
    rows.put("contact (POST /api/contacts)", cost(run, contact, contacts, idle));
    var values = new ArrayList<>(rows.values());
    double ratio = values.get(2)[0] / values.get(1)[0];
    rows.forEach((what, v) -> bench.report.detail(f("C1 %s %s: %.2f ms CPU each (%d calls, 4 threads, %.0f/s)%s",
        db.name(), what, v[0], (long) v[1], v[2], db.isPostgres()
            ? f("; %.1f commits, %.1f rows written, %.1f fetched by index", v[3], v[4], v[5])
            : f("; %.1f rows added (row counts)", v[4]))));
    if (tableRows != null) {
      bench.report.detail(f("C1 %s rows %s per contact by table: %s", db.name(),
          db.isPostgres() ? "written (inserted + updated + deleted)" : "added", tableRows));
    }
    bench.report.row("C1", db.name(), "CPU per contact ÷ CPU per bare start over /engine-rest (same JVM, same database)",
        f("%.1f ms per contact", values.get(2)[0]), f("%.1f ms per start (a read: %.2f ms)", values.get(1)[0],
            values.get(0)[0]), f("%.1f", ratio), "≤ 2.5", ratio <= 2.5 ? "yes" : "**no**");
  }

  /** CPU the idle careflow process burns per millisecond (job acquisition, metrics, GC). */
  private static double idleCpuNanosPerMilli(CareflowNode careflow) throws InterruptedException {
    long c0 = careflow.cpuNanos();
    long t0 = System.nanoTime();
    Thread.sleep(5_000);
    return (careflow.cpuNanos() - c0) / ((System.nanoTime() - t0) / 1e6);
  }

  /**
   * [CPU ms per call, calls, calls/s, commits, rows written, rows fetched by index] of {@code n}
   * calls on 4 threads. The database counters are PostgreSQL's (pg_stat_database, after its
   * backends have reported); on H2 the rows added are the change of every table's row count.
   */
  private double[] cost(CareflowRun run, Bench.Call call, int n, double idleNanosPerMilli) throws Exception {
    Database db = run.db;
    String benchUrl = run.benchUrl();
    if (db.isPostgres()) {
      Thread.sleep(12_000);
    }
    long[] d0 = db.isPostgres() ? pgCounters(db, benchUrl) : new long[4];
    Map<String, Long> t0 = db.isPostgres() ? pgTableWrites(db, benchUrl) : h2RowCounts(db, benchUrl);
    long c0 = run.careflow.cpuNanos();
    long w0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(Bench.THREADS);
    var futures = new ArrayList<java.util.concurrent.Future<Object>>();
    for (int i = 0; i < n; i++) {
      futures.add(pool.submit(call::call));
    }
    long failed = 0;
    for (var future : futures) {
      failed += Boolean.TRUE.equals(future.get()) ? 0 : 1;
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - w0) / 1e9;
    // the work after the answer (the contact's jobs) belongs to the operation too
    Thread.sleep(3_000);
    long c1 = run.careflow.cpuNanos();
    double wallMillis = (System.nanoTime() - w0) / 1e6;
    double cpuMs = (c1 - c0 - idleNanosPerMilli * wallMillis) / 1e6 / n;
    if (db.isPostgres()) {
      Thread.sleep(12_000);
    }
    long[] d1 = db.isPostgres() ? pgCounters(db, benchUrl) : new long[4];
    Map<String, Long> t1 = db.isPostgres() ? pgTableWrites(db, benchUrl) : h2RowCounts(db, benchUrl);
    long rows = t1.entrySet().stream().mapToLong(e -> e.getValue() - t0.getOrDefault(e.getKey(), 0L)).sum();
    var byTable = t1.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - t0.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() != 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> f("%s %.1f", e.getKey().toLowerCase(Locale.ROOT), e.getValue() / (double) n)).toList();
    System.out.println("[bench] C1 rows per call by table: " + String.join(", ", byTable));
    tableRows = byTable.stream().limit(10).collect(Collectors.joining(", "));
    if (failed > 0) {
      System.out.println(f("[bench] C1: %d of %d calls failed", failed, n));
    }
    return new double[] {cpuMs, n, n / seconds, (d1[0] - d0[0]) / (double) n,
        db.isPostgres() ? (d1[1] - d0[1]) / (double) n : rows / (double) n, (d1[2] - d0[2]) / (double) n};
  }
}
