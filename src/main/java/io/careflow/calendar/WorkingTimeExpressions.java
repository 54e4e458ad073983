package io.careflow.calendar;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The business calendar in model expressions, as bean {@code workingTime}:
 * {@code ${workingTime.after('PT6H')}} — six working hours from now;
 * {@code ${workingTime.after(receivedAt, 'P2D')}} — two working days after a date variable.
 */
@Component("workingTime")
public class WorkingTimeExpressions {

  private final WorkingTimeCalendar calendar;

  public WorkingTimeExpressions(WorkingTimeCalendar calendar) {
    this.calendar = calendar;
  }

  public Date after(String duration) {
    return after(ClockUtil.getCurrentTime(), duration);
  }

  public Date after(Date from, String duration) {
    Instant start = from == null ? ClockUtil.getCurrentTime().toInstant() : from.toInstant();
    return Date.from(calendar.after(start, WorkingDuration.parse(duration)));
  }

  public boolean isWorkingTime(Date at) {
    return calendar.isWorkingTime(at.toInstant());
  }
}
