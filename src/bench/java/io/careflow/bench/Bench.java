package io.careflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * What every scenario of one run shares: the options of the command line, where careflow's and
 * the bare starter's jars are, the work folder, the report.
 *
 * <p>System properties: {@code bench.quick} (the short version), {@code bench.only} (aliases or
 * class names, e.g. {@code P1,DeadlineLateness}), {@code bench.db} ({@code h2,pg}),
 * {@code bench.careflow.args} (extra arguments for careflow, e.g. to measure a setting "before").
 */
final class Bench {

  /** Client threads of every closed-loop load. */
  static final int THREADS = 4;

  final boolean quick = Boolean.parseBoolean(System.getProperty("bench.quick", "false").isBlank() ? "true"
      : System.getProperty("bench.quick"));
  final Set<String> only = Arrays.stream(System.getProperty("bench.only", "").split(","))
      .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
  // quick mode: H2 only unless -Dbench.db says otherwise (a smoke check of every scenario)
  final List<String> databases = Arrays.stream((System.getProperty("bench.db", "").isBlank()
          ? (quick ? "h2" : "h2,pg") : System.getProperty("bench.db")).split(","))
      .map(String::trim).filter(s -> !s.isEmpty()).toList();
  final List<String> careflowArgs = Arrays.stream(System.getProperty("bench.careflow.args", "").split(" "))
      .filter(s -> !s.isBlank()).toList();
  final Path basedir = Path.of(System.getProperty("bench.basedir", "."));
  final Path jar = Path.of(System.getProperty("bench.jar", "target/careflow-0.1.0-SNAPSHOT.jar"));
  final Path bareJar = basedir.resolve("bench/bare-app/target/bare-app.jar");
  final Path work = basedir.resolve("target/bench");
  final Report report = new Report();
  /** How long an application may take to start: on a crowded shared machine careflow needs minutes. */
  final Duration readyTimeout = Duration.parse(System.getProperty("bench.ready.timeout", "PT10M"));
  /** Runs of each side-by-side comparison (P1, P2, P6). */
  final int runs = quick ? 1 : 3;

  /**
   * {@code -Dbench.options="bench.p4.large=20000,bench.pg.explain=true"}: more settings through
   * Maven. A comma starts the next setting only before {@code bench.}, so a value may hold commas
   * ({@code bench.careflow.jvm=-XX:StartFlightRecording:filename=c1.jfr,settings=profile}).
   */
  static void applyOptions() {
    for (String option : System.getProperty("bench.options", "").split(",(?=\\s*bench\\.)")) {
      int eq = option.indexOf('=');
      if (eq > 0) {
        System.setProperty(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
      }
    }
  }

  interface Call {
    Object call() throws Exception;
  }

  /** {@code count} calls on {@code threads} threads, before anything is measured (the JIT, the caches). */
  static void warmUp(int threads, int count, Call call) throws Exception {
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    var futures = new ArrayList<java.util.concurrent.Future<Object>>();
    for (int i = 0; i < count; i++) {
      futures.add(pool.submit(call::call));
    }
    for (var future : futures) {
      future.get();
    }
    pool.shutdown();
    System.out.println(Stats.f("[bench] warm-up: %d calls in %.1f s", count, (System.nanoTime() - t0) / 1e9));
  }
}
