package io.careflow.sla;

import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts and stops the watcher of a deadline ({@link DeadlineWatchProcess}). */
@Component
class DeadlineWatch {

  private final RuntimeService runtimeService;

  DeadlineWatch(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  void start(Deadline deadline) {
    runtimeService.createProcessInstanceByKey(DeadlineWatchProcess.KEY)
        .businessKey(deadline.contactId())
        .setVariables(Variables.createVariables()
            .putValue(DeadlineWatchProcess.DEADLINE_ID, deadline.id())
            .putValue(DeadlineWatchProcess.WARNING_AT, Date.from(deadline.warningAt()))
            .putValue(DeadlineWatchProcess.DUE_AT, Date.from(deadline.dueAt()))
            .putValue(DeadlineWatchProcess.ESCALATION_AT, Date.from(deadline.escalationAt())))
        .execute();
  }

  /** Stops whatever watcher the deadline has (none is fine: it may have ended or never run). */
  void stop(String deadlineId) {
    runtimeService.createMessageCorrelation(DeadlineWatchProcess.MESSAGE_STOPPED)
        .processInstanceVariableEquals(DeadlineWatchProcess.DEADLINE_ID, deadlineId)
        .correlateAllWithResult();
  }
}
