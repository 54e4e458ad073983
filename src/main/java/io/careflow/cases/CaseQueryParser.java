package io.careflow.cases;

import io.careflow.cases.CaseQuery.OpenDeadline;
import io.careflow.cases.CaseQuery.SlaState;
import io.careflow.casefile.Channel;
import io.careflow.casefile.ContactStatus;
import io.careflow.reporting.ReportedTopics;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.PlausibleInstants;
import io.careflow.system.RequestValidator;
import io.careflow.system.RequestValidator.Check;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads a case search from request parameters, the same for the page and the API, and names
 * every parameter that does not parse at once ({@code InvalidRequestException}: 400).
 * Parameters it does not know are ignored; a known one given twice counts once, except
 * {@code status}, which may be repeated (any of them).
 */
@Component
public class CaseQueryParser {

  /** Longest text a search field takes: more is no search a person types. */
  static final int MAX_TEXT = 200;
  static final int MAX_PAGE = 10_000;
  /** Codes as careflow stores them: topics, teams, outcomes, user ids. */
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}");

  private final ReportedTopics topics;
  private final BusinessHoursProperties shopTime;

  public CaseQueryParser(ReportedTopics topics, BusinessHoursProperties shopTime) {
    this.topics = topics;
    this.shopTime = shopTime;
  }

  public CaseQuery parse(Map<String, String[]> parameters) {
    Check check = RequestValidator.parameters();
    String customer = text(check, parameters, "customer");
    String order = text(check, parameters, "order");
    String topic = code(check, parameters, "topic");
    if (topic != null && !topics.known(topic)) {
      check.add("topic", "must be one of " + String.join(", ", topics.current())
          + " (or a topic contacts were stored under before)");
    }
    Channel channel = check.oneOf(Channel.class, upper(one(parameters, "channel")), "channel");
    String team = code(check, parameters, "team");
    String agent = code(check, parameters, "agent");
    Set<ContactStatus> statuses = EnumSet.noneOf(ContactStatus.class);
    for (String status : all(parameters, "status")) {
      ContactStatus s = check.oneOf(ContactStatus.class, upper(status), "status");
      if (s != null) {
        statuses.add(s);
      }
    }
    String outcome = code(check, parameters, "outcome");
    Boolean breached = bool(check, parameters, "breached");
    SlaState sla = check.oneOf(SlaState.class, upper(one(parameters, "sla")), "sla");
    OpenDeadline deadline = check.oneOf(OpenDeadline.class, upper(one(parameters, "deadline")), "deadline");
    Boolean fcr = bool(check, parameters, "fcr");
    Boolean proactive = bool(check, parameters, "proactive");
    Instant from = bound(check, parameters, "from", false);
    Instant to = bound(check, parameters, "to", true);
    if (from != null && to != null && !from.isBefore(to)) {
      check.add("to", "must be after from");
    }
    int page = number(check, parameters, "page", 0, 0, MAX_PAGE);
    int size = number(check, parameters, "size", CaseQuery.DEFAULT_SIZE, 1, CaseQuery.MAX_SIZE);
    check.throwIfInvalid();
    return new CaseQuery(customer, order, topic, channel, team, agent, statuses,
        outcome == null ? null : outcome.toUpperCase(Locale.ROOT), breached, sla, deadline, fcr, proactive, from, to,
        page, size);
  }

  private static String one(Map<String, String[]> parameters, String name) {
    String[] values = parameters.get(name);
    if (values == null) {
      return null;
    }
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  private static List<String> all(Map<String, String[]> parameters, String name) {
    String[] values = parameters.get(name);
    return values == null ? List.of()
        : java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static String text(Check check, Map<String, String[]> parameters, String name) {
    String value = one(parameters, name);
    if (value != null && value.length() > MAX_TEXT) {
      check.add(name, "must be at most " + MAX_TEXT + " characters");
      return null;
    }
    return value;
  }

  private static String code(Check check, Map<String, String[]> parameters, String name) {
    String value = one(parameters, name);
    if (value != null && !CODE.matcher(value).matches()) {
      check.add(name, "must be a code of letters, digits, _ . @ or - (at most 100)");
      return null;
    }
    return value;
  }

  private static Boolean bool(Check check, Map<String, String[]> parameters, String name) {
    String value = one(parameters, name);
    if (value == null) {
      return null;
    }
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      check.add(name, "must be true or false");
      return null;
    }
    return Boolean.valueOf(value);
  }

  private static int number(Check check, Map<String, String[]> parameters, String name, int fallback, int min,
      int max) {
    String value = one(parameters, name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    check.add(name, "must be a whole number from " + min + " to " + max);
    return fallback;
  }

  /**
   * A shop-local day ({@code 2026-11-30}; {@code to} includes it, as on the dashboard) or an
   * instant with offset ({@code to} excluded).
   */
  private Instant bound(Check check, Map<String, String[]> parameters, String name, boolean end) {
    String value = one(parameters, name);
    if (value == null) {
      return null;
    }
    Instant instant;
    try {
      if (value.length() <= 10) {
        LocalDate day = LocalDate.parse(value);
        instant = (end ? day.plusDays(1) : day).atStartOfDay(shopTime.zone()).toInstant();
      } else {
        instant = OffsetDateTime.parse(value).toInstant();
      }
    } catch (DateTimeParseException e) {
      check.add(name, "must be a date like 2026-11-30 or an instant like 2026-11-30T15:00:00+01:00");
      return null;
    }
    if (!PlausibleInstants.plausible(instant)) {
      check.add(name, PlausibleInstants.MESSAGE);
      return null;
    }
    return instant;
  }
}
