package io.careflow.bench;

import static io.careflow.bench.Stats.f;

import io.careflow.support.CareflowNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * P6: JVM start to the first 200 of {@code /actuator/health/readiness}, careflow ({@code java -jar},
 * H2, a new database) against the bare Camunda starter ({@code bench/bare-app}), alternately, 3 runs
 * each. {@code bench.p6.cds=true}: careflow with its class-data-sharing archive.
 *
 * <p>careflow starts without the demo's sample contacts ({@code careflow.demo.sample-contacts=false}):
 * the bare starter has no data to write either, and a shop's careflow (profile {@code postgres})
 * writes none; the demo's 3,000 past contacts and 29 open cases took 4.9 s of the start on their own
 * (2026-12-06). {@code bench.p6.demo=true} measures the start with them.
 */
final class StartToReady implements Scenario {

  private final Bench bench;
  private final int runs;

  StartToReady(Bench bench) {
    this.bench = bench;
    this.runs = bench.quick ? 1 : 3;
  }

  @Override
  public String alias() {
    return "P6";
  }

  /** P6: start to ready, careflow (H2, as `java -jar` starts it) vs. the bare starter, alternately. */
  void run() throws Exception {
    var careflow = new ArrayList<Double>();
    var bare = new ArrayList<Double>();
    // bench.p6.cds=true: careflow from its extracted jar with a class-data-sharing archive
    // (docs/operations.md, "Start faster"), trained once before the runs
    List<String> cds = Boolean.getBoolean("bench.p6.cds") ? cdsArchive() : null;
    Path careflowJar = cds == null ? bench.jar : bench.work.resolve("cds/" + bench.jar.getFileName());
    for (int run = 0; run < runs; run++) {
      bare.add(startOnce(bench.bareJar, "bare", run, List.of()));
      careflow.add(startOnce(careflowJar, "careflow", run, cds == null ? List.of() : cds));
      // with the archive, careflow's plain jar in the same run too: the same-run before/after
      String plain = cds == null ? "" : f(", careflow without the archive %.1f s",
          startOnce(bench.jar, "careflow-plain", run, List.of()));
      bench.report.detail(f("P6 run %d: careflow %.1f s%s, bare starter %.1f s%s", run + 1,
          careflow.get(run), cds == null ? "" : " (CDS archive)", bare.get(run), plain));
    }
    var ratios = new ArrayList<Double>();
    for (int i = 0; i < runs; i++) {
      ratios.add(careflow.get(i) / bare.get(i));
    }
    double ratio = Stats.median(careflow) / Stats.median(bare);
    bench.report.row("P6", "H2 (file)", "start to ready (new database, JVM start to readiness 200)"
            + (cds == null ? "" : ", careflow with its CDS archive")
            + (Boolean.getBoolean("bench.p6.demo") ? ", with the demo's sample contacts" : ""),
        Stats.spread(careflow, "%.1f") + " s", Stats.spread(bare, "%.1f") + " s",
        f("%.2f (per run %s)", ratio, Stats.spread(ratios, "%.2f")), "≤ 1.5", ratio <= 1.5 ? "yes" : "**no**");
  }

  /** Extracts careflow's jar and records its class-data-sharing archive in one training start. */
  private List<String> cdsArchive() throws Exception {
    Path dir = bench.work.resolve("cds");
    exec(List.of(javaBin(), "-Djarmode=tools", "-jar", bench.jar.toAbsolutePath().toString(), "extract", "--force",
        "--destination", dir.toAbsolutePath().toString()), bench.work);
    Path archive = dir.resolve("careflow.jsa").toAbsolutePath();
    Path training = Files.createDirectories(bench.work.resolve("cds-training-" + System.nanoTime()));
    exec(List.of(javaBin(), "-Xmx512m", "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
        "-jar", dir.resolve(bench.jar.getFileName()).toAbsolutePath().toString()), training);
    return List.of("-Xmx512m", "-XX:SharedArchiveFile=" + archive);
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void exec(List<String> command, Path dir) throws Exception {
    Path log = bench.work.resolve("logs/cds-" + System.nanoTime() + ".log");
    Files.createDirectories(log.getParent());
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed, see " + log);
    }
  }

  private double startOnce(Path app, String name, int run, List<String> jvm) throws Exception {
    List<String> args = name.startsWith("careflow") && !Boolean.getBoolean("bench.p6.demo")
        ? List.of("--careflow.demo.sample-contacts=false") : List.of();
    Path dir = bench.work.resolve("start/" + name + "-" + run + "-" + System.nanoTime());
    Path log = bench.work.resolve("logs/start-" + name + "-" + run + ".log");
    Files.deleteIfExists(log);
    try (CareflowNode node = BenchNodes.app(name, app, dir, log, jvm.isEmpty() ? List.of("-Xmx512m") : jvm, args)) {
      // asked every 25 ms: the start time is what is measured
      return node.start().awaitReady(bench.readyTimeout, Duration.ofMillis(25)).startToReady().toMillis()
          / 1000.0;
    }
  }
}
