package io.careflow.cases.page;

import io.careflow.casefile.ContactEvents.ContactEvent;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Each deadline of the case in a manager's words: the step, its target and the SLA policy row
 * that gave it, its points (warning, due, escalation) and which were reached, the pauses while
 * the shop waited for the customer, and the verdict (met, missed, running, overdue).
 */
@Service
public class CaseDeadlines {

  private final BusinessHoursProperties shopTime;
  private final Clock clock;

  public CaseDeadlines(BusinessHoursProperties shopTime, Clock clock) {
    this.shopTime = shopTime;
    this.clock = clock;
  }

  /** A pause or its end, as the contact's events tell it. */
  public record Pause(String at, String what) {}

  /** {@code state}: met, missed, overdue (running past due), paused, running. */
  public record Line(String step, String target, String policy, String started, String warningAt, String dueAt,
      String escalationAt, String warnedAt, String breachedAt, String escalatedAt, String completedAt,
      long pausedWorkingMinutes, List<Pause> pauses, String state, String verdict) {}

  public List<Line> of(List<Deadline> deadlines, List<ContactEvent> events) {
    var lines = new ArrayList<Line>();
    for (Deadline d : deadlines) {
      var pauses = new ArrayList<Pause>();
      for (ContactEvent e : events) {
        if ((DeadlineService.PAUSED.equals(e.type()) || DeadlineService.RESUMED.equals(e.type()))
            && e.detail().startsWith(d.step() + ":") && !e.at().isBefore(d.startedAt())
            && (d.completedAt() == null || !e.at().isAfter(d.completedAt()))) {
          pauses.add(new Pause(shopTime.local(e.at()), e.detail().substring(d.step().length() + 1).strip()));
        }
      }
      String state;
      String verdict;
      if (d.met() != null) {
        state = d.met() ? "met" : "missed";
        verdict = (d.met() ? "met: done " : "missed: done ") + shopTime.local(d.completedAt()) + ", due "
            + shopTime.local(d.dueAt());
      } else if (d.isCompleted()) {
        state = "met";
        verdict = "done " + shopTime.local(d.completedAt());
      } else if (d.isPaused()) {
        state = "paused";
        verdict = "waiting for the customer since " + shopTime.local(d.pausedAt());
      } else if (d.breachedAt() != null || clock.instant().isAfter(d.dueAt())) {
        state = "overdue";
        verdict = "overdue since " + shopTime.local(d.dueAt()) + ", still open";
      } else {
        state = "running";
        verdict = "running, due " + shopTime.local(d.dueAt());
      }
      lines.add(new Line(d.step(), d.target().toString(), d.policy(), shopTime.local(d.startedAt()),
          shopTime.local(d.warningAt()), shopTime.local(d.dueAt()), shopTime.local(d.escalationAt()),
          shopTime.local(d.warnedAt()), shopTime.local(d.breachedAt()), shopTime.local(d.escalatedAt()),
          shopTime.local(d.completedAt()), d.pausedWorkingTime().toMinutes(), pauses, state, verdict));
    }
    return lines;
  }
}
