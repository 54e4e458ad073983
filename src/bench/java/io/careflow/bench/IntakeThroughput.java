package io.careflow.bench;

import static io.careflow.bench.DatabaseCounters.pgCounters;
import static io.careflow.bench.DatabaseCounters.pgTableWrites;
import static io.careflow.bench.Stats.f;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * P1: contacts per second through {@code POST /api/contacts} (4 client threads, e-mail
 * inquiries) against the bare engine starting a start → user task process through its Java API
 * with 4 threads on the same database; runs alternate, the ratio is taken per run.
 */
final class IntakeThroughput implements CareflowRun.Measured {

  private final Bench bench;
  private final long warmup;
  private final long measure;

  IntakeThroughput(Bench bench) {
    this.bench = bench;
    this.warmup = bench.quick ? 2_000 : 5_000;
    this.measure = bench.quick ? 4_000 : 15_000;
  }

  @Override
  public String alias() {
    return "P1";
  }

  @Override
  public List<String> neededBy() {
    return List.of("P2", "M1", "INTAKELATENCY", "MEMORYUNDERLOAD");
  }

  @Override
  public void run(CareflowRun run) throws Exception {
    Database db = run.db;
    var careflowRates = new ArrayList<Double>();
    var bareRates = new ArrayList<Double>();
    long failed = 0;
    String bareUrl = db.create("bare");
    try (BareEngine bare = new BareEngine(db, bareUrl, "full", false)) {
      // both sides warmed by a count, not a time: a cold careflow may answer nothing for seconds
      Bench.warmUp(Bench.THREADS, bench.quick ? 200 : 3_000, () -> {
        bare.startOneTask();
        return null;
      });
      Bench.warmUp(Bench.THREADS, bench.quick ? 12 : 100, run::postContact);
      for (int i = 0; i < bench.runs; i++) {
        Load.Throughput b = Load.closedLoop(Bench.THREADS, warmup, measure, (t, s) -> {
          bare.startOneTask();
          return true;
        });
        Load.Throughput c = run.memory.during(() -> Load.closedLoop(Bench.THREADS, warmup, measure,
            (t, s) -> run.postContact()));
        bareRates.add(b.perSecond());
        careflowRates.add(c.perSecond());
        failed += c.failed();
        bench.report.detail(f("P1 %s run %d: careflow %.1f/s (%d contacts, %d failed), bare engine %.1f/s",
            db.name(), i + 1, c.perSecond(), c.done(), c.failed(), b.perSecond()));
      }
      if (db.isPostgres()) {
        try {
          databaseWork(run, bare, bareUrl);
        } catch (Exception e) {
          bench.report.detail("P1 " + db.name() + " database work per operation: not measured (" + e + ")");
        }
      }
    }
    var ratios = new ArrayList<Double>();
    for (int i = 0; i < bench.runs; i++) {
      ratios.add(careflowRates.get(i) / bareRates.get(i));
    }
    double ratio = Stats.median(ratios);
    bench.report.row("P1", db.name(), "contacts/s, 4 threads (HTTP intake vs. engine API)",
        Stats.spread(careflowRates, "%.1f") + "/s", Stats.spread(bareRates, "%.0f") + "/s",
        Stats.spread(ratios, "%.3f"), "≥ 0.7", (ratio >= 0.7 ? "yes" : "**no**")
            + (failed > 0 ? f(" (%d failed requests)", failed) : ""));
    // IntakeLatency (P2) offers half of it
    run.peakRate = Stats.median(careflowRates);
  }

  /**
   * Why the two rates differ: what one contact costs the database against one bare start,
   * from PostgreSQL's own counters (pg_stat_database; each side has its own database).
   * Sequential, then a pause: a backend reports its counters at most once a second when idle.
   */
  private void databaseWork(CareflowRun run, BareEngine bare, String bareUrl) throws Exception {
    Database db = run.db;
    int n = bench.quick ? 10 : 50;
    // first let the backends report what the load before did, so it is not counted here
    Thread.sleep(12_000);
    long[] b0 = pgCounters(db, bareUrl);
    for (int i = 0; i < n; i++) {
      bare.startOneTask();
    }
    Thread.sleep(12_000);
    long[] b1 = pgCounters(db, bareUrl);
    Map<String, Long> t0 = pgTableWrites(db, run.url);
    long[] c0 = pgCounters(db, run.url);
    for (int i = 0; i < n; i++) {
      run.postContact();
    }
    // the contact's asynchronous steps run on careflow's job executor after the answer
    Thread.sleep(12_000);
    long[] c1 = pgCounters(db, run.url);
    Map<String, Long> t1 = pgTableWrites(db, run.url);
    bench.report.detail(f("P1 %s database work per operation (pg_stat_database, %d operations one after another):"
            + " careflow contact %.1f commits, %.0f rows written, %.0f rows fetched by index,"
            + " %.0f further rows and index entries scanned;"
            + " bare start %.1f commits, %.0f rows written, %.0f fetched by index, %.0f scanned", db.name(), n,
        (c1[0] - c0[0]) / (double) n, (c1[1] - c0[1]) / (double) n, (c1[2] - c0[2]) / (double) n,
        (c1[3] - c0[3]) / (double) n, (b1[0] - b0[0]) / (double) n, (b1[1] - b0[1]) / (double) n,
        (b1[2] - b0[2]) / (double) n, (b1[3] - b0[3]) / (double) n));
    bench.report.detail(f("P1 %s rows written per contact by table (the ten largest): %s", db.name(),
        t1.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - t0.getOrDefault(e.getKey(), 0L)))
            .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
            .map(e -> f("%s %.1f", e.getKey(), e.getValue() / (double) n)).collect(Collectors.joining(", "))));
  }
}
