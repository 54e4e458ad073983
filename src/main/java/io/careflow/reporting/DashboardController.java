package io.careflow.reporting;

import io.careflow.casefile.Channel;
import io.careflow.reporting.SvgCharts.Bar;
import io.careflow.reporting.SvgCharts.Chart;
import io.careflow.reporting.SvgCharts.Group;
import io.careflow.reporting.SvgCharts.Point;
import io.careflow.reporting.SvgCharts.Series;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.Groups;
import io.careflow.system.InvalidRequestException;
import io.careflow.system.RequestValidator;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The managers' dashboard ({@code /dashboard}): the KPIs of a period the manager chooses (whole
 * shop-local days, both ends included; the last 30 days by default) as tiles and charts, and
 * the open contacts past their deadline. An HTML page of careflow (FreeMarker, auto-escaped),
 * charts drawn on the server ({@link SvgCharts}).
 */
@Controller
public class DashboardController {

  static final int DEFAULT_DAYS = 30;
  static final int OPEN_BREACHES_SHOWN = 10;
  static final int RETURN_REASONS_SHOWN = 10;

  private final KpiService kpis;
  private final RequestValidator validator;
  private final ReportedTopics topics;
  private final BusinessHoursProperties shopTime;
  private final Clock clock;

  public DashboardController(KpiService kpis, RequestValidator validator, ReportedTopics topics,
      BusinessHoursProperties shopTime, Clock clock) {
    this.kpis = kpis;
    this.validator = validator;
    this.topics = topics;
    this.shopTime = shopTime;
    this.clock = clock;
  }

  @GetMapping("/dashboard")
  public String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String team,
      @RequestParam(required = false) String topic, Model model, HttpServletResponse response) {
    ZoneId zone = shopTime.zone();
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    model.addAttribute("form", Map.of("from", text(from), "to", text(to), "channel", text(channel),
        "team", text(team), "topic", text(topic)));
    model.addAttribute("channels", List.of(Channel.values()).stream().map(Enum::name).toList());
    model.addAttribute("topics", topics.options(text(topic).isBlank() ? List.of() : List.of(text(topic))));
    var teams = new ArrayList<>(Groups.TEAMS);
    // teams a designer gave a topic in the classification table
    topics.teams().stream().filter(t -> !teams.contains(t)).forEach(teams::add);
    if (team != null && !team.isBlank() && KpiFilter.TEAM.matcher(team.trim()).matches()
        && !teams.contains(team.trim())) {
      // a team a designer added in the classification table: keep it selectable once chosen
      teams.add(team.trim());
    }
    model.addAttribute("teams", teams);
    try {
      var check = validator.check(new Object());
      LocalDate last = date(check, "to", to, today);
      LocalDate first = date(check, "from", from, last == null ? null : last.minusDays(DEFAULT_DAYS - 1));
      if (first != null && last != null && first.isAfter(last)) {
        check.add("to", "must not be before from");
      }
      if (first != null && last != null && first.plusDays(KpiFilter.MAX_DAYS).isBefore(last.plusDays(1))) {
        check.add("to", "the dashboard shows at most " + KpiFilter.MAX_DAYS + " days");
      }
      check.throwIfInvalid();
      KpiFilter filter = KpiFilter.parse(validator, first.atStartOfDay(zone).toOffsetDateTime().toString(),
          last.plusDays(1).atStartOfDay(zone).toOffsetDateTime().toString(), channel, team, topic, topics);
      model.addAttribute("form", Map.of("from", first.toString(), "to", last.toString(), "channel", text(channel),
          "team", text(team), "topic", text(topic)));
      Kpis k = kpis.of(filter);
      List<Kpis.Day> days = kpis.daily(filter);
      var links = new DashboardLinks(first.toString(), last.toString(), channel, team, topic);
      model.addAttribute("tiles", tiles(k, links));
      model.addAttribute("charts", charts(k, days));
      model.addAttribute("chartLinks", chartLinks(k, links));
      model.addAttribute("openBreachesHref", links.openBreaches());
      model.addAttribute("breaches", kpis.openBreaches(filter, OPEN_BREACHES_SHOWN).stream()
          .map(b -> Map.of("contactId", b.contactId(), "receivedAt", shopTime.local(b.receivedAt()),
              "channel", b.channel(), "team", b.team() == null ? DashboardLinks.TRIAGE : b.team(),
              "subject", b.subject() == null ? "" : b.subject(), "dueAt", shopTime.local(b.dueAt())))
          .toList());
      model.addAttribute("returnsByCategory", k.returnsByCategory().stream()
          .map(c -> Map.of("category", c.category() == null ? "no category" : c.category(),
              "returns", Long.toString(c.returns()), "reasons", why(c.reasons())))
          .toList());
      model.addAttribute("topReturnedProducts", k.topReturnedProducts().stream()
          .map(p -> Map.of("productSku", p.productSku(), "category", p.category() == null ? "–" : p.category(),
              "returns", Long.toString(p.returns()), "reasons", why(p.reasons())))
          .toList());
      model.addAttribute("asOf", shopTime.local(clock.instant()));
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", e.problems());
    }
    return "reporting/dashboard";
  }

  /** "Wrong size 2 · Damaged on arrival 1": the reasons of a category or product, most frequent first. */
  static String why(List<Kpis.ReturnReasonCount> reasons) {
    return String.join(" · ", reasons.stream().map(r -> r.label() + " " + r.returns()).toList());
  }

  /** A tile: its figure, linked to the cases behind it when it counts cases, and further counts with theirs. */
  public record Tile(String id, String label, String value, String note, String href, List<DashboardLinks.Link> links) {

    Tile(String id, String label, String value, String note) {
      this(id, label, value, note, null, List.of());
    }
  }

  static List<Tile> tiles(Kpis k, DashboardLinks links) {
    long missed = k.slaCompliance().decided() - k.slaCompliance().met();
    return List.of(
        new Tile("contacts", "Contacts", Long.toString(k.contacts()), "received in the period", links.received(),
            List.of()),
        new Tile("fcr", "First-contact resolution", percent(k.fcrRate()), "of ended cases",
            links.received("fcr=true"), List.of(
                new DashboardLinks.Link("resolved in the first contact", Long.toString(k.fcrResolved()),
                    links.received("fcr=true")),
                new DashboardLinks.Link("ended", Long.toString(k.fcrFinished()),
                    links.received("status=RESOLVED", "status=CLOSED")))),
        new Tile("first-reply", "First reply", minutes(k.firstReplyMedianWorkingMinutes()), "median · p90 "
            + minutes(k.firstReplyP90WorkingMinutes()) + " (working time)"),
        new Tile("sla", "SLA compliance", percent(k.slaCompliance().overall()), "of reply deadlines decided",
            links.received("sla=MET"), List.of(
                new DashboardLinks.Link("met", Long.toString(k.slaCompliance().met()), links.received("sla=MET")),
                new DashboardLinks.Link("missed", Long.toString(missed), links.received("sla=BREACHED")))),
        new Tile("csat", "CSAT", number(k.csatAverage()), "of 5 · CSI " + number(k.csi())),
        new Tile("nps", "NPS", number(k.nps()), k.surveys().answers() + " survey answers"),
        new Tile("ces", "Customer effort", number(k.cesAverage()), "of 7, lower is better"));
  }

  /**
   * The numbers of the charts that count cases, each with its search, by chart id: per topic,
   * per channel, the backlog per team (open, due within the hour, past a deadline), and the
   * reply deadlines missed per channel.
   */
  static Map<String, List<DashboardLinks.Link>> chartLinks(Kpis k, DashboardLinks links) {
    var byChart = new java.util.LinkedHashMap<String, List<DashboardLinks.Link>>();
    byChart.put("topics", k.contactsByTopic().entrySet().stream()
        .filter(e -> !KpiService.NO_TOPIC.equals(e.getKey()))
        .map(e -> new DashboardLinks.Link(e.getKey(), e.getValue().toString(), links.receivedOnTopic(e.getKey())))
        .toList());
    byChart.put("channels", k.contactsByChannel().entrySet().stream()
        .map(e -> new DashboardLinks.Link(e.getKey(), e.getValue().toString(),
            links.receivedInChannel(e.getKey())))
        .toList());
    var backlog = new ArrayList<DashboardLinks.Link>();
    for (Kpis.TeamBacklog t : k.backlogByTeam()) {
      String name = t.team() == null ? DashboardLinks.TRIAGE : t.team();
      backlog.add(new DashboardLinks.Link(name + " open", Long.toString(t.open()), links.backlog(t.team())));
      backlog.add(new DashboardLinks.Link(name + " due within 1 h", Long.toString(t.dueSoon()),
          links.backlog(t.team(), "deadline=DUE_SOON")));
      backlog.add(new DashboardLinks.Link(name + " breached", Long.toString(t.breached()),
          links.backlog(t.team(), "deadline=OVERDUE")));
    }
    byChart.put("backlog", backlog);
    byChart.put("sla", k.slaCompliance().byChannel().entrySet().stream()
        .map(e -> new DashboardLinks.Link(e.getKey() + " missed", Long.toString(e.getValue().decided()
            - e.getValue().met()), links.receivedInChannel(e.getKey(), "sla=BREACHED")))
        .toList());
    return byChart;
  }

  static List<Chart> charts(Kpis k, List<Kpis.Day> days) {
    var charts = new ArrayList<Chart>();

    var sla = new ArrayList<Bar>();
    k.slaCompliance().byChannel().forEach((channel, s) ->
        sla.add(new Bar(channel, s.rate() == null ? 0 : s.rate() * 100, percent(s.rate()) + " of " + s.decided())));
    charts.add(SvgCharts.bars("sla", "SLA compliance per channel",
        "Reply deadlines met: " + percent(k.slaCompliance().overall()) + " of " + k.slaCompliance().decided(),
        sla, 100.0));

    var bins = k.firstReplyDistribution().stream().map(b -> new Bar(b.toMinutes() == null
        ? b.fromMinutes() + "+" : b.fromMinutes() + "–" + b.toMinutes(), b.contacts(), b.contacts() + " contacts"))
        .toList();
    var markers = new ArrayList<Bar>();
    if (k.firstReplyMedianWorkingMinutes() != null) {
      markers.add(new Bar("median", k.firstReplyMedianWorkingMinutes(), k.firstReplyMedianWorkingMinutes() + " min"));
      markers.add(new Bar("p90", k.firstReplyP90WorkingMinutes(), k.firstReplyP90WorkingMinutes() + " min"));
    }
    charts.add(SvgCharts.histogram("first-reply", "First reply time (working minutes)",
        k.firstReplies() + " first replies · median " + minutes(k.firstReplyMedianWorkingMinutes()) + " · p90 "
            + minutes(k.firstReplyP90WorkingMinutes()), bins, KpiService.BIN_MINUTES, markers));

    var series = List.of(new Series("open", "open"), new Series("due within 1 h", "due-soon"),
        new Series("breached", "breached"));
    var groups = k.backlogByTeam().stream().map(t -> new Group(t.team() == null ? DashboardLinks.TRIAGE : t.team(),
        List.of((double) t.open(), (double) t.dueSoon(), (double) t.breached()))).toList();
    charts.add(SvgCharts.groupedBars("backlog", "Backlog per team (now)",
        k.backlogByTeam().stream().mapToLong(Kpis.TeamBacklog::open).sum() + " open contacts", series, groups));

    charts.add(SvgCharts.line("csat", "CSAT over time (1–5)", "Average " + number(k.csatAverage())
        + " · CSI " + number(k.csi()) + " · " + k.surveys().answers() + " answers",
        days.stream().map(d -> new Point(d.day().toString().substring(5), d.csatAverage())).toList(), 1, 5, 2));
    charts.add(SvgCharts.line("nps", "NPS over time (−100–100)", "NPS " + number(k.nps()) + " · "
        + k.surveys().promoters() + " promoters, " + k.surveys().passives() + " passives, "
        + k.surveys().detractors() + " detractors",
        days.stream().map(d -> new Point(d.day().toString().substring(5), d.nps())).toList(), -100, 100, 1));
    charts.add(SvgCharts.line("ces", "Customer effort over time (1–7, lower is better)", "Average "
        + number(k.cesAverage()),
        days.stream().map(d -> new Point(d.day().toString().substring(5), d.cesAverage())).toList(), 1, 7, 2));

    charts.add(SvgCharts.bars("topics", "Contacts per topic", k.contacts() + " contacts",
        k.contactsByTopic().entrySet().stream().map(e -> new Bar(e.getKey(), e.getValue(), e.getValue().toString()))
            .toList(), null));
    charts.add(SvgCharts.bars("channels", "Contacts per channel", k.contacts() + " contacts",
        k.contactsByChannel().entrySet().stream().map(e -> new Bar(e.getKey(), e.getValue(), e.getValue().toString()))
            .toList(), null));
    charts.add(SvgCharts.bars("returns", "Top return reasons",
        k.returnReasons().stream().mapToLong(Kpis.ReturnReasonCount::returns).sum() + " returns",
        k.returnReasons().stream().limit(RETURN_REASONS_SHOWN)
            .map(r -> new Bar(r.label(), r.returns(), Long.toString(r.returns()))).toList(), null));
    return charts;
  }

  private static LocalDate date(RequestValidator.Check check, String field, String text, LocalDate fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      check.add(field, "must be a date like 2026-11-30");
      return null;
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  static String percent(Double rate) {
    return rate == null ? "–" : SvgCharts.format(rate * 100, 1) + "%";
  }

  static String number(Double value) {
    return value == null ? "–" : value.toString();
  }

  static String minutes(Long value) {
    return value == null ? "–" : value + " min";
  }
}
