package io.careflow.bench;

import static io.careflow.bench.Stats.f;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * P4: an agent's "My teams' tasks" first page (candidate groups, assigned too, by due date, 15,
 * authorization checks on) with 1,000 and 100,000 open tasks: JMH ({@link TaskQueryBenchmark}, in
 * the bench's JVM, forks 0) on a bare engine with careflow's engine indexes.
 */
final class AgentFirstPage implements Scenario {

  private final Bench bench;
  private final int smallTasks = 1_000;
  private final int largeTasks;
  /** false: measure without careflow's engine indexes (the "before" of BENCHMARKS.md). */
  private final boolean withIndexes = Boolean.parseBoolean(System.getProperty("bench.p4.indexes", "true"));
  /** The engine's authorizationCheckRevokes: careflow's {@code never}, or {@code auto} (the engine's default). */
  private final String revokes = System.getProperty("bench.p4.revokes", "never");
  /**
   * {@code task}: the engine's per-task authorization for each candidate group (careflow);
   * {@code team}: none per task, READ_TASK on the process definition for the teams instead.
   */
  private final String grants = System.getProperty("bench.p4.grants", "task");
  /** {@code engine}: the engine's own sessions instead of careflow's ({@code system.EngineSessionsPlugin}). */
  private final boolean careflowSessions = !System.getProperty("bench.p4.sessions", "careflow").equals("engine");

  AgentFirstPage(Bench bench) {
    this.bench = bench;
    this.largeTasks = Integer.getInteger("bench.p4.large", bench.quick ? 3_000 : 100_000);
  }

  @Override
  public String alias() {
    return "P4";
  }

  /** With few, then with many open tasks: a JMH measurement each. */
  void run(Database db) throws Exception {
    boolean teamGrants = grants.equals("team");
    try (BareEngine bare = new BareEngine(db, db.create("tasks"), "none", true, revokes, teamGrants,
        careflowSessions)) {
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
      Runnable indexes = withIndexes ? careflowIndexes(bare) : () -> {};
      indexes.run();
      createTasks(bare, smallTasks);
      List<Double> fewTasks = jmh();
      createTasks(bare, largeTasks - smallTasks);
      indexes.run();
      List<Double> manyTasks = jmh();
      var ratio = Stats.median(manyTasks) / Stats.median(fewTasks);
      bench.report.detail(f("P4 %s: %,d tasks: %s ms per query (JMH iterations); %,d tasks: %s ms", db.name(), smallTasks,
          fewTasks.stream().map(v -> f("%.2f", v)).toList(), largeTasks,
          manyTasks.stream().map(v -> f("%.2f", v)).toList()));
      bench.report.row("P4", db.name(), f("agent's first page (teams' candidate groups, by due date) at %,d vs. %,d"
              + " open tasks%s%s%s", largeTasks, smallTasks, withIndexes ? "" : " — without careflow's engine indexes",
              revokes.equals("never") ? "" : ", authorizationCheckRevokes " + revokes,
              teamGrants ? ", team-level grants instead of per-task authorizations" : "")
              + (careflowSessions ? "" : ", the engine's own authorization manager"),
          Stats.spread(manyTasks, "%.2f") + " ms", Stats.spread(fewTasks, "%.2f") + " ms", f("%.2f", ratio), "≤ 2",
          ratio <= 2 ? "yes" : "**no**");
    }
  }

  /**
   * The indexes careflow adds to the engine's tables at start, if the product has them
   * (looked up by name so the bench builds with or without them).
   */
  private static Runnable careflowIndexes(BareEngine bare) {
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

  private static void createTasks(BareEngine bare, int count) throws Exception {
    long t0 = System.nanoTime();
    var next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(Bench.THREADS);
    var futures = new ArrayList<java.util.concurrent.Future<?>>();
    Instant now = Instant.now();
    for (int t = 0; t < Bench.THREADS; t++) {
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

  private List<Double> jmh() throws Exception {
    var options = new OptionsBuilder().include(TaskQueryBenchmark.class.getName() + ".agentFirstPage")
        .forks(0).threads(1)
        .warmupIterations(bench.quick ? 1 : 3).warmupTime(TimeValue.seconds(bench.quick ? 1 : 2))
        .measurementIterations(bench.quick ? 3 : 5).measurementTime(TimeValue.milliseconds(bench.quick ? 500 : 2_000))
        .shouldDoGC(true)
        .build();
    var values = new ArrayList<Double>();
    for (RunResult result : new Runner(options).run()) {
      result.getBenchmarkResults().forEach(b -> b.getIterationResults()
          .forEach(i -> values.add(i.getPrimaryResult().getScore())));
    }
    return values;
  }
}
