package io.careflow.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The shop's working time: which instants are inside opening hours, and what instant lies a
 * given span of working time after another (SPEC R2). Hours come from
 * {@code careflow.business-hours}, public holidays from Jollyday for the configured country,
 * plus the shop's extra closed dates.
 *
 * <p>Arithmetic is done on instants within each day's opening window, so a DST change inside
 * a window counts the hours that really passed; window boundaries are local times, so the shop
 * opens at 09:00 local on both sides of a change.
 */
@Component("workingTimeCalendar")
public class WorkingTimeCalendar {

  /** Far enough to find the next open day after any run of holidays and weekends. */
  private static final int MAX_CLOSED_DAYS_IN_A_ROW = 366;

  private final BusinessHoursProperties hours;
  private final HolidayManager holidayManager;
  private final Set<LocalDate> extraClosed;
  private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

  public WorkingTimeCalendar(BusinessHoursProperties hours) {
    this.hours = hours;
    this.holidayManager = HolidayManager.getInstance(ManagerParameters.create(hours.holidays().country()));
    this.extraClosed = Set.copyOf(hours.holidays().extra());
  }

  public BusinessHoursProperties hours() {
    return hours;
  }

  /** Open for business on that date: a configured weekday, no public holiday, not closed by the shop. */
  public boolean isWorkingDay(LocalDate date) {
    return hours.days().contains(date.getDayOfWeek()) && !extraClosed.contains(date)
        && !holidays(date.getYear()).contains(date);
  }

  public boolean isWorkingTime(Instant instant) {
    ZonedDateTime local = instant.atZone(hours.zone());
    LocalTime time = local.toLocalTime();
    return isWorkingDay(local.toLocalDate()) && !time.isBefore(hours.start()) && time.isBefore(hours.end());
  }

  /** The instant itself when the shop is open then, else the next opening. */
  public Instant nextWorkingInstant(Instant instant) {
    ZonedDateTime local = instant.atZone(hours.zone());
    LocalDate date = local.toLocalDate();
    if (isWorkingDay(date)) {
      if (local.toLocalTime().isBefore(hours.start())) {
        return opening(date);
      }
      if (local.toLocalTime().isBefore(hours.end())) {
        return instant;
      }
    }
    return opening(nextWorkingDay(date));
  }

  /** The instant that lies {@code duration} of working time after {@code from}. */
  public Instant after(Instant from, WorkingDuration duration) {
    Instant start = from;
    if (duration.days() > 0) {
      start = afterWorkingDays(from, duration.days());
    }
    return duration.time().isZero() ? start : after(start, duration.time());
  }

  /** The instant that lies {@code time} of working time after {@code from}. */
  public Instant after(Instant from, Duration time) {
    if (time.isNegative()) {
      throw new IllegalArgumentException("negative working time");
    }
    Duration remaining = time;
    Instant at = nextWorkingInstant(from);
    while (true) {
      LocalDate date = at.atZone(hours.zone()).toLocalDate();
      Instant closing = closing(date);
      Duration open = Duration.between(at, closing);
      if (remaining.compareTo(open) <= 0) {
        return at.plus(remaining);
      }
      remaining = remaining.minus(open);
      at = opening(nextWorkingDay(date));
    }
  }

  /**
   * The same local time on the n-th working day. From outside working hours the count starts
   * at the next opening: Friday 18:00 + 2 working days = Wednesday 09:00.
   */
  public Instant afterWorkingDays(Instant from, int days) {
    Instant start = nextWorkingInstant(from);
    ZonedDateTime local = start.atZone(hours.zone());
    LocalDate date = local.toLocalDate();
    for (int i = 0; i < days; i++) {
      date = nextWorkingDay(date);
    }
    return ZonedDateTime.of(date, local.toLocalTime(), hours.zone()).toInstant();
  }

  /** Working time between two instants (zero when {@code to} is not after {@code from}). */
  public Duration between(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    Instant at = nextWorkingInstant(from);
    while (at.isBefore(to)) {
      LocalDate date = at.atZone(hours.zone()).toLocalDate();
      Instant closing = closing(date);
      if (!to.isAfter(closing)) {
        return total.plus(Duration.between(at, to));
      }
      total = total.plus(Duration.between(at, closing));
      at = opening(nextWorkingDay(date));
    }
    return total;
  }

  /** The instant {@code fraction} of the working time from {@code from} to {@code to} has passed. */
  public Instant fractionOf(Instant from, Instant to, double fraction) {
    Duration span = between(from, to);
    return after(from, Duration.ofNanos(Math.round(span.toNanos() * fraction)));
  }

  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate next = date.plusDays(1);
    for (int i = 0; i < MAX_CLOSED_DAYS_IN_A_ROW; i++, next = next.plusDays(1)) {
      if (isWorkingDay(next)) {
        return next;
      }
    }
    throw new IllegalStateException("No working day within a year after " + date + ": check careflow.business-hours");
  }

  private Instant opening(LocalDate date) {
    return ZonedDateTime.of(date, hours.start(), hours.zone()).toInstant();
  }

  private Instant closing(LocalDate date) {
    return ZonedDateTime.of(date, hours.end(), hours.zone()).toInstant();
  }

  private Set<LocalDate> holidays(int year) {
    return holidaysByYear.computeIfAbsent(year, y -> holidayManager
        .getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY).stream()
        .map(Holiday::getActualDate).collect(Collectors.toUnmodifiableSet()));
  }
}
