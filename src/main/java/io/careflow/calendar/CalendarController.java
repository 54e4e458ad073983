package io.careflow.calendar;

import io.careflow.system.RequestValidator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/calendar/due} of API.md: what instant lies a span of working time ahead. */
@RestController
@Tag(name = "Working time")
public class CalendarController {

  private final WorkingTimeCalendar calendar;
  private final Clock clock;

  public CalendarController(WorkingTimeCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  public record Due(OffsetDateTime from, String duration, OffsetDateTime dueAt) {}

  @Operation(summary = "The instant that lies `duration` of working time after `from`",
      description = "PT6H counts working hours; P2D counts working days (same time of day on the 2nd working "
          + "day after, counted from the next opening when `from` lies outside working hours). At most 90 days.")
  @GetMapping("/api/calendar/due")
  public Due due(
      @Parameter(description = "ISO-8601 instant with offset; default now", example = "2026-12-04T15:00:00+01:00")
      @RequestParam(required = false) String from,
      @Parameter(description = "ISO-8601 duration of days, hours, minutes, seconds", example = "PT6H")
      @RequestParam(required = false) String duration) {
    var check = RequestValidator.parameters();
    Instant start = from == null ? clock.instant() : check.instant(from, "from");
    WorkingDuration span = null;
    if (duration == null || duration.isBlank()) {
      check.add("duration", "is required, e.g. PT6H or P2D");
    } else {
      try {
        span = WorkingDuration.parse(duration);
      } catch (IllegalArgumentException e) {
        check.add("duration", e.getMessage());
      }
    }
    check.throwIfInvalid();
    var zone = calendar.hours().zone();
    return new Due(start.atZone(zone).toOffsetDateTime(), span.toString(),
        calendar.after(start, span).atZone(zone).toOffsetDateTime());
  }
}
