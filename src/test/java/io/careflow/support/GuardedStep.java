package io.careflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineAlerts;
import io.careflow.sla.DeadlineService;
import io.careflow.sla.SlaVariables;
import io.careflow.system.Groups;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * SPEC R2 for one guarded step of a case, proven by moving the engine clock through its
 * deadline as the job executor would: the step's open tasks are due when the deadline is; at
 * the warning point (75 % of the allowed working time unless the policy row says otherwise) the
 * deadline is warned and the tasks' priority raised; at the deadline the breach is recorded, the
 * deadline missed, and the team leads are offered the tasks; at twice the time the managers are
 * told and the watcher ends. Each level lands on the case's record naming the step. The one
 * "warn and escalate" assertion every guarded step's test uses; what the protocol's tasks and
 * messages look like besides is the test's own.
 */
public final class GuardedStep {

  private final CareflowIntegrationTest test;
  private final String contactId;
  private final String step;

  GuardedStep(CareflowIntegrationTest test, String contactId, String step) {
    this.test = test;
    this.contactId = contactId;
    this.step = step;
  }

  /** The running (latest) deadline of the step. */
  public Deadline deadline() {
    return test.deadline(contactId, step);
  }

  /** The tasks the deadline guards that are open now. */
  public List<Task> openTasks() {
    return test.processEngine.getTaskService().createTaskQuery()
        .taskVariableValueEquals(SlaVariables.DEADLINE_ID, deadline().id()).active().list();
  }

  /**
   * Runs the watcher through the warning point, the deadline and twice the time, asserting
   * each level as it comes (see the class comment).
   *
   * @return the deadline as it ends up: warned, breached, escalated, missed
   */
  public Deadline warnsThenEscalates() {
    Deadline start = deadline();
    assertThat(start.isCompleted()).as("%s runs", step).isFalse();
    List<Task> guarded = openTasks();
    assertThat(guarded).as("%s guards an open task", step).isNotEmpty();
    assertThat(guarded).allSatisfy(task -> assertThat(task.getDueDate()).as("%s: due with its deadline",
        task.getName()).isEqualTo(Date.from(start.dueAt())));
    assertThat(start.warningAt()).as("the warning comes before the deadline")
        .isAfter(start.startedAt()).isBefore(start.dueAt());

    assertThat(test.runWatcherUntil(start, start.warningAt().plusSeconds(60))).as("%s: the warning point", step)
        .isEqualTo(1);
    assertThat(deadline().warnedAt()).as("%s warned", step).isNotNull();
    assertThat(deadline().breachedAt()).isNull();
    assertThat(openTasks()).allSatisfy(task -> assertThat(task.getPriority()).as("%s: priority raised",
        task.getName()).isGreaterThanOrEqualTo(DeadlineAlerts.PRIORITY_WARNED));

    assertThat(test.runWatcherUntil(start, start.dueAt().plusSeconds(60))).as("%s: the deadline", step)
        .isEqualTo(1);
    Deadline breached = deadline();
    assertThat(breached.breachedAt()).as("%s breached", step).isNotNull();
    assertThat(breached.met()).as("%s missed", step).isFalse();
    assertThat(openTasks()).isNotEmpty().allSatisfy(task -> {
      assertThat(candidateGroups(task)).as("%s: offered to the team leads", task.getName())
          .contains(Groups.TEAM_LEADS);
      assertThat(task.getPriority()).isGreaterThanOrEqualTo(DeadlineAlerts.PRIORITY_BREACHED);
    });

    assertThat(test.runWatcherUntil(start, start.escalationAt().plusSeconds(60))).as("%s: twice the time", step)
        .isEqualTo(1);
    Deadline escalated = deadline();
    assertThat(escalated.escalatedAt()).as("%s escalated", step).isNotNull();
    assertThat(test.watcher(escalated)).as("%s: nothing more to watch", step).isNull();
    assertThat(test.jdbc.sql("select type from contact_event where contact_id = ? and detail like ? order by id")
        .params(contactId, step + ":%").query(String.class).list())
        .as("%s's levels on the case", step)
        .containsSubsequence(DeadlineService.STARTED, DeadlineService.WARNED, DeadlineService.BREACHED,
            DeadlineService.ESCALATED);
    return escalated;
  }

  private List<String> candidateGroups(Task task) {
    return test.processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
  }
}
