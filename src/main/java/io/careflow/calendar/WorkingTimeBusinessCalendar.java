package io.careflow.calendar;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The shop's working time as the engine's "dueDate" business calendar: a duration in a
 * timer's {@code timeDate} or in a task's due date counts working time —
 * {@code <timeDate>PT6H</timeDate>} fires after six working hours, {@code camunda:dueDate="P2D"}
 * is the same time on the second working day. A date stays the date it names, and
 * {@code timeDuration} / {@code timeCycle} keep counting clock time (reminders "after 3 days").
 */
@Component
public class WorkingTimeBusinessCalendar extends AbstractProcessEnginePlugin implements BusinessCalendar {

  private final ObjectProvider<WorkingTimeCalendar> calendar;
  private final DueDateBusinessCalendar dates = new DueDateBusinessCalendar();

  public WorkingTimeBusinessCalendar(ObjectProvider<WorkingTimeCalendar> calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var manager = new MapBusinessCalendarManager();
    manager.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
    manager.addBusinessCalendar(DueDateBusinessCalendar.NAME, this);
    manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(manager);
  }

  @Override
  public Date resolveDuedate(String duedateDescription) {
    return resolveDuedate(duedateDescription, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Task task) {
    return resolveDuedate(duedateDescription, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Date startDate) {
    String text = duedateDescription.trim();
    if (!text.startsWith("P")) {
      return dates.resolveDuedate(text, startDate);
    }
    Instant from = (startDate == null ? ClockUtil.getCurrentTime() : startDate).toInstant();
    return Date.from(calendar.getObject().after(from, WorkingDuration.parse(text)));
  }
}
