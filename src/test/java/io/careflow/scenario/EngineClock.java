package io.careflow.scenario;

import io.careflow.calendar.WorkingDuration;
import io.careflow.calendar.WorkingTimeCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Time in a scenario: the engine's clock (careflow's one "now") moved by hand, and the jobs
 * that come due run by hand — tests have no job executor. Which jobs exist is the models'
 * business (boundary timers, a watcher process, sends), so every due job of every process
 * runs, never one picked by its element id.
 */
final class EngineClock {

  /** Jobs that keep coming due at the same instant would be a loop in a model; stop and say so. */
  private static final int MAX_ROUNDS = 100;

  /** A job that failed when it ran, with what it said. */
  record FailedJob(Job job, Exception error) {}

  private final ProcessEngine engine;
  private final WorkingTimeCalendar calendar;

  EngineClock(ProcessEngine engine, WorkingTimeCalendar calendar) {
    this.engine = engine;
    this.calendar = calendar;
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (configuration.getJobExecutor() != null && configuration.getJobExecutor().isActive()) {
      // it would run jobs at the wrong "now", or while a scenario checks what is still to come
      throw new IllegalStateException("The engine's job executor is running: scenarios move time and run jobs by "
          + "hand (camunda.bpm.job-execution.enabled=false)");
    }
  }

  void set(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  void reset() {
    ClockUtil.reset();
  }

  /**
   * That much working time passes. The clock stops at every due date on the way and runs what
   * is due then, as a job executor would have: a warning handled at its own time is a warning,
   * handled after the deadline it is not.
   *
   * @return the jobs that failed
   */
  List<FailedJob> pass(WorkingDuration duration) {
    Instant target = calendar.after(now(), duration);
    List<FailedJob> failed = new ArrayList<>(runDueJobs());
    while (true) {
      Instant next = nextDueDate();
      if (next == null || next.isAfter(target)) {
        break;
      }
      set(next);
      failed.addAll(runDueJobs());
    }
    set(target);
    failed.addAll(runDueJobs());
    return failed;
  }

  /**
   * Runs every job due now, again and again, until none is due: a job may leave the next one
   * (a send after a timer). A job that fails is not run again in the same call.
   */
  List<FailedJob> runDueJobs() {
    ManagementService management = engine.getManagementService();
    List<FailedJob> failed = new ArrayList<>();
    Set<String> failedIds = new HashSet<>();
    for (int round = 0; ; round++) {
      List<Job> due = management.createJobQuery().executable().active().orderByJobDuedate().asc().list().stream()
          .filter(job -> !failedIds.contains(job.getId())).toList();
      if (due.isEmpty()) {
        return failed;
      }
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException("jobs keep coming due at " + now() + " after " + MAX_ROUNDS + " rounds: "
            + due.stream().limit(5).map(Job::getProcessDefinitionKey).toList());
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          // an earlier job of this round may have removed it (a boundary timer of a task completed since)
          if (management.createJobQuery().jobId(job.getId()).count() > 0) {
            failedIds.add(job.getId());
            failed.add(new FailedJob(job, e));
          }
        }
      }
    }
  }

  /** The earliest due date after now of a job that can still run. */
  private Instant nextDueDate() {
    List<Job> next = engine.getManagementService().createJobQuery().active().withRetriesLeft()
        .duedateHigherThan(Date.from(now())).orderByJobDuedate().asc().listPage(0, 1);
    return next.isEmpty() ? null : next.get(0).getDuedate().toInstant();
  }
}
