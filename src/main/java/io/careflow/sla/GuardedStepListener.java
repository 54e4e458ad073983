package io.careflow.sla;

import io.careflow.casefile.CaseVariables;
import io.careflow.model.BuildingBlock;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The guarded step (SPEC R2) as one property in a model: a user task with the extension
 * property {@code deadline = <step>} (e.g. {@code reply}, {@code replacement-review}) is
 * guarded by the case's deadline of that step — the running one, else a new one from now with
 * the target of {@code sla-policy.dmn} for that step. The task is due when the deadline is; the
 * deadline's watcher ({@code processes/deadline-watch.bpmn}) warns the assignee at the warning
 * point, offers the task to the team leads at the deadline and tells the managers at twice the
 * time. No timers in the protocol's model. Where the clock stops is the model's choice: a
 * "Stop the … clock" step ({@code ${completeDeadlineDelegate}} with {@code deadline = <step>}).
 * Added to every user task that has the property by {@code contact.CaseTaskFormPlugin}.
 */
@BuildingBlock(value = "Guarded step", properties = GuardedStepListener.PROPERTY)
@Component
public class GuardedStepListener {

  /** The extension property that makes a user task a guarded step. */
  public static final String PROPERTY = "deadline";

  private final DeadlineService deadlines;
  private final SlaPolicy policy;
  private final GuardedTasks tasks;
  private final Clock clock;

  public GuardedStepListener(DeadlineService deadlines, SlaPolicy policy, GuardedTasks tasks, Clock clock) {
    this.deadlines = deadlines;
    this.policy = policy;
    this.tasks = tasks;
    this.clock = clock;
  }

  public void created(DelegateTask task, String step) {
    String contactId = CaseVariables.contactId(task);
    if (contactId == null) {
      throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " has deadline = " + step
          + " but runs outside a customer case (no contactId)");
    }
    Deadline deadline = deadlines.running(contactId, step).orElse(null);
    if (deadline == null) {
      deadline = deadlines.start(contactId, step, clock.instant(), policy.of(step, task));
    } else {
      deadlines.watch(deadline);
    }
    tasks.join(task, deadline);
  }
}
