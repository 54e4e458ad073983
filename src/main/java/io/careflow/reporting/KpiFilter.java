package io.careflow.reporting;

import io.careflow.casefile.Channel;
import io.careflow.system.RequestValidator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a KPI request asks about: the contacts received in {@code [from, to)}, optionally of
 * one channel, team and topic. Every KPI of a period refers to the same contacts (a cohort by
 * receipt), so the numbers of one answer always add up.
 */
public record KpiFilter(Instant from, Instant to, Channel channel, String team, String topic) {

  /** Team names as the engine's group ids allow them (application.yaml: general-resource-whitelist-pattern). */
  static final Pattern TEAM = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]{0,59}");
  /** The per-day series lists at most this many days (two years and a leap day). */
  static final int MAX_DAYS = 731;

  /** Every bad parameter at once, as {@link RequestValidator} answers for request bodies. */
  static KpiFilter parse(RequestValidator validator, String from, String to, String channel, String team,
      String topic, ReportedTopics topics) {
    var check = validator.check(new Object());
    Instant start = instant(check, "from", from);
    Instant end = instant(check, "to", to);
    if (start != null && end != null && !start.isBefore(end)) {
      check.add("to", "must be after from");
    }
    Channel ch = enumOf(check, "channel", Channel.class, channel);
    String tp = blank(topic) ? null : topic.trim();
    if (tp != null && (tp.length() > 60 || !topics.known(tp))) {
      check.add("topic", "must be one of " + String.join(", ", topics.current())
          + " (or a topic contacts were stored under before)");
      tp = null;
    }
    String tm = blank(team) ? null : team.trim();
    if (tm != null && !TEAM.matcher(tm).matches()) {
      check.add("team", "must be a team id such as team-complaints");
    }
    check.throwIfInvalid();
    return new KpiFilter(start, end, ch, tm, tp);
  }

  /** The shop-local days the period touches, for the per-day series (first and last may be partial). */
  java.util.List<LocalDate> days(ZoneId zone) {
    LocalDate first = from.atZone(zone).toLocalDate();
    LocalDate last = to.minusNanos(1).atZone(zone).toLocalDate();
    return first.datesUntil(last.plusDays(1)).toList();
  }

  /** The whole shop-local days inside the period: the days whose archived aggregates count. */
  LocalDate firstWholeDay(ZoneId zone) {
    LocalDate day = from.atZone(zone).toLocalDate();
    return day.atStartOfDay(zone).toInstant().equals(from) ? day : day.plusDays(1);
  }

  /** Exclusive: the day containing {@code to} counts only when {@code to} is its end, i.e. the next day's start. */
  LocalDate endOfWholeDays(ZoneId zone) {
    return to.atZone(zone).toLocalDate();
  }

  KpiFilter withPeriod(Instant newFrom, Instant newTo) {
    return new KpiFilter(newFrom, newTo, channel, team, topic);
  }

  Duration length() {
    return Duration.between(from, to);
  }

  private static Instant instant(RequestValidator.Check check, String field, String text) {
    if (blank(text)) {
      check.add(field, "is required (an ISO-8601 instant with offset, e.g. 2026-11-01T00:00:00+01:00)");
      return null;
    }
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      check.add(field, "must be an ISO-8601 instant with offset, e.g. 2026-11-01T00:00:00+01:00");
      return null;
    }
  }

  private static <E extends Enum<E>> E enumOf(RequestValidator.Check check, String field, Class<E> type,
      String text) {
    if (blank(text)) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.trim());
    } catch (IllegalArgumentException e) {
      check.add(field, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
          .collect(Collectors.joining(", ")));
      return null;
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
