package io.careflow.sla;

import io.careflow.system.EngineAsSystem;
import io.careflow.system.Groups;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open tasks a deadline guards: each carries the deadline's id as a task-local variable
 * ({@link SlaVariables#DEADLINE_ID}) from its creation, its due date is the deadline's, and what
 * the deadline reached so far (warning, breach) shows on it — also on a task created after
 * that point, e.g. the next step of a complaint after its deadline passed.
 */
@Component
public class GuardedTasks {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final EngineAsSystem asSystem;

  public GuardedTasks(ProcessEngine engine, EngineAsSystem asSystem) {
    this.taskService = engine.getTaskService();
    this.runtimeService = engine.getRuntimeService();
    this.asSystem = asSystem;
  }

  /** A task joins a deadline: its due date, the mark, and the levels reached so far. */
  void join(DelegateTask task, Deadline deadline) {
    task.setVariableLocal(SlaVariables.DEADLINE_ID, deadline.id());
    task.setDueDate(Date.from(deadline.dueAt()));
    if (deadline.breachedAt() != null) {
      task.setPriority(Math.max(task.getPriority(), DeadlineAlerts.PRIORITY_BREACHED));
      task.addCandidateGroup(Groups.TEAM_LEADS);
    } else if (deadline.warnedAt() != null && !deadline.isPaused()) {
      task.setPriority(Math.max(task.getPriority(), DeadlineAlerts.PRIORITY_WARNED));
    }
  }

  /**
   * The open tasks that carry the deadline's id. Found from the variable (careflow's index
   * {@code CF_IDX_VARIABLE_TEXT}, {@code system.EngineIndexes}) to its tasks: the engine's task query
   * by a task variable tests every open task instead, which made each deadline job cost time in
   * proportion to all open tasks (BENCHMARKS.md, P3).
   */
  public List<Task> open(String deadlineId) {
    return asSystem.call(() -> {
      String[] taskIds = runtimeService.createVariableInstanceQuery()
          .variableValueEquals(SlaVariables.DEADLINE_ID, deadlineId)
          .disableBinaryFetching().disableCustomObjectDeserialization().list().stream()
          .map(VariableInstance::getTaskId).filter(Objects::nonNull).distinct().toArray(String[]::new);
      return taskIds.length == 0 ? List.<Task>of() : taskService.createTaskQuery().taskIdIn(taskIds).active().list();
    });
  }

  /** The deadline moved (the customer answered, or a new target): its open tasks are due with it. */
  void moveDueDates(Deadline deadline) {
    Date due = Date.from(deadline.dueAt());
    asSystem.call(() -> {
      for (Task task : open(deadline.id())) {
        if (!due.equals(task.getDueDate())) {
          task.setDueDate(due);
          taskService.saveTask(task);
        }
      }
      return null;
    });
  }
}
