package io.careflow.scenario;

import io.careflow.scenario.Scenario.TaskStep;
import io.careflow.support.Http;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;

/** A task step: the task is there, with whom it should be and its form; then an agent works it. */
final class AgentWork {

  static final String NOBODY = "nobody";

  private final CaseTasks tasks;

  AgentWork(CaseTasks tasks) {
    this.tasks = tasks;
  }

  void perform(TaskStep step) {
    Task task = tasks.find(step.task()).orElseThrow(() -> new Mismatch("expected task " + step.task()
        + ", open tasks: " + tasks.describeOpen()));
    String name = task.getTaskDefinitionKey();
    if (step.assignee() != null) {
      String expected = step.assignee().equalsIgnoreCase(NOBODY) ? null : step.assignee();
      if (!Objects.equals(expected, task.getAssignee())) {
        throw new Mismatch("expected " + name + " assigned to " + step.assignee() + ", it is " + who(task));
      }
    }
    if (step.candidateGroup() != null) {
      Set<String> groups = tasks.candidateGroups(task);
      if (!groups.contains(step.candidateGroup())) {
        throw new Mismatch("expected " + name + " offered to " + step.candidateGroup() + ", it is offered to "
            + groups);
      }
      if (step.assignee() == null && task.getAssignee() != null) {
        throw new Mismatch("expected " + name + " waiting in " + step.candidateGroup()
            + " with nobody on it, it is assigned to " + task.getAssignee());
      }
    }
    if (step.form() != null) {
      String form = task.getCamundaFormRef() != null ? task.getCamundaFormRef().getKey() : task.getFormKey();
      if (!step.form().equals(form)) {
        throw new Mismatch("expected " + name + " with form " + step.form() + ", it has "
            + (form == null ? "none" : form));
      }
    }
    if (step.complete() != null) {
      complete(task, step);
    }
  }

  private void complete(Task task, TaskStep step) {
    String name = task.getTaskDefinitionKey();
    String user = step.as() != null ? step.as() : task.getAssignee();
    if (user == null) {
      throw new Mismatch("nobody has " + name + " (offered to " + tasks.candidateGroups(task)
          + "): say who completes it with 'as:'");
    }
    if (task.getAssignee() == null) {
      Http.Response claim = tasks.claim(task, user);
      if (claim.status() != 204) {
        throw new Mismatch(user + " could not claim " + name + ": " + claim.status() + " " + claim.body());
      }
    }
    tasks.formFields(task, user).ifPresent(fields -> {
      List<String> unknown = CaseTasks.unknown(step.complete(), fields);
      if (!unknown.isEmpty()) {
        throw new Mismatch("not on the form of " + name + ": " + unknown + " (its fields: " + fields + ")");
      }
    });
    // a refusal names the field by the label the agent reads; the scenario names it by its key or label
    String refusedLabel = step.refused() == null ? null : tasks.label(task, user, step.refused());
    Http.Response response = tasks.complete(task, user, step.complete());
    if (step.refused() != null) {
      if (response.status() != 400 || !(response.body().contains(refusedLabel + ":")
          || response.body().contains(step.refused()))) {
        throw new Mismatch("expected completing " + name + " as " + user + " to be refused naming " + step.refused()
            + ", careflow answered " + response.status()
            + (response.status() == 204 ? " (completed)" : " " + response.body()));
      }
      if (!tasks.isOpen(task.getId())) {
        throw new Mismatch(name + " was refused but is no longer open");
      }
    } else if (response.status() != 204) {
      throw new Mismatch("completing " + name + " as " + user + " was refused: " + response.status() + " "
          + response.body());
    }
  }

  private String who(Task task) {
    return task.getAssignee() != null ? "assigned to " + task.getAssignee()
        : "with nobody, offered to " + tasks.candidateGroups(task);
  }
}
