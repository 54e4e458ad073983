package io.careflow.bench;

import static io.careflow.bench.Stats.f;

import io.careflow.support.CareflowNode;
import java.util.List;

/**
 * M1: careflow's resident memory (VmRSS of {@code /proc/<pid>/status}, sampled every 250 ms)
 * under the load of {@link IntakeThroughput} and {@link IntakeLatency}, {@code -Xmx512m}; its log
 * searched for an OutOfMemoryError.
 */
final class MemoryUnderLoad implements CareflowRun.Measured {

  private final Bench bench;

  MemoryUnderLoad(Bench bench) {
    this.bench = bench;
  }

  @Override
  public String alias() {
    return "M1";
  }

  /** P1 alone reports the memory it made careflow use too. */
  @Override
  public List<String> neededBy() {
    return List.of("P1", "INTAKETHROUGHPUT");
  }

  @Override
  public void run(CareflowRun run) {
    CareflowNode careflow = run.careflow;
    boolean oom = careflow.log().contains("OutOfMemoryError");
    long hwm = careflow.memoryKb("VmHWM");
    var mb = run.memory.samples.stream().filter(kb -> kb > 0).map(kb -> kb / 1024.0).toList();
    bench.report.row("M1", run.db.name(), "careflow RSS under the P1/P2 load, -Xmx512m",
        f("peak %.0f MiB, median %.0f MiB (VmHWM %.0f MiB)", run.memory.peakKb / 1024.0, Stats.median(mb),
            hwm / 1024.0), "—", "—", "no OOM, RSS reported", oom || !careflow.isAlive()
            ? "**no** (OutOfMemoryError)" : "yes (no OutOfMemoryError)");
  }
}
