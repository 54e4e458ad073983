package io.careflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.Contact;
import io.careflow.support.CareflowIntegrationTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SPEC R2: a deadline's warning and breach act on the open tasks it guards, and only on those —
 * found by the task variable that names the deadline, not by the process variable of the same
 * name and value, and not another case's tasks.
 */
class GuardedTasksTest extends CareflowIntegrationTest {

  @Autowired
  GuardedTasks guardedTasks;

  @Test
  void shouldFindTheOpenTasksOfOneDeadlineOnly() {
    Contact first = intake.receive(emailContact(uniqueEmail("guard-a"), "INQUIRY", "a", "b"), "intake").contact();
    Contact second = intake.receive(emailContact(uniqueEmail("guard-b"), "INQUIRY", "a", "b"), "intake").contact();
    Task firstTask = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(first.id())
        .singleResult();
    Deadline firstDeadline = deadline(first.id(), "reply");

    assertThat(guardedTasks.open(firstDeadline.id())).extracting(Task::getId).containsExactly(firstTask.getId());
    assertThat(guardedTasks.open(deadline(second.id(), "reply").id()))
        .extracting(Task::getId).doesNotContain(firstTask.getId()).hasSize(1);
    assertThat(guardedTasks.open("no-such-deadline")).isEmpty();
  }
}
