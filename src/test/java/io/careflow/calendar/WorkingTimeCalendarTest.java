package io.careflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careflow.calendar.BusinessHoursProperties.Holidays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The business calendar, table by table. Every row says why its expected instant is right.
 * Default configuration: Monday–Friday 09:00–17:00 Europe/Warsaw, Polish public holidays.
 */
class WorkingTimeCalendarTest {

  static final WorkingTimeCalendar POLAND = new WorkingTimeCalendar(new BusinessHoursProperties(
      ZoneId.of("Europe/Warsaw"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
      LocalTime.of(17, 0), new Holidays("PL", List.of())));

  @ParameterizedTest(name = "{0} + {1} = {2}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-11-23T10:00+01:00 | PT6H  | 2026-11-23T16:00+01:00 | inside hours: Monday 10:00 + 6 h is 16:00 the same day
      2026-11-23T15:00+01:00 | PT6H  | 2026-11-24T13:00+01:00 | across the evening: 2 h Monday (15-17), 4 h Tuesday from 09:00
      2026-12-04T15:00+01:00 | PT6H  | 2026-12-07T13:00+01:00 | Friday afternoon (API.md): 2 h Friday, weekend closed, 4 h Monday
      2026-11-23T16:00+01:00 | PT1H  | 2026-11-23T17:00+01:00 | ends exactly at closing: due 17:00 that day, not 09:00 the next
      2026-11-23T17:00+01:00 | PT1H  | 2026-11-24T10:00+01:00 | from closing time: the count starts at Tuesday's opening
      2026-11-24T07:00+01:00 | PT1H  | 2026-11-24T10:00+01:00 | before opening: the count starts at 09:00
      2026-11-28T12:00+01:00 | PT1H  | 2026-11-30T10:00+01:00 | from a Saturday: Monday 09:00 + 1 h
      2026-11-29T23:30+01:00 | PT1H  | 2026-11-30T10:00+01:00 | from Sunday night: Monday 09:00 + 1 h
      2026-11-10T16:00+01:00 | PT2H  | 2026-11-12T10:00+01:00 | public holiday: 1 h Tuesday, 11 Nov (Independence Day) closed, 1 h Thursday
      2026-12-23T16:00+01:00 | PT2H  | 2026-12-28T10:00+01:00 | 24 December is a Polish holiday since 2025: 1 h on the 23rd; 24, 25, 26 and Sunday closed
      2026-04-03T16:30+02:00 | PT1H  | 2026-04-07T09:30+02:00 | Easter Monday (6 April 2026): 30 min Friday; Saturday, Easter Sunday and Monday closed
      2026-03-27T16:00+01:00 | PT2H  | 2026-03-30T10:00+02:00 | spring DST change on Sunday 29 March: Monday opens at 09:00 summer time
      2026-10-23T16:00+02:00 | PT2H  | 2026-10-26T10:00+01:00 | autumn DST change on Sunday 25 October: Monday opens at 09:00 winter time
      2026-12-31T16:00+01:00 | PT2H  | 2027-01-04T10:00+01:00 | year end: 1 h on 31 Dec, New Year's Day (Friday) and the weekend closed
      2027-01-05T16:00+01:00 | PT2H  | 2027-01-07T10:00+01:00 | 6 January (Epiphany) is a Polish holiday
      2026-11-23T10:00+01:00 | PT60S | 2026-11-23T10:01+01:00 | chat: 60 seconds of working time
      2026-11-23T16:59:30+01:00 | PT60S | 2026-11-24T09:00:30+01:00 | chat at closing: 30 s Monday, 30 s Tuesday
      2026-11-23T10:00+01:00 | P2D   | 2026-11-25T10:00+01:00 | two working days: the same time on Wednesday
      2026-12-04T15:00+01:00 | P2D   | 2026-12-08T15:00+01:00 | two working days from Friday: Monday is the 1st, Tuesday the 2nd
      2026-12-04T18:00+01:00 | P2D   | 2026-12-09T09:00+01:00 | from Friday evening: counted from Monday 09:00, so Wednesday 09:00
      2026-11-10T11:00+01:00 | P2D   | 2026-11-13T11:00+01:00 | two working days over a holiday: Thursday 12th is the 1st, Friday the 2nd
      2026-11-23T10:00+01:00 | P1DT2H| 2026-11-24T12:00+01:00 | a working day, then two working hours
      """)
  void shouldCountWorkingTime(OffsetDateTime from, String duration, OffsetDateTime expected, String why) {
    Instant due = POLAND.after(from.toInstant(), WorkingDuration.parse(duration));
    assertThat(due).as(why).isEqualTo(expected.toInstant());
  }

  @Test
  void shouldKnowThePolishHolidays() {
    assertThat(POLAND.isWorkingDay(LocalDate.of(2026, 12, 24))).as("Christmas Eve, a holiday since 2025").isFalse();
    assertThat(POLAND.isWorkingDay(LocalDate.of(2024, 12, 24))).as("Christmas Eve 2024 was a working day").isTrue();
    assertThat(POLAND.isWorkingDay(LocalDate.of(2026, 4, 6))).as("Easter Monday 2026").isFalse();
    assertThat(POLAND.isWorkingDay(LocalDate.of(2026, 6, 4))).as("Corpus Christi 2026").isFalse();
    assertThat(POLAND.isWorkingDay(LocalDate.of(2026, 11, 23))).as("an ordinary Monday").isTrue();
  }

  @Test
  void shouldAddTheShopsOwnClosedDates() {
    var shop = new WorkingTimeCalendar(new BusinessHoursProperties(ZoneId.of("Europe/Warsaw"),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
        new Holidays("PL", List.of(LocalDate.of(2026, 12, 31)))));
    // 1 h on the 30th; the 31st closed by the shop, 1 January a holiday, then the weekend
    assertThat(shop.after(instant("2026-12-30T16:00+01:00"), WorkingDuration.parse("PT2H")))
        .isEqualTo(instant("2027-01-04T10:00+01:00"));
  }

  @Test
  void shouldFollowAnotherZoneHoursAndCountryFromConfiguration() {
    var tokyo = new WorkingTimeCalendar(new BusinessHoursProperties(ZoneId.of("Asia/Tokyo"),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(10, 0), LocalTime.of(18, 0),
        new Holidays("JP", List.of())));
    // Friday 17:00 + 2 h: 1 h Friday, Saturday is a working day there (10:00 + 1 h)
    assertThat(tokyo.after(instant("2026-11-20T17:00+09:00"), WorkingDuration.parse("PT2H")))
        .isEqualTo(instant("2026-11-21T11:00+09:00"));
    // Saturday 17:30 + 1 h: 30 min Saturday; Sunday closed; Monday 23 Nov is Labour Thanksgiving Day in Japan
    assertThat(tokyo.after(instant("2026-11-21T17:30+09:00"), WorkingDuration.parse("PT1H")))
        .isEqualTo(instant("2026-11-24T10:30+09:00"));
  }

  @Test
  void shouldCountRealHoursAcrossBothDstChangesWhenOpenAtNight() {
    var allNight = new WorkingTimeCalendar(new BusinessHoursProperties(ZoneId.of("Europe/Warsaw"),
        EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0), LocalTime.of(23, 59), new Holidays("PL", List.of())));
    // spring: 02:00 becomes 03:00; two hours after 01:00 CET is 04:00 CEST
    assertThat(allNight.after(instant("2026-03-29T01:00+01:00"), WorkingDuration.parse("PT2H")))
        .isEqualTo(instant("2026-03-29T04:00+02:00"));
    // autumn: 03:00 becomes 02:00; two hours after 01:30 CEST is 02:30 CET
    assertThat(allNight.after(instant("2026-10-25T01:30+02:00"), WorkingDuration.parse("PT2H")))
        .isEqualTo(instant("2026-10-25T02:30+01:00"));
  }

  @ParameterizedTest(name = "{0} .. {1} = {2}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-11-23T10:00+01:00 | 2026-11-23T16:00+01:00 | PT6H  | inside one day
      2026-12-04T15:00+01:00 | 2026-12-07T13:00+01:00 | PT6H  | over a weekend
      2026-11-27T18:00+01:00 | 2026-11-30T08:00+01:00 | PT0S  | closed all the time
      2026-11-23T16:00+01:00 | 2026-11-23T10:00+01:00 | PT0S  | the end before the start
      """)
  void shouldMeasureWorkingTimeBetweenInstants(OffsetDateTime from, OffsetDateTime to, Duration expected,
      String why) {
    assertThat(POLAND.between(from.toInstant(), to.toInstant())).as(why).isEqualTo(expected);
  }

  @Test
  void shouldPlaceTheWarningAtAFractionOfTheWorkingTime() {
    Instant from = instant("2026-12-04T15:00+01:00");
    Instant due = POLAND.after(from, WorkingDuration.parse("PT6H"));
    // 75% of 6 working hours = 4 h 30 min: 2 h Friday, 2 h 30 min Monday
    assertThat(POLAND.fractionOf(from, due, 0.75)).isEqualTo(instant("2026-12-07T11:30+01:00"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      6 hours  | not an ISO-8601 duration
      PT       | not an ISO-8601 duration
      P        | not an ISO-8601 duration
      P1W      | not an ISO-8601 duration
      P1M      | not an ISO-8601 duration
      -PT1H    | not an ISO-8601 duration
      PT0S     | is zero
      P91D     | longer than 90 days
      PT2161H  | longer than 90 days
      """)
  void shouldRefuseWhatIsNotAWorkingDuration(String text, String message) {
    assertThatThrownBy(() -> WorkingDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void shouldWriteDurationsBackAsIso() {
    assertThat(Set.of("PT6H", "P2D", "PT60S", "P1DT2H30M")).allSatisfy(text ->
        assertThat(WorkingDuration.parse(text).toString()).isEqualTo(text.equals("PT60S") ? "PT1M" : text));
  }

  private static Instant instant(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
