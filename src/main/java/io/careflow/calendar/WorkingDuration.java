package io.careflow.calendar;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of working time, written as an ISO-8601 duration: the days count working days
 * ({@code P2D}: the same time of day on the second working day), the hours, minutes and
 * seconds count working time ({@code PT6H}: six hours of open shop). {@code P1DT2H} is one
 * working day, then two working hours. Weeks, months and years are refused — they have no
 * single meaning in working time.
 */
public record WorkingDuration(int days, Duration time) {

  /** Longest span careflow accepts: a deadline further out is a planning date, not an SLA. */
  public static final Duration MAX = Duration.ofDays(90);

  private static final Pattern ISO = Pattern.compile(
      "P(?:(\\d+)D)?(?:T(?=\\d)(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:[.,]\\d{1,9})?)S)?)?");

  public WorkingDuration {
    if (days < 0 || time.isNegative()) {
      throw new IllegalArgumentException("A working duration cannot be negative");
    }
  }

  public static WorkingDuration ofTime(Duration time) {
    return new WorkingDuration(0, time);
  }

  /**
   * @throws IllegalArgumentException for text that is not such a duration, for zero, and
   *     for more than {@link #MAX} (counting a day as 24 hours)
   */
  public static WorkingDuration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("A duration is required, e.g. PT6H or P2D");
    }
    Matcher m = ISO.matcher(text.trim().toUpperCase());
    if (!m.matches() || text.trim().equalsIgnoreCase("P") || text.trim().toUpperCase().endsWith("T")) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration of days, hours, minutes "
          + "and seconds, e.g. PT6H or P2D");
    }
    try {
      long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
      Duration time = Duration.ZERO;
      if (m.group(2) != null) {
        time = time.plusHours(Long.parseLong(m.group(2)));
      }
      if (m.group(3) != null) {
        time = time.plusMinutes(Long.parseLong(m.group(3)));
      }
      if (m.group(4) != null) {
        time = time.plus(Duration.parse("PT" + m.group(4).replace(',', '.') + "S"));
      }
      if (days > MAX.toDays() || Duration.ofDays(days).plus(time).compareTo(MAX) > 0) {
        throw new IllegalArgumentException("'" + text + "' is longer than " + MAX.toDays() + " days");
      }
      WorkingDuration duration = new WorkingDuration((int) days, time);
      if (duration.isZero()) {
        throw new IllegalArgumentException("'" + text + "' is zero; a deadline needs some time");
      }
      return duration;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is out of range");
    }
  }

  public boolean isZero() {
    return days == 0 && time.isZero();
  }

  /** ISO-8601 text, days first: {@code P2D}, {@code PT6H}, {@code P1DT2H}. */
  @Override
  public String toString() {
    if (time.isZero()) {
      return "P" + days + "D";
    }
    String t = time.toString(); // PT6H
    return days == 0 ? t : "P" + days + "D" + t.substring(1);
  }
}
