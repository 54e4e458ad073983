package io.careflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shop's working time (API.md "Working time"): Monday–Friday 09:00–17:00,
 * Europe/Warsaw and Polish public holidays unless configured otherwise.
 */
@Validated
@ConfigurationProperties("careflow.business-hours")
public record BusinessHoursProperties(
    @DefaultValue("Europe/Warsaw") ZoneId zone,
    @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> days,
    @DefaultValue("09:00") LocalTime start,
    @DefaultValue("17:00") LocalTime end,
    @DefaultValue Holidays holidays) {

  public BusinessHoursProperties {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("careflow.business-hours.start must be before end");
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException("careflow.business-hours.days must name at least one day");
    }
  }

  private static final java.time.format.DateTimeFormatter LOCAL =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** An instant as people in the shop read it: local date and time, e.g. {@code 2026-12-04 15:00}. */
  public String local(java.time.Instant instant) {
    return instant == null ? "" : LOCAL.format(instant.atZone(zone));
  }

  /** Public holidays of a country (Jollyday) and further closed dates of the shop. */
  public record Holidays(@DefaultValue("PL") String country, @DefaultValue List<LocalDate> extra) {}
}
