package io.careflow.sla;

import io.careflow.contact.ContactEvents;
import io.careflow.sla.DeadlineRepository.Level;
import io.careflow.system.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks of a contact's deadlines (SPEC R2): started with the target of the SLA policy
 * table, paused while the shop waits for the customer and moved by exactly the working time
 * waited, completed when the answer goes out. Every step lands on the contact's record.
 *
 * <p>Warning point: the given fraction of the allowed working time. Second escalation
 * level: the allowed working time once more after the deadline (2×).
 */
@Service
public class DeadlineService {

  /** The step of the reply deadline every contact has; its deadline is the contact's SLA. */
  public static final String REPLY = "reply";

  public static final String STARTED = "SLA_STARTED";
  public static final String WARNED = "SLA_WARNING";
  public static final String BREACHED = "SLA_BREACHED";
  public static final String ESCALATED = "SLA_ESCALATED";
  public static final String PAUSED = "SLA_PAUSED";
  public static final String RESUMED = "SLA_RESUMED";
  public static final String MET = "SLA_MET";
  public static final String MISSED = "SLA_MISSED";

  private final DeadlineRepository deadlines;
  private final WorkingTimeCalendar calendar;
  private final ContactEvents events;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;

  public DeadlineService(DeadlineRepository deadlines, WorkingTimeCalendar calendar, ContactEvents events,
      Clock clock, ApplicationEventPublisher publisher) {
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.events = events;
    this.clock = clock;
    this.publisher = publisher;
  }

  @Transactional
  public Deadline start(String contactId, String step, Instant from, WorkingDuration target, double warningFraction) {
    if (warningFraction <= 0 || warningFraction >= 1) {
      throw new IllegalArgumentException("warning fraction must lie between 0 and 1, was " + warningFraction);
    }
    Instant dueAt = calendar.after(from, target);
    Instant warningAt = calendar.fractionOf(from, dueAt, warningFraction);
    Instant escalationAt = calendar.after(dueAt, calendar.between(from, dueAt));
    var deadline = new Deadline(UUID.randomUUID().toString(), contactId, step, target, warningFraction, from,
        warningAt, dueAt, escalationAt, null, Duration.ZERO, null, null, null, null, null);
    deadlines.insert(deadline);
    events.record(contactId, STARTED, ContactEvents.SYSTEM,
        "%s: %s of working time, due %s, warning at %s".formatted(step, target, local(dueAt), local(warningAt)));
    return deadline;
  }

  public Deadline get(String id) {
    return deadlines.find(id).orElseThrow(() -> new NotFoundException("No deadline " + id));
  }

  public Optional<Deadline> first(String contactId, String step) {
    return deadlines.first(contactId, step);
  }

  public List<Deadline> ofContact(String contactId) {
    return deadlines.ofContact(contactId);
  }

  /** The clock stops: the shop waits for the customer. */
  @Transactional
  public Deadline pause(String id) {
    Deadline deadline = get(id);
    if (deadline.isPaused() || deadline.isCompleted()) {
      return deadline;
    }
    Instant now = clock.instant();
    deadlines.pause(id, now);
    events.record(deadline.contactId(), PAUSED, ContactEvents.SYSTEM,
        deadline.step() + ": waiting for the customer, clock stopped");
    return get(id);
  }

  /** The customer answered: every point of the deadline moves by the working time waited. */
  @Transactional
  public Deadline resume(String id) {
    Deadline deadline = get(id);
    if (!deadline.isPaused()) {
      return deadline;
    }
    Duration waited = calendar.between(deadline.pausedAt(), clock.instant());
    Instant dueAt = calendar.after(deadline.dueAt(), waited);
    deadlines.resume(id, calendar.after(deadline.warningAt(), waited), dueAt,
        calendar.after(deadline.escalationAt(), waited), deadline.pausedWorkingTime().plus(waited));
    events.record(deadline.contactId(), RESUMED, ContactEvents.SYSTEM,
        "%s: customer answered after %d working minutes, now due %s".formatted(deadline.step(),
            waited.toMinutes(), local(dueAt)));
    return get(id);
  }

  /**
   * The step is done (the answer went out); met when that was before the deadline. A clock
   * that stands still (the case closes while waiting for the customer) counts until it
   * stopped.
   */
  @Transactional
  public Deadline complete(String id) {
    Deadline deadline = get(id);
    if (deadline.isCompleted()) {
      return deadline;
    }
    Instant now = clock.instant();
    Instant counted = deadline.isPaused() ? deadline.pausedAt() : now;
    boolean met = deadline.breachedAt() == null && !counted.isAfter(deadline.dueAt());
    deadlines.complete(id, now, met);
    events.record(deadline.contactId(), met ? MET : MISSED, ContactEvents.SYSTEM,
        "%s: done %s, due %s".formatted(deadline.step(), local(now), local(deadline.dueAt())));
    return get(id);
  }

  /** @return false when the warning was given before (a pause re-arms no level) */
  @Transactional
  public boolean warn(String id, String detail) {
    return mark(id, Level.WARNED, WARNED, detail);
  }

  @Transactional
  public boolean breach(String id, String detail) {
    return mark(id, Level.BREACHED, BREACHED, detail);
  }

  @Transactional
  public boolean escalate(String id, String detail) {
    return mark(id, Level.ESCALATED, ESCALATED, detail);
  }

  private boolean mark(String id, Level level, String event, String detail) {
    Deadline deadline = get(id);
    boolean first = deadlines.mark(id, level, clock.instant());
    if (first) {
      events.record(deadline.contactId(), event, ContactEvents.SYSTEM, deadline.step() + ": " + detail);
      if (level == Level.BREACHED) {
        publisher.publishEvent(new DeadlineBreached(deadline.contactId(), deadline.step()));
      }
    }
    return first;
  }

  private String local(Instant instant) {
    return calendar.hours().local(instant);
  }
}
