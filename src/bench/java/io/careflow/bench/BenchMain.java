package io.careflow.bench;

import static io.careflow.bench.Stats.f;

import io.careflow.support.CareflowNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * careflow against the bare engine and the database: every scenario on H2 (file) and on a durable
 * PostgreSQL 17, one table into BENCHMARKS.md. Ratios are measured side by side in the same run,
 * because the machines are shared and noisy. Each scenario is a class of its own, named after
 * what it measures; its alias (P1 … P6, C1, M1) is what the table and {@code -Dbench.only} use.
 *
 * <p>Order per database: the scenarios on one running careflow ({@link CostPerOperation},
 * {@link IntakeThroughput}, {@link IntakeLatency}, {@link MemoryUnderLoad},
 * {@link KpiOverClosedContacts}, {@link DeadlineLateness}), then {@link AgentFirstPage} on a bare
 * engine; {@link StartToReady} once at the end.
 */
public final class BenchMain {

  private final Bench bench = new Bench();
  private final List<CareflowRun.Measured> onCareflow = List.of(new CostPerOperation(bench),
      new IntakeThroughput(bench), new IntakeLatency(bench), new MemoryUnderLoad(bench),
      new KpiOverClosedContacts(bench), new DeadlineLateness(bench));
  private final AgentFirstPage agentFirstPage = new AgentFirstPage(bench);
  private final StartToReady startToReady = new StartToReady(bench);

  public static void main(String[] args) throws Exception {
    Bench.applyOptions();
    try {
      new BenchMain().run();
    } catch (Exception | AssertionError e) {
      // the HTTP client's and the database's threads would keep the JVM (and Maven) waiting
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  void run() throws Exception {
    Files.createDirectories(bench.work);
    Report report = bench.report;
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
    long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
    report.header.add("Run " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        + (bench.quick ? " — **quick mode** (smaller sizes, fewer runs: indicative only)" : " — full run"));
    report.header.add("");
    report.header.add(f("Machine: %d cores, %.1f GiB memory, JDK %s (%s); careflow and the bare starter run"
            + " with -Xmx512m; load average before: %s", Runtime.getRuntime().availableProcessors(),
        memKb / 1024.0 / 1024.0, System.getProperty("java.version"), System.getProperty("java.vm.name"),
        loadBefore));
    if (!bench.careflowArgs.isEmpty()) {
      report.header.add("");
      report.header.add("careflow started with extra arguments: `" + String.join(" ", bench.careflowArgs) + "`");
    }
    report.out = bench.basedir.resolve("BENCHMARKS.md");
    for (String name : bench.databases) {
      try (Database db = name.equals("pg") ? new Database.Postgres(bench.work.resolve("pg"))
          : new Database.H2(bench.work.resolve("h2"))) {
        if (db instanceof Database.Postgres pg) {
          report.header.add("");
          report.header.add("PostgreSQL: " + pg.durability());
        }
        onDatabase(db);
      }
    }
    if (startToReady.selected(bench.only)) {
      isolated(startToReady, new Database.H2(bench.work.resolve("h2")), startToReady::run);
    }
    report.header.add("");
    report.header.add("Load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
    report.write(bench.basedir.resolve("BENCHMARKS.md"));
  }

  private void onDatabase(Database db) throws Exception {
    var selected = onCareflow.stream().filter(s -> s.selected(bench.only)).toList();
    if (!selected.isEmpty()) {
      String url = db.create("careflow");
      // a log of this run only: MemoryUnderLoad searches it for an OutOfMemoryError
      Path log = bench.work.resolve("logs/careflow-" + (db.isPostgres() ? "pg" : "h2") + ".log");
      Files.deleteIfExists(log);
      try (CareflowNode careflow = BenchNodes.careflow(bench.jar, bench.work.resolve("node"), log, db, url,
          bench.careflowArgs)) {
        long ready = careflow.start().awaitReady(bench.readyTimeout, Duration.ofMillis(25)).startToReady()
            .toMillis();
        BenchNodes.createUsers(careflow);
        System.out.println("[bench] careflow ready on " + db.name() + " after " + ready + " ms");
        var run = new CareflowRun(db, careflow, url);
        for (CareflowRun.Measured scenario : selected) {
          isolated(scenario, db, () -> scenario.run(run));
        }
        // gracefully, so that a flight recording (bench.careflow.jvm) is written
        careflow.stop();
      }
    }
    if (agentFirstPage.selected(bench.only)) {
      isolated(agentFirstPage, db, () -> agentFirstPage.run(db));
    }
  }

  interface Step {
    void run() throws Exception;
  }

  /** A scenario that fails gets a row saying so; the others still run. */
  private void isolated(Scenario scenario, Database db, Step step) {
    System.out.println("[bench] " + scenario.alias() + " " + scenario.name() + " on " + db.name());
    try {
      step.run();
    } catch (Exception | AssertionError e) {
      e.printStackTrace();
      bench.report.row(scenario.alias(), db.name(), "failed", String.valueOf(e).replace('|', '/')
          .replace('\n', ' '), "—", "—", "—", "**no** (the scenario failed)");
    }
  }
}
