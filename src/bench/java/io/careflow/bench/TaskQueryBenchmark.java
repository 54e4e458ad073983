package io.careflow.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * P4 with JMH: anna's "My teams' tasks" as Tasklist asks it — the candidate groups of her
 * teams (assigned or not), sorted by due date, the first page of 15, with the engine's
 * authorization checks on. The engine and its data are prepared by {@link BenchMain}
 * (JMH runs in the same JVM, forks 0, so it sees them).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TaskQueryBenchmark {

  static final String AGENT = "anna";
  static final List<String> AGENT_GROUPS = List.of("agents", "team-complaints", "team-returns", "lang-pl",
      "lang-en", "channel-chat");
  static final List<String> TEAMS = List.of("team-complaints", "team-returns", "team-replacements",
      "team-inquiries");

  static volatile ProcessEngine engine;

  @Benchmark
  public List<Task> agentFirstPage() {
    var identity = engine.getIdentityService();
    identity.setAuthentication(AGENT, AGENT_GROUPS);
    try {
      return engine.getTaskService().createTaskQuery()
          .taskCandidateGroupIn(AGENT_GROUPS).includeAssignedTasks()
          .orderByDueDate().asc()
          .listPage(0, 15);
    } finally {
      identity.clearAuthentication();
    }
  }
}
