package io.careflow.bench;

import static io.careflow.bench.Stats.f;

import java.util.ArrayList;
import java.util.List;

/**
 * P2: the intake's latency at half of {@link IntakeThroughput}'s careflow rate: open loop (a fixed
 * rate, latency from the planned send time), p50 and p99.
 */
final class IntakeLatency implements CareflowRun.Measured {

  private final Bench bench;
  private final long measure;

  IntakeLatency(Bench bench) {
    this.bench = bench;
    this.measure = bench.quick ? 4_000 : 20_000;
  }

  @Override
  public String alias() {
    return "P2";
  }

  @Override
  public List<String> neededBy() {
    return List.of("M1", "MEMORYUNDERLOAD");
  }

  @Override
  public void run(CareflowRun run) throws Exception {
    double peak = run.peakRate;
    if (Double.isNaN(peak)) {
      // IntakeThroughput failed: the peak of one closed loop of its size
      peak = Load.closedLoop(Bench.THREADS, bench.quick ? 2_000 : 5_000, bench.quick ? 4_000 : 15_000,
          (t, s) -> run.postContact()).perSecond();
    }
    double rate = Math.max(1, peak / 2);
    var p50s = new ArrayList<Double>();
    var p99s = new ArrayList<Double>();
    var ratios = new ArrayList<Double>();
    for (int i = 0; i < bench.runs; i++) {
      // at least 100 requests (15 quick) per run, so p99 is not just the maximum of a handful
      long millis = Math.min(bench.quick ? 10_000 : 45_000,
          Math.max(measure, (long) ((bench.quick ? 15 : 100) * 1000 / rate)));
      Load.Latencies l = run.memory.during(() -> Load.openLoop(rate, millis, 32, (t, s) -> run.postContact()));
      double p50 = Stats.percentile(l.millis(), 50);
      double p99 = Stats.percentile(l.millis(), 99);
      p50s.add(p50);
      p99s.add(p99);
      ratios.add(p99 / p50);
      bench.report.detail(f("P2 %s run %d: %.1f requests/s offered, %d answered, %d failed; p50 %.1f ms, p90 %.1f ms,"
              + " p99 %.1f ms, max %.1f ms", run.db.name(), i + 1, rate, l.millis().size(), l.failed(), p50,
          Stats.percentile(l.millis(), 90), p99, Stats.max(l.millis())));
    }
    bench.report.row("P2", run.db.name(), f("intake latency at %.0f/s (half the peak)", rate),
        "p50 " + Stats.spread(p50s, "%.0f") + " ms, p99 " + Stats.spread(p99s, "%.0f") + " ms", "—",
        "p99/p50 " + Stats.spread(ratios, "%.1f"), "p99 ≤ 5 × p50",
        Stats.median(ratios) <= 5 ? "yes" : "**no**");
  }
}
