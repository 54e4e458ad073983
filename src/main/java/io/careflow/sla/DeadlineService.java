package io.careflow.sla;

import io.careflow.calendar.WorkingTimeCalendar;
import io.careflow.communication.RunningDeadlines;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.sla.DeadlineRepository.Level;
import io.careflow.system.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public class DeadlineService implements RunningDeadlines {

  public static final String STARTED = "SLA_STARTED";
  public static final String WARNED = "SLA_WARNING";
  public static final String BREACHED = "SLA_BREACHED";
  public static final String ESCALATED = "SLA_ESCALATED";
  public static final String PAUSED = "SLA_PAUSED";
  public static final String RESUMED = "SLA_RESUMED";
  public static final String MET = "SLA_MET";
  public static final String MISSED = "SLA_MISSED";
  public static final String RETARGETED = "SLA_RETARGETED";

  private final DeadlineRepository deadlines;
  private final WorkingTimeCalendar calendar;
  private final ContactEvents events;
  private final DeadlineWatch watch;
  private final GuardedTasks guardedTasks;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;
  private final ContactRepository contacts;

  public DeadlineService(DeadlineRepository deadlines, WorkingTimeCalendar calendar, ContactEvents events,
      DeadlineWatch watch, GuardedTasks guardedTasks, Clock clock, ApplicationEventPublisher publisher,
      ContactRepository contacts) {
    this.contacts = contacts;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.events = events;
    this.watch = watch;
    this.guardedTasks = guardedTasks;
    this.clock = clock;
    this.publisher = publisher;
  }

  /** A new deadline for {@code step}, from {@code from}, with the policy row's target; its watcher starts. */
  @Transactional
  public Deadline start(String contactId, String step, Instant from, SlaPolicy.Row policy) {
    Deadline deadline = points(new Deadline(UUID.randomUUID().toString(), contactId, step, policy.target(),
        policy.warningFraction(), from, null, null, null, null, Duration.ZERO, null, null, null, null, null,
        policy.rule(), policy.description()));
    deadlines.insert(deadline);
    events.record(contactId, STARTED, ContactEvents.SYSTEM, "%s: %s of working time, due %s, warning at %s (%s)"
        .formatted(step, policy.target(), local(deadline.dueAt()), local(deadline.warningAt()), rule(deadline)));
    startWatch(deadline);
    return deadline;
  }

  /**
   * The policy decided again for a running deadline — e.g. once the contact's protocol is known,
   * whose row may give it a target of its own. A different target moves every point, counted
   * from the deadline's start (time waited for the customer still does not count); the same
   * target changes nothing. Levels already reached stay reached.
   */
  @Transactional
  public Deadline retarget(Deadline running, SlaPolicy.Row policy) {
    if (running.isCompleted() || (running.target().equals(policy.target())
        && running.warningFraction() == policy.warningFraction())) {
      return running;
    }
    Deadline moved = points(new Deadline(running.id(), running.contactId(), running.step(), policy.target(),
        policy.warningFraction(), running.startedAt(), null, null, null, running.pausedAt(),
        running.pausedWorkingTime(), running.warnedAt(), running.breachedAt(), running.escalatedAt(), null, null,
        policy.rule(), policy.description()));
    deadlines.retarget(moved);
    events.record(running.contactId(), RETARGETED, ContactEvents.SYSTEM,
        "%s: %s of working time instead of %s, now due %s, warning at %s (%s)".formatted(running.step(),
            policy.target(), running.target(), local(moved.dueAt()), local(moved.warningAt()), rule(moved)));
    if (!moved.isPaused()) {
      stopWatch(running.id());
      startWatch(moved);
      guardedTasks.moveDueDates(moved);
    }
    return get(running.id());
  }

  /** The deadline's points from its start, target and warning fraction, moved by the time waited so far. */
  private Deadline points(Deadline d) {
    if (d.warningFraction() <= 0 || d.warningFraction() >= 1) {
      throw new IllegalArgumentException("warning fraction must lie between 0 and 1, was " + d.warningFraction());
    }
    Instant dueAt = calendar.after(d.startedAt(), d.target());
    Instant warningAt = calendar.fractionOf(d.startedAt(), dueAt, d.warningFraction());
    Instant escalationAt = calendar.after(dueAt, calendar.between(d.startedAt(), dueAt));
    Duration waited = d.pausedWorkingTime();
    if (!waited.isZero()) {
      dueAt = calendar.after(dueAt, waited);
      warningAt = calendar.after(warningAt, waited);
      escalationAt = calendar.after(escalationAt, waited);
    }
    return new Deadline(d.id(), d.contactId(), d.step(), d.target(), d.warningFraction(), d.startedAt(), warningAt,
        dueAt, escalationAt, d.pausedAt(), waited, d.warnedAt(), d.breachedAt(), d.escalatedAt(), d.completedAt(),
        d.met(), d.policyRule(), d.policyDescription());
  }

  /**
   * A running deadline gets a watcher when it has none: one started by a model deployed before the
   * watcher existed (its timers sat on the task) and now guarding a task of a newer model.
   */
  @Transactional
  public void watch(Deadline deadline) {
    if (!deadline.isCompleted() && !deadline.isPaused() && !deadlines.isWatched(deadline.id())) {
      startWatch(deadline);
    }
  }

  private void startWatch(Deadline deadline) {
    watch.start(deadline);
    deadlines.setWatched(deadline.id(), true);
  }

  private void stopWatch(String deadlineId) {
    watch.stop(deadlineId);
    deadlines.setWatched(deadlineId, false);
  }

  /** The deadline of that step on the contact that has not ended, if one runs. */
  public Optional<Deadline> running(String contactId, String step) {
    return deadlines.running(contactId, step);
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

  @Override
  public Map<String, Instant> runningDueTimes(String contactId) {
    var due = new LinkedHashMap<String, Instant>();
    for (Deadline deadline : ofContact(contactId)) {
      if (!deadline.isCompleted() && !deadline.isPaused()) {
        due.put(deadline.step(), deadline.dueAt());
      }
    }
    return due;
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
    stopWatch(id);
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
    Deadline resumed = get(id);
    if (!resumed.isCompleted()) {
      startWatch(resumed);
      guardedTasks.moveDueDates(resumed);
    }
    return resumed;
  }

  /**
   * The step is done (the answer went out); met when that was before the deadline. A clock
   * that stands still (the case closes while waiting for the customer) counts until it
   * stopped.
   *
   * <p>The reply clock stops where the model says the customer has the shop's answer: an
   * agent's reply sent, or the protocol's own answer — the return form link, the first call-back.
   * When no agent's reply came before, that moment is the contact's first reply, so the record
   * never says "met" for a contact it shows as unanswered.
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
    stopWatch(id);
    if (REPLY.equals(deadline.step()) && !deadline.isPaused()) {
      contacts.find(deadline.contactId()).ifPresent(contact -> contacts.recordFirstReply(contact.id(), now,
          calendar.between(contact.receivedAt(), now).toMinutes()));
    }
    events.record(deadline.contactId(), met ? MET : MISSED, ContactEvents.SYSTEM,
        "%s: done %s, due %s".formatted(deadline.step(), local(now), local(deadline.dueAt())));
    return get(id);
  }

  /**
   * The warning point has come. The warning is given once, and only while the deadline still lies
   * ahead: when careflow handles the warning point after the deadline (it was down while both came
   * due, or the timers came due together and ran in another order) the point is recorded, but "due
   * soon" would come too late — the breach tells the team leads instead.
   *
   * @return true when the warning is to be given; false when it was handled before (a pause
   *     re-arms no level) or comes after the deadline
   */
  @Transactional
  public boolean warn(String id, String detail) {
    Deadline deadline = get(id);
    Instant now = clock.instant();
    if (!deadlines.mark(id, Level.WARNED, now)) {
      return false;
    }
    if (!now.isBefore(deadline.dueAt())) {
      events.record(deadline.contactId(), WARNED, ContactEvents.SYSTEM, ("%s: warning point handled after the "
          + "deadline (%s), nobody warned; the breach tells the team leads").formatted(deadline.step(),
              local(deadline.dueAt())));
      return false;
    }
    events.record(deadline.contactId(), WARNED, ContactEvents.SYSTEM, deadline.step() + ": " + detail);
    return true;
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

  private static String rule(Deadline deadline) {
    return deadline.policy() == null ? "target given by the model" : deadline.policy();
  }

  private String local(Instant instant) {
    return calendar.hours().local(instant);
  }
}
