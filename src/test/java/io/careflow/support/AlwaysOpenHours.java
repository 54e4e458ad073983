package io.careflow.support;

import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.calendar.BusinessHoursProperties.Holidays;
import io.careflow.calendar.WorkingTimeCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

/**
 * Working time that is open right now and for the next hours, whenever the test runs: every day,
 * 00:00–23:59:59.999, in UTC, with the public holidays of a country that has none today. A
 * forked careflow configured so counts a chat's 60-second deadline in seconds of real time, so a
 * test can make deadlines come due while careflow is down. (Configuration only: SPEC R2 makes
 * hours, days and holiday country configurable.)
 */
public final class AlwaysOpenHours {

  private static final LocalTime END = LocalTime.of(23, 59, 59, 999_000_000);
  /** Countries whose public holidays differ (no common day in a year): one of them is open today. */
  private static final List<String> COUNTRIES = List.of("PL", "SA", "JP", "IN");

  private AlwaysOpenHours() {}

  /** The {@code --careflow.business-hours.*} arguments for a careflow node. */
  public static List<String> arguments(Duration openFor) {
    Instant now = Instant.now();
    for (String country : COUNTRIES) {
      var hours = new BusinessHoursProperties(ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
          END, new Holidays(country, List.of()));
      var calendar = new WorkingTimeCalendar(hours);
      // only the last millisecond of each day is closed
      if (calendar.between(now, now.plus(openFor)).compareTo(openFor.minusSeconds(1)) >= 0) {
        return List.of(
            "--careflow.business-hours.zone=UTC",
            "--careflow.business-hours.days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
            "--careflow.business-hours.start=00:00",
            "--careflow.business-hours.end=" + END,
            "--careflow.business-hours.holidays.country=" + country);
      }
    }
    throw new IllegalStateException("No country of " + COUNTRIES + " is open for " + openFor + " from " + now);
  }
}
