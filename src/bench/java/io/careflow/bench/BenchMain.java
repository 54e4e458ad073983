package io.careflow.bench;

import static io.careflow.bench.Stats.f;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * careflow against the bare engine and the database (issue 8): every scenario on H2 (file)
 * and on a durable PostgreSQL 17, one table into BENCHMARKS.md. Ratios are measured side by
 * side in the same run, because the machines are shared and noisy.
 *
 * <p>System properties: {@code bench.quick} (the short version), {@code bench.only}
 * (e.g. {@code P1,P3}), {@code bench.db} ({@code h2,pg}), {@code bench.careflow.args}
 * (extra arguments for careflow, e.g. to measure a setting "before").
 */
public final class BenchMain {

  static final int THREADS = 4;

  final boolean quick = Boolean.parseBoolean(System.getProperty("bench.quick", "false").isBlank() ? "true"
      : System.getProperty("bench.quick"));
  final Set<String> only = Arrays.stream(System.getProperty("bench.only", "").split(","))
      .map(String::trim).filter(s -> !s.isEmpty()).map(String::toUpperCase).collect(Collectors.toSet());
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

  // sizes: full run / quick run
  final int runs = quick ? 1 : 3;
  final long p1Warmup = quick ? 2_000 : 5_000;
  final long p1Measure = quick ? 4_000 : 15_000;
  final long p2Measure = quick ? 4_000 : 20_000;
  final int p3Deadlines = Integer.getInteger("bench.p3.deadlines", quick ? 60 : 10_000);
  final int p3WindowSeconds = quick ? 10 : 60;
  // the contacts of P3 come through the real intake: on a shared 2-core machine it makes a
  // few per second, so the full run caps the time and the table says how many there were
  final long p3CreateBudgetSeconds = Long.getLong("bench.p3.budget", quick ? 30 : 180);
  final int p4Small = 1_000;
  final int p4Large = Integer.getInteger("bench.p4.large", quick ? 3_000 : 100_000);
  /** false: measure P4 without careflow's engine indexes (the "before" of BENCHMARKS.md). */
  final boolean p4Indexes = Boolean.parseBoolean(System.getProperty("bench.p4.indexes", "true"));
  /** The engine's authorizationCheckRevokes for P4: careflow's {@code never}, or {@code auto} (the engine's default). */
  final String p4Revokes = System.getProperty("bench.p4.revokes", "never");
  /**
   * {@code task}: the engine's per-task authorization for each candidate group (careflow);
   * {@code team}: none per task, READ_TASK on the process definition for the teams instead.
   */
  final String p4Grants = System.getProperty("bench.p4.grants", "task");
  final int p5Small = quick ? 2_000 : 100_000;
  final int p5Large = quick ? 20_000 : 1_000_000;
  final int p6Runs = quick ? 1 : 3;

  public static void main(String[] args) throws Exception {
    // -Dbench.options="bench.p4.large=20000,bench.pg.explain=true": more settings through Maven
    for (String option : System.getProperty("bench.options", "").split(",")) {
      int eq = option.indexOf('=');
      if (eq > 0) {
        System.setProperty(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
      }
    }
    new BenchMain().run();
    System.exit(0);
  }

  boolean wanted(String id) {
    return only.isEmpty() || only.contains(id);
  }

  void run() throws Exception {
    Files.createDirectories(work);
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
    long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
    report.header.add("Run " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        + (quick ? " — **quick mode** (smaller sizes, fewer runs: indicative only)" : " — full run"));
    report.header.add("");
    report.header.add(f("Machine: %d cores, %.1f GiB memory, JDK %s (%s); careflow and the bare starter run"
            + " with -Xmx512m; load average before: %s", Runtime.getRuntime().availableProcessors(),
        memKb / 1024.0 / 1024.0, System.getProperty("java.version"), System.getProperty("java.vm.name"),
        loadBefore));
    if (!careflowArgs.isEmpty()) {
      report.header.add("");
      report.header.add("careflow started with extra arguments: `" + String.join(" ", careflowArgs) + "`");
    }
    report.out = basedir.resolve("BENCHMARKS.md");
    for (String name : databases) {
      try (Database db = name.equals("pg") ? new Database.Postgres(work.resolve("pg"))
          : new Database.H2(work.resolve("h2"))) {
        if (db instanceof Database.Postgres pg) {
          report.header.add("");
          report.header.add("PostgreSQL: " + pg.durability());
        }
        onDatabase(db);
      }
    }
    if (wanted("P6")) {
      isolated("P6", new Database.H2(work.resolve("h2")), this::p6);
    }
    report.header.add("");
    report.header.add("Load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
    report.write(basedir.resolve("BENCHMARKS.md"));
  }

  void onDatabase(Database db) throws Exception {
    boolean node = wanted("P1") || wanted("P2") || wanted("M1") || wanted("P3") || wanted("P5") || wanted("C1");
    if (node) {
      String url = db.create("careflow");
      try (Node careflow = Node.careflow(jar, work.resolve("node"), work.resolve("logs/careflow-" + tag(db) + ".log"),
          db, url, careflowArgs)) {
        long ready = careflow.awaitReady(Duration.ofMinutes(3));
        careflow.createUsers();
        System.out.println("[bench] careflow ready on " + db.name() + " after " + ready + " ms");
        var memory = new MemoryWatch(careflow);
        double careflowRate = Double.NaN;
        if (wanted("C1")) {
          isolated("C1", db, () -> c1(db, careflow, url));
        }
        if (wanted("P1") || wanted("P2") || wanted("M1")) {
          careflowRate = p1(db, careflow, memory, url);
        }
        if (wanted("P2") || wanted("M1")) {
          p2(db, careflow, memory, careflowRate);
        }
        if (wanted("M1") || wanted("P1")) {
          m1(db, careflow, memory);
        }
        if (wanted("P5")) {
          isolated("P5", db, () -> p5(db, careflow, url));
        }
        if (wanted("P3")) {
          isolated("P3", db, () -> p3(db, careflow, url));
        }
      }
    }
    if (wanted("P4")) {
      isolated("P4", db, () -> p4(db));
    }
  }

  interface Scenario {
    void run() throws Exception;
  }

  /** A scenario that fails gets a row saying so; the others still run. */
  void isolated(String id, Database db, Scenario scenario) {
    try {
      scenario.run();
    } catch (Exception | AssertionError e) {
      e.printStackTrace();
      report.row(id, db.name(), "failed", String.valueOf(e).replace('|', '/').replace('\n', ' '), "—", "—", "—",
          "**no** (the scenario failed)");
    }
  }

  static String tag(Database db) {
    return db.isPostgres() ? "pg" : "h2";
  }

  // ---------------------------------------------------------------- P1, P2, M1

  /** Samples careflow's resident memory while the load runs. */
  static final class MemoryWatch {
    final Node node;
    long peakKb;
    final List<Long> samples = new ArrayList<>();

    MemoryWatch(Node node) {
      this.node = node;
    }

    <T> T during(java.util.concurrent.Callable<T> work) throws Exception {
      var sampler = Executors.newSingleThreadScheduledExecutor();
      sampler.scheduleAtFixedRate(() -> {
        long kb = node.memoryKb("VmRSS");
        synchronized (this) {
          samples.add(kb);
          peakKb = Math.max(peakKb, kb);
        }
      }, 0, 250, TimeUnit.MILLISECONDS);
      try {
        return work.call();
      } finally {
        sampler.shutdownNow();
      }
    }
  }

  final AtomicLong contactSequence = new AtomicLong();

  String contactJson(long n) {
    long customer = n % 2_000;
    return """
        {"channel":"EMAIL","externalId":"<bench-%d-%d@shop>",
         "customer":{"email":"customer%d@bench.example","name":"Customer %d","language":"pl"},
         "subject":"Delivery time","body":"How long does the delivery of order %d take?","topic":"INQUIRY"}"""
        .formatted(ProcessHandle.current().pid(), n, customer, customer, n);
  }

  boolean postContact(Node careflow) throws Exception {
    HttpResponse<String> response = careflow.send("POST", "/api/contacts",
        contactJson(contactSequence.incrementAndGet()), Node.INTAKE, Node.INTAKE_PASSWORD);
    return response.statusCode() == 201;
  }

  /** P1: contacts per second through the intake vs. the bare engine, same threads, same database. */
  double p1(Database db, Node careflow, MemoryWatch memory, String careflowUrl) throws Exception {
    var careflowRates = new ArrayList<Double>();
    var bareRates = new ArrayList<Double>();
    long failed = 0;
    String bareUrl = db.create("bare");
    try (BareEngine bare = new BareEngine(db, bareUrl, "full", false)) {
      // both sides warmed by a count, not a time: a cold careflow may answer nothing for seconds
      warmUp(THREADS, quick ? 200 : 3_000, () -> {
        bare.startOneTask();
        return null;
      });
      warmUp(THREADS, quick ? 12 : 100, () -> postContact(careflow));
      for (int run = 0; run < runs; run++) {
        long warmup = p1Warmup;
        Load.Throughput b = Load.closedLoop(THREADS, warmup, p1Measure, (t, s) -> {
          bare.startOneTask();
          return true;
        });
        Load.Throughput c = memory.during(() -> Load.closedLoop(THREADS, warmup, p1Measure,
            (t, s) -> postContact(careflow)));
        bareRates.add(b.perSecond());
        careflowRates.add(c.perSecond());
        failed += c.failed();
        report.detail(f("P1 %s run %d: careflow %.1f/s (%d contacts, %d failed), bare engine %.1f/s",
            db.name(), run + 1, c.perSecond(), c.done(), c.failed(), b.perSecond()));
      }
      if (db.isPostgres()) {
        try {
          databaseWork(db, bare, careflow, bareUrl, careflowUrl);
        } catch (Exception e) {
          report.detail("P1 " + db.name() + " database work per operation: not measured (" + e + ")");
        }
      }
    }
    var ratios = new ArrayList<Double>();
    for (int i = 0; i < runs; i++) {
      ratios.add(careflowRates.get(i) / bareRates.get(i));
    }
    double ratio = Stats.median(ratios);
    report.row("P1", db.name(), "contacts/s, 4 threads (HTTP intake vs. engine API)",
        Stats.spread(careflowRates, "%.1f") + "/s", Stats.spread(bareRates, "%.0f") + "/s",
        Stats.spread(ratios, "%.3f"), "≥ 0.7", (ratio >= 0.7 ? "yes" : "**no**")
            + (failed > 0 ? f(" (%d failed requests)", failed) : ""));
    return Stats.median(careflowRates);
  }

  /**
   * Why the two rates differ: what one contact costs the database against one bare start,
   * from PostgreSQL's own counters (pg_stat_database; each side has its own database).
   * Sequential, then a pause: a backend reports its counters at most once a second when idle.
   */
  void databaseWork(Database db, BareEngine bare, Node careflow, String bareUrl, String careflowUrl)
      throws Exception {
    int n = quick ? 10 : 50;
    // first let the backends report what the load before did, so it is not counted here
    Thread.sleep(12_000);
    long[] b0 = pgCounters(db, bareUrl);
    for (int i = 0; i < n; i++) {
      bare.startOneTask();
    }
    Thread.sleep(12_000);
    long[] b1 = pgCounters(db, bareUrl);
    Map<String, Long> t0 = pgTableWrites(db, careflowUrl);
    long[] c0 = pgCounters(db, careflowUrl);
    for (int i = 0; i < n; i++) {
      postContact(careflow);
    }
    // the contact's asynchronous steps run on careflow's job executor after the answer
    Thread.sleep(12_000);
    long[] c1 = pgCounters(db, careflowUrl);
    Map<String, Long> t1 = pgTableWrites(db, careflowUrl);
    report.detail(f("P1 %s database work per operation (pg_stat_database, %d operations one after another):"
            + " careflow contact %.1f commits, %.0f rows written, %.0f rows fetched by index,"
            + " %.0f further rows and index entries scanned;"
            + " bare start %.1f commits, %.0f rows written, %.0f fetched by index, %.0f scanned", db.name(), n,
        (c1[0] - c0[0]) / (double) n, (c1[1] - c0[1]) / (double) n, (c1[2] - c0[2]) / (double) n,
        (c1[3] - c0[3]) / (double) n, (b1[0] - b0[0]) / (double) n, (b1[1] - b0[1]) / (double) n,
        (b1[2] - b0[2]) / (double) n, (b1[3] - b0[3]) / (double) n));
    report.detail(f("P1 %s rows written per contact by table (the ten largest): %s", db.name(),
        t1.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - t0.getOrDefault(e.getKey(), 0L)))
            .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
            .map(e -> f("%s %.1f", e.getKey(), e.getValue() / (double) n)).collect(Collectors.joining(", "))));
  }

  /** Rows inserted + updated + deleted per table of the URL's database. */
  static Map<String, Long> pgTableWrites(Database db, String url) throws Exception {
    var writes = new HashMap<String, Long>();
    try (Connection c = db.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables")) {
      while (rs.next()) {
        writes.put(rs.getString(1), rs.getLong(2));
      }
    }
    return writes;
  }

  /** commits, rows written, rows fetched by index, rows returned by scans of the URL's database. */
  static long[] pgCounters(Database db, String url) throws Exception {
    try (Connection c = db.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select xact_commit, tup_inserted + tup_updated + tup_deleted, tup_fetched, tup_returned - tup_fetched"
            + " from pg_stat_database where datname = current_database()")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
    }
  }

  interface Call {
    Object call() throws Exception;
  }

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
    System.out.println(f("[bench] warm-up: %d calls in %.1f s", count, (System.nanoTime() - t0) / 1e9));
  }

  /** P2: latency of the intake at half of the peak rate (open loop). */
  void p2(Database db, Node careflow, MemoryWatch memory, double peak) throws Exception {
    if (Double.isNaN(peak)) {
      peak = Load.closedLoop(THREADS, p1Warmup, p1Measure, (t, s) -> postContact(careflow)).perSecond();
    }
    double rate = Math.max(1, peak / 2);
    var p50s = new ArrayList<Double>();
    var p99s = new ArrayList<Double>();
    var ratios = new ArrayList<Double>();
    for (int run = 0; run < runs; run++) {
      // at least 100 requests (15 quick) per run, so p99 is not just the maximum of a handful
      long measure = Math.min(quick ? 10_000 : 45_000,
          Math.max(p2Measure, (long) ((quick ? 15 : 100) * 1000 / rate)));
      Load.Latencies l = memory.during(() -> Load.openLoop(rate, measure, 32, (t, s) -> postContact(careflow)));
      double p50 = Stats.percentile(l.millis(), 50);
      double p99 = Stats.percentile(l.millis(), 99);
      p50s.add(p50);
      p99s.add(p99);
      ratios.add(p99 / p50);
      report.detail(f("P2 %s run %d: %.1f requests/s offered, %d answered, %d failed; p50 %.1f ms, p90 %.1f ms,"
              + " p99 %.1f ms, max %.1f ms", db.name(), run + 1, rate, l.millis().size(), l.failed(), p50,
          Stats.percentile(l.millis(), 90), p99, Stats.max(l.millis())));
    }
    report.row("P2", db.name(), f("intake latency at %.0f/s (half the peak)", rate),
        "p50 " + Stats.spread(p50s, "%.0f") + " ms, p99 " + Stats.spread(p99s, "%.0f") + " ms", "—",
        "p99/p50 " + Stats.spread(ratios, "%.1f"), "p99 ≤ 5 × p50",
        Stats.median(ratios) <= 5 ? "yes" : "**no**");
  }

  void m1(Database db, Node careflow, MemoryWatch memory) {
    boolean oom = careflow.logMentions("OutOfMemoryError");
    long hwm = careflow.memoryKb("VmHWM");
    var mb = memory.samples.stream().filter(kb -> kb > 0).map(kb -> kb / 1024.0).toList();
    report.row("M1", db.name(), "careflow RSS under the P1/P2 load, -Xmx512m",
        f("peak %.0f MiB, median %.0f MiB (VmHWM %.0f MiB)", memory.peakKb / 1024.0, Stats.median(mb),
            hwm / 1024.0), "—", "—", "no OOM, RSS reported", oom || !careflow.process.isAlive()
            ? "**no** (OutOfMemoryError)" : "yes (no OutOfMemoryError)");
  }

  // ---------------------------------------------------------------- C1

  /**
   * C1: what one operation costs careflow's JVM and its database, three kinds side by side in the
   * same JVM and database: an authenticated read ({@code GET /engine-rest/process-definition/count}
   * as a manager), a bare engine start over {@code /engine-rest} (start → one user task, deployed
   * into careflow for this) and a contact ({@code POST /api/contacts}). CPU is the careflow
   * process's own (user + system, from /proc) over the calls and a settling time for the work
   * after the answer (jobs), minus what the idle JVM burns in as long; the ratio of contact to bare
   * start is the figure the shared machine's noise does not move much.
   */
  void c1(Database db, Node careflow, String url) throws Exception {
    careflow.deploy(BareEngine.ONE_TASK, org.camunda.bpm.model.bpmn.Bpmn.convertToString(BareEngine.oneTask()));
    int n = Integer.getInteger("bench.c1.calls", quick ? 200 : 1_000);
    int contacts = Integer.getInteger("bench.c1.contacts", quick ? 60 : 300);
    Call read = () -> careflow.send("GET", "/engine-rest/process-definition/count", null, Node.MANAGER,
        Node.MANAGER_PASSWORD).statusCode() == 200;
    Call start = () -> careflow.send("POST", "/engine-rest/process-definition/key/" + BareEngine.ONE_TASK + "/start",
        "{}", Node.ADMIN, Node.ADMIN_PASSWORD).statusCode() == 200;
    Call contact = () -> postContact(careflow);
    // warmed by count: the JIT compiles the paths before anything is measured
    warmUp(THREADS, n, read);
    warmUp(THREADS, n / 2, start);
    warmUp(THREADS, contacts / 2, contact);
    Thread.sleep(3_000);
    double idle = idleCpuNanosPerMilli(careflow);
    var rows = new LinkedHashMap<String, double[]>();
    rows.put("authenticated read (GET /engine-rest/process-definition/count)", cost(db, careflow, url, read, n, idle));
    rows.put("bare start over /engine-rest (start → user task)", cost(db, careflow, url, start, n / 2, idle));
    rows.put("contact (POST /api/contacts)", cost(db, careflow, url, contact, contacts, idle));
    var values = new ArrayList<>(rows.values());
    double ratio = values.get(2)[0] / values.get(1)[0];
    rows.forEach((what, v) -> report.detail(f("C1 %s %s: %.2f ms CPU each (%d calls, 4 threads, %.0f/s)%s", db.name(),
        what, v[0], (long) v[1], v[2], db.isPostgres()
            ? f("; %.1f commits, %.1f rows written, %.1f fetched by index", v[3], v[4], v[5])
            : f("; %.1f rows added (row counts)", v[4]))));
    if (tableRows != null) {
      report.detail(f("C1 %s rows %s per contact by table: %s", db.name(),
          db.isPostgres() ? "written (inserted + updated + deleted)" : "added", tableRows));
    }
    report.row("C1", db.name(), "CPU per contact ÷ CPU per bare start over /engine-rest (same JVM, same database)",
        f("%.1f ms per contact", values.get(2)[0]), f("%.1f ms per start (a read: %.2f ms)", values.get(1)[0],
            values.get(0)[0]), f("%.1f", ratio), "≤ 2.5", ratio <= 2.5 ? "yes" : "**no**");
  }

  /** The last {@link #cost} run's rows per operation by table (the ten largest), for the report. */
  String tableRows;

  /** CPU the idle careflow process burns per millisecond (job acquisition, metrics, GC). */
  static double idleCpuNanosPerMilli(Node careflow) throws InterruptedException {
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
  double[] cost(Database db, Node careflow, String url, Call call, int n, double idleNanosPerMilli) throws Exception {
    String benchUrl = db.urlForNode(url);
    if (db.isPostgres()) {
      Thread.sleep(12_000);
    }
    long[] d0 = db.isPostgres() ? pgCounters(db, benchUrl) : new long[4];
    Map<String, Long> t0 = db.isPostgres() ? pgTableWrites(db, benchUrl) : h2RowCounts(db, benchUrl);
    long c0 = careflow.cpuNanos();
    long w0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
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
    long c1 = careflow.cpuNanos();
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
        .map(e -> f("%s %.1f", e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue() / (double) n)).toList();
    System.out.println("[bench] C1 rows per call by table: " + String.join(", ", byTable));
    tableRows = byTable.stream().limit(10).collect(Collectors.joining(", "));
    if (failed > 0) {
      System.out.println(f("[bench] C1: %d of %d calls failed", failed, n));
    }
    return new double[] {cpuMs, n, n / seconds, (d1[0] - d0[0]) / (double) n,
        db.isPostgres() ? (d1[1] - d0[1]) / (double) n : rows / (double) n, (d1[2] - d0[2]) / (double) n};
  }

  /** Rows per table of careflow's H2 database (exact counts; the bench reaches the file through AUTO_SERVER). */
  static Map<String, Long> h2RowCounts(Database db, String url) throws Exception {
    var counts = new HashMap<String, Long>();
    try (Connection c = db.connect(url); Statement s = c.createStatement()) {
      var tables = new ArrayList<String>();
      try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
          + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  // ---------------------------------------------------------------- P3

  /** The deadline watcher's timers (deadline-watch.bpmn; business key = the contact's id). */
  static final String WARNING_TIMER = "timer_warning_point";
  static final String DUE_TIMER = "timer_deadline";

  /**
   * P3: the warning and the breach timers of real contacts (5,000 contacts → 10,000 deadlines)
   * moved to fire within one minute; careflow's job executor runs them; lateness = when the
   * contact's SLA_WARNING / SLA_BREACHED event was recorded minus the timer's due instant.
   */
  void p3(Database db, Node careflow, String url) throws Exception {
    int contacts = p3Deadlines / 2;
    String benchUrl = db.urlForNode(url);
    int have = countWarningTimers(db, benchUrl);
    if (have < contacts) {
      // through the real intake, 4 threads, within a time budget: on a crowded machine the
      // intake may be too slow for 5,000 contacts, and the table then says how many there were
      long t0 = System.nanoTime();
      long budget = t0 + TimeUnit.SECONDS.toNanos(p3CreateBudgetSeconds);
      var created = new AtomicLong(have);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      var futures = new ArrayList<java.util.concurrent.Future<?>>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> {
          while (created.get() < contacts && System.nanoTime() < budget) {
            if (postContact(careflow)) {
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
    Thread.sleep(quick ? 1_000 : 10_000);
    Map<String, Instant> dueByEvent = new HashMap<>();
    Instant first;
    try (Connection c = db.connect(benchUrl)) {
      var warning = new LinkedHashMap<String, String>();
      var due = new HashMap<String, String>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select j.ID_, e.BUSINESS_KEY_, j.HANDLER_CFG_ from ACT_RU_JOB j join ACT_RU_EXECUTION e"
              + " on e.ID_ = j.PROCESS_INSTANCE_ID_ where j.HANDLER_CFG_ like '" + WARNING_TIMER + "%'"
              + " or j.HANDLER_CFG_ like '" + DUE_TIMER + "%' order by e.BUSINESS_KEY_")) {
        while (rs.next()) {
          (rs.getString(3).startsWith(WARNING_TIMER) ? warning : due).put(rs.getString(2), rs.getString(1));
        }
      }
      List<String> chosen = warning.keySet().stream().filter(due::containsKey).limit(contacts).toList();
      int n = chosen.size();
      long leadMillis = quick ? 5_000 : 20_000;
      first = Instant.now().plusMillis(leadMillis);
      long slotMicros = p3WindowSeconds * 1_000_000L / (2L * n);
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
    Instant giveUp = last.plusSeconds(quick ? 60 : 180);
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
    report.detail(f("P3 %s: %d of %d deadlines fired; lateness p50 %.2f s, p99 %.2f s, max %.2f s; the last"
            + " event %.1f s after the last due instant", db.name(), fired.size(), dueByEvent.size(),
        Stats.percentile(lateness, 50), Stats.percentile(lateness, 99), latest,
        lastFired == null ? Double.NaN : Duration.between(last, lastFired).toMillis() / 1000.0));
    boolean all = fired.size() == dueByEvent.size();
    report.row("P3", db.name(), f("%,d deadlines due within %d s (warnings + breaches of %,d contacts)%s",
            dueByEvent.size(), p3WindowSeconds, dueByEvent.size() / 2, dueByEvent.size() < p3Deadlines
                ? f(" — fewer than %,d: the intake made only these within the time budget", p3Deadlines) : ""),
        f("%,d fired; lateness p50 %.2f s, p99 %.2f s, latest %.2f s", fired.size(),
            Stats.percentile(lateness, 50), Stats.percentile(lateness, 99), latest), "its due instant", "—",
        "all fire, latest ≤ 5 s late", all && latest <= 5 ? "yes" : "**no**");
  }

  int countWarningTimers(Database db, String url) throws Exception {
    try (Connection c = db.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select count(*) from ACT_RU_JOB where HANDLER_CFG_ like '" + WARNING_TIMER + "%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  Map<String, Instant> firedEvents(Database db, String url, long sinceMillis, Map<String, Instant> wanted)
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

  // ---------------------------------------------------------------- P4

  /** P4: the agent's first page with few and with many open tasks (JMH, in this JVM). */
  void p4(Database db) throws Exception {
    boolean teamGrants = p4Grants.equals("team");
    try (BareEngine bare = new BareEngine(db, db.create("tasks"), "none", true, p4Revokes, teamGrants)) {
      TaskQueryBenchmark.engine = bare.engine;
      if (teamGrants) {
        var authorizations = bare.engine.getAuthorizationService();
        for (String team : TaskQueryBenchmark.TEAMS) {
          var grant = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
          grant.setGroupId(team);
          grant.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
          grant.setResourceId(BareEngine.TEAM_TASK);
          grant.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK);
          grant.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_WORK);
          authorizations.saveAuthorization(grant);
        }
      }
      Runnable indexes = p4Indexes ? careflowIndexes(bare) : () -> {};
      indexes.run();
      createTasks(bare, p4Small);
      List<Double> small = jmh();
      createTasks(bare, p4Large - p4Small);
      indexes.run();
      List<Double> large = jmh();
      var ratio = Stats.median(large) / Stats.median(small);
      report.detail(f("P4 %s: %,d tasks: %s ms per query (JMH iterations); %,d tasks: %s ms", db.name(), p4Small,
          small.stream().map(v -> f("%.2f", v)).toList(), p4Large,
          large.stream().map(v -> f("%.2f", v)).toList()));
      report.row("P4", db.name(), f("agent's first page (teams' candidate groups, by due date) at %,d vs. %,d"
              + " open tasks%s%s%s", p4Large, p4Small, p4Indexes ? "" : " — without careflow's engine indexes",
              p4Revokes.equals("never") ? "" : ", authorizationCheckRevokes " + p4Revokes,
              teamGrants ? ", team-level grants instead of per-task authorizations" : ""),
          Stats.spread(large, "%.2f") + " ms", Stats.spread(small, "%.2f") + " ms", f("%.2f", ratio), "≤ 2",
          ratio <= 2 ? "yes" : "**no**");
    }
  }

  /**
   * The indexes careflow adds to the engine's tables at start, if the product has them
   * (looked up by name so the bench builds with or without them).
   */
  Runnable careflowIndexes(BareEngine bare) {
    try {
      Class<?> type = Class.forName("io.careflow.system.EngineIndexes");
      var method = type.getMethod("ensure", javax.sql.DataSource.class);
      javax.sql.DataSource ds = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
          bare.engine.getProcessEngineConfiguration()).getDataSource();
      return () -> {
        try {
          method.invoke(null, ds);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      };
    } catch (ReflectiveOperationException absent) {
      return () -> {};
    }
  }

  void createTasks(BareEngine bare, int count) throws Exception {
    long t0 = System.nanoTime();
    var next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    var futures = new ArrayList<java.util.concurrent.Future<?>>();
    Instant now = Instant.now();
    for (int t = 0; t < THREADS; t++) {
      futures.add(pool.submit(() -> {
        var runtime = bare.engine.getRuntimeService();
        var random = ThreadLocalRandom.current();
        // 50 starts per transaction: the engine does the same work per task, the database
        // commits (fsync) once per batch — the set-up of 100,000 tasks, not what is measured
        var commands = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) bare.engine
            .getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        boolean more = true;
        while (more) {
          more = commands.execute(context -> {
            for (int i = 0; i < 50; i++) {
              if (next.incrementAndGet() > count) {
                return false;
              }
              Map<String, Object> variables = new HashMap<>();
              variables.put("team",
                  TaskQueryBenchmark.TEAMS.get(random.nextInt(TaskQueryBenchmark.TEAMS.size())));
              variables.put("due", java.util.Date.from(now.plusSeconds(random.nextLong(30L * 24 * 3600))));
              runtime.startProcessInstanceByKey(BareEngine.TEAM_TASK, variables);
            }
            return true;
          });
        }
        return null;
      }));
    }
    for (var future : futures) {
      future.get();
    }
    pool.shutdown();
    // the statistics a running database has by then (autovacuum, H2's auto-analyze); right
    // after a bulk load PostgreSQL still believes the tables are empty and plans accordingly
    try (var c = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) bare.engine
        .getProcessEngineConfiguration()).getDataSource().getConnection(); var s = c.createStatement()) {
      s.execute("analyze");
    }
    System.out.println(f("[bench] P4: %,d tasks created in %.0f s", count, (System.nanoTime() - t0) / 1e9));
  }

  List<Double> jmh() throws Exception {
    var options = new OptionsBuilder().include(TaskQueryBenchmark.class.getName() + ".agentFirstPage")
        .forks(0).threads(1)
        .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 2))
        .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.milliseconds(quick ? 500 : 2_000))
        .shouldDoGC(true)
        .build();
    var values = new ArrayList<Double>();
    for (RunResult result : new Runner(options).run()) {
      result.getBenchmarkResults().forEach(b -> b.getIterationResults()
          .forEach(i -> values.add(i.getPrimaryResult().getScore())));
    }
    return values;
  }

  // ---------------------------------------------------------------- P5

  /** P5: /api/kpis over few and many closed contacts, generated in bulk (SQL, not the engine). */
  void p5(Database db, Node careflow, String url) throws Exception {
    String query = "/api/kpis?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z";
    int probe = careflow.send("GET", query, null, Node.MANAGER, Node.MANAGER_PASSWORD).statusCode();
    if (probe != 200) {
      report.row("P5", db.name(), "/api/kpis over closed contacts", "not available in this build"
          + " (GET /api/kpis answers " + probe + " to a manager: the reporting work is not merged yet)", "—", "—",
          "≤ 10", "not run");
      return;
    }
    String benchUrl = db.urlForNode(url);
    closedContacts(db, benchUrl, 0, p5Small);
    List<Double> small = kpiTimes(careflow, query);
    closedContacts(db, benchUrl, p5Small, p5Large);
    List<Double> large = kpiTimes(careflow, query);
    double ratio = Stats.median(large) / Stats.median(small);
    report.detail(f("P5 %s: %,d contacts %s ms; %,d contacts %s ms", db.name(), p5Small,
        small.stream().map(v -> f("%.0f", v)).toList(), p5Large, large.stream().map(v -> f("%.0f", v)).toList()));
    report.row("P5", db.name(), f("GET /api/kpis (a year) over %,d vs. %,d closed contacts", p5Large, p5Small),
        Stats.spread(large, "%.0f") + " ms", Stats.spread(small, "%.0f") + " ms", f("%.1f", ratio),
        "≤ 10 (linear or better)", ratio <= 10 ? "yes" : "**no**");
  }

  List<Double> kpiTimes(Node careflow, String query) throws Exception {
    var times = new ArrayList<Double>();
    for (int i = 0; i < 2 + runs + 2; i++) {
      long t0 = System.nanoTime();
      var response = careflow.send("GET", query, null, Node.MANAGER, Node.MANAGER_PASSWORD);
      double ms = (System.nanoTime() - t0) / 1e6;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET /api/kpis: " + response.statusCode() + " " + response.body());
      }
      if (i >= 2) {
        times.add(ms);
      }
    }
    return times;
  }

  /** Closed contacts numbered (from, to], a customer for every 5, each with its reply deadline. */
  void closedContacts(Database db, String url, int from, int to) throws Exception {
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

  static String shift(boolean pg, String instant, int hours) {
    return pg ? "(" + instant + " + interval '" + hours + " hours')"
        : "dateadd('HOUR', " + hours + ", " + instant + ")";
  }

  // ---------------------------------------------------------------- P6

  /** P6: start to ready, careflow (H2, as `java -jar` starts it) vs. the bare starter, alternately. */
  void p6() throws Exception {
    var careflow = new ArrayList<Double>();
    var bare = new ArrayList<Double>();
    // bench.p6.cds=true: careflow from its extracted jar with a class-data-sharing archive
    // (docs/operations.md, "Start faster"), trained once before the runs
    List<String> cds = Boolean.getBoolean("bench.p6.cds") ? cdsArchive() : null;
    Path careflowJar = cds == null ? jar : work.resolve("cds/" + jar.getFileName());
    for (int run = 0; run < p6Runs; run++) {
      bare.add(startOnce(bareJar, "bare", run, List.of()));
      careflow.add(startOnce(careflowJar, "careflow", run, cds == null ? List.of() : cds));
      // with the archive, careflow's plain jar in the same run too: the same-run before/after
      String plain = cds == null ? "" : f(", careflow without the archive %.1f s",
          startOnce(jar, "careflow-plain", run, List.of()));
      report.detail(f("P6 run %d: careflow %.1f s%s, bare starter %.1f s%s", run + 1,
          careflow.get(run), cds == null ? "" : " (CDS archive)", bare.get(run), plain));
    }
    var ratios = new ArrayList<Double>();
    for (int i = 0; i < p6Runs; i++) {
      ratios.add(careflow.get(i) / bare.get(i));
    }
    double ratio = Stats.median(careflow) / Stats.median(bare);
    report.row("P6", "H2 (file)", "start to ready (new database, JVM start to readiness 200)"
            + (cds == null ? "" : ", careflow with its CDS archive"),
        Stats.spread(careflow, "%.1f") + " s", Stats.spread(bare, "%.1f") + " s",
        f("%.2f (per run %s)", ratio, Stats.spread(ratios, "%.2f")), "≤ 1.5", ratio <= 1.5 ? "yes" : "**no**");
  }

  /** Extracts careflow's jar and records its class-data-sharing archive in one training start. */
  List<String> cdsArchive() throws Exception {
    Path dir = work.resolve("cds");
    exec(List.of(javaBin(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--force",
        "--destination", dir.toAbsolutePath().toString()), work);
    Path archive = dir.resolve("careflow.jsa").toAbsolutePath();
    Path training = Files.createDirectories(work.resolve("cds-training-" + System.nanoTime()));
    exec(List.of(javaBin(), "-Xmx512m", "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
        "-jar", dir.resolve(jar.getFileName()).toAbsolutePath().toString()), training);
    return List.of("-Xmx512m", "-XX:SharedArchiveFile=" + archive);
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  void exec(List<String> command, Path dir) throws Exception {
    Path log = work.resolve("logs/cds-" + System.nanoTime() + ".log");
    Files.createDirectories(log.getParent());
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed, see " + log);
    }
  }

  double startOnce(Path app, String name, int run, List<String> jvm) throws Exception {
    Path dir = work.resolve("start/" + name + "-" + run + "-" + System.nanoTime());
    try (Node node = Node.start(app, dir, work.resolve("logs/start-" + name + "-" + run + ".log"),
        jvm.isEmpty() ? List.of("-Xmx512m") : jvm, List.of())) {
      return node.awaitReady(Duration.ofMinutes(3)) / 1000.0;
    }
  }
}
