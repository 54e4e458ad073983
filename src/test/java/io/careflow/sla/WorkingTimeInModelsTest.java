package io.careflow.sla;

import static io.careflow.support.ShopTime.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.CareflowIntegrationTest;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * The business calendar as a designer uses it in a model: a duration in a task's due date or
 * a timer's {@code timeDate} counts working time, {@code timeDuration} counts clock time, and
 * expressions reach the calendar as {@code workingTime}.
 */
class WorkingTimeInModelsTest extends CareflowIntegrationTest {

  @Test
  void shouldCountWorkingTimeInDueDatesAndTimeDates() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("working-time-demo")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("user_work").camundaDueDate("PT6H").camundaFollowUpDate("${workingTime.after('P2D')}")
        .boundaryEvent("timer_working").cancelActivity(false).timerWithDate("PT2H").endEvent()
        .moveToActivity("user_work")
        .boundaryEvent("timer_clock").cancelActivity(false).timerWithDuration("PT2H").endEvent()
        .moveToActivity("user_work").endEvent()
        .done();
    processEngine.getRepositoryService().createDeployment().addModelInstance("working-time-demo.bpmn", model)
        .deploy();
    // Friday 4 December 2026, 16:00 in Warsaw
    ClockUtil.setCurrentTime(Date.from(at("2026-12-04T16:00+01:00")));

    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("working-time-demo");

    var task = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    // 1 working hour on Friday, 5 on Monday
    assertThat(task.getDueDate()).isEqualTo(Date.from(at("2026-12-07T14:00+01:00")));
    // two working days from Friday 16:00
    assertThat(task.getFollowUpDate()).isEqualTo(Date.from(at("2026-12-08T16:00+01:00")));
    var jobs = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId());
    assertThat(jobs.activityId("timer_working").singleResult().getDuedate())
        .as("timeDate PT2H: working time").isEqualTo(Date.from(at("2026-12-07T10:00+01:00")));
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("timer_clock").singleResult().getDuedate())
        .as("timeDuration PT2H: clock time").isEqualTo(Date.from(at("2026-12-04T18:00+01:00")));
  }

}
