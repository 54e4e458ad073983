package io.careflow.communication;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import io.careflow.system.ExpectedFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A quiet, honest log for failures outside careflow ({@link OutsideFailures}): a mail server or
 * webhook that is down is one WARN line per failed attempt — the step, the cause, and what
 * careflow does next (the next attempt and when, or the incident after the last) — instead of
 * the engine's two stack traces per attempt (ENGINE-16004 "Exception while closing command
 * context" at ERROR, ENGINE-14006 "Exception while executing job" at WARN). Those stay as they
 * are for every unexpected failure.
 *
 * <p>The engine's three places: the command context logs expected failures at DEBUG (as it
 * does for its own optimistic-locking conflicts; this class is the {@link ExpectedFailure} that
 * {@code system.QuietCommandContextPlugin} asks), the job executor's failure log skips them, and
 * the line is written after the engine's retry command has counted the attempt down, so it names
 * the real next attempt.
 */
@Component
public class OutsideFailureLogPlugin extends AbstractProcessEnginePlugin implements ExpectedFailure {

  private static final Logger LOG = LoggerFactory.getLogger(OutsideFailureLogPlugin.class);

  @Override
  public boolean expected(Throwable failure) {
    return OutsideFailures.expected(failure);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory engines = configuration.getFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory((jobId, failure) -> {
      Command<Object> retry = engines.getCommand(jobId, failure);
      String cause = OutsideFailures.describe(failure);
      return cause == null ? retry : context -> {
        Object result = retry.execute(context);
        JobEntity job = context.getJobManager().findJobById(jobId);
        if (job != null) {
          LOG.warn(line(job, cause));
        }
        return result;
      };
    });
    // one handler for the JVM: the job executor's failure log is static
    synchronized (ExecuteJobHelper.class) {
      if (!(ExecuteJobHelper.LOGGING_HANDLER instanceof QuietJobFailureLog)) {
        ExecuteJobHelper.LOGGING_HANDLER = new QuietJobFailureLog(ExecuteJobHelper.LOGGING_HANDLER);
      }
    }
  }

  /** "Step X of process Y (instance, job) failed: cause. Next attempt at T (in 60 s), n left …" */
  static String line(JobEntity job, String cause) {
    String step = "Step " + job.getActivityId() + " of " + job.getProcessDefinitionKey() + " (process instance "
        + job.getProcessInstanceId() + ", job " + job.getId() + ") failed: " + cause + ". ";
    if (job.getRetries() <= 0) {
      return step + "That was its last attempt: an incident shows in Cockpit; retry it there once the cause is fixed.";
    }
    Instant next = job.getLockExpirationTime() != null ? job.getLockExpirationTime().toInstant()
        : job.getDuedate() != null ? job.getDuedate().toInstant() : ClockUtil.getCurrentTime().toInstant();
    long seconds = Math.max(0, Math.round(Duration.between(ClockUtil.getCurrentTime().toInstant(), next).toMillis()
        / 1000.0));
    return step + "Next attempt at " + next.truncatedTo(ChronoUnit.SECONDS) + " (in " + seconds + " s), "
        + job.getRetries() + (job.getRetries() == 1 ? " attempt" : " attempts")
        + " left; an incident after the last.";
  }

  private static final class QuietJobFailureLog implements ExecuteJobHelper.ExceptionLoggingHandler {

    private final ExecuteJobHelper.ExceptionLoggingHandler engines;

    QuietJobFailureLog(ExecuteJobHelper.ExceptionLoggingHandler engines) {
      this.engines = engines;
    }

    @Override
    public void exceptionWhileExecutingJob(String jobId, Throwable failure) {
      if (OutsideFailures.expected(failure)) {
        LOG.debug("Job {} failed outside careflow", jobId, failure);
      } else {
        engines.exceptionWhileExecutingJob(jobId, failure);
      }
    }
  }
}
