package io.careflow.cases;

import io.careflow.casefile.CaseReaders;
import io.careflow.casefile.Channel;
import io.careflow.casefile.ContactStatus;
import io.careflow.reporting.ReportedTopics;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.Groups;
import io.careflow.system.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /cases}: the search form and one page of results, each row a link to its case page.
 * Server-rendered (FreeMarker, auto-escaped), no script; a search that does not parse shows the
 * form again with every bad field named, as 400.
 */
@Controller
public class CasesPageController {

  /** The form's fields, in the order a query string repeats them. */
  static final List<String> FIELDS = List.of("customer", "order", "topic", "channel", "team", "agent", "status",
      "outcome", "breached", "sla", "deadline", "fcr", "proactive", "from", "to", "size");

  private final CaseQueryParser parser;
  private final CaseSearch search;
  private final ReportedTopics topics;
  private final BusinessHoursProperties shopTime;

  public CasesPageController(CaseQueryParser parser, CaseSearch search, ReportedTopics topics,
      BusinessHoursProperties shopTime) {
    this.parser = parser;
    this.search = search;
    this.topics = topics;
    this.shopTime = shopTime;
  }

  @GetMapping("/cases")
  public String cases(HttpServletRequest request, HttpServletResponse response, Authentication user, Model model) {
    Map<String, String[]> parameters = request.getParameterMap();
    var form = new LinkedHashMap<String, Object>();
    for (String field : FIELDS) {
      String[] values = parameters.get(field);
      form.put(field, values == null || values.length == 0 ? "" : values[0]);
    }
    List<String> statuses = parameters.containsKey("status")
        ? Arrays.stream(parameters.get("status")).map(String::strip).toList() : List.of();
    model.addAttribute("form", form);
    model.addAttribute("checkedStatuses", statuses);
    model.addAttribute("channels", Arrays.stream(Channel.values()).map(Enum::name).toList());
    model.addAttribute("statuses", Arrays.stream(ContactStatus.values()).map(Enum::name).toList());
    String topic = form.get("topic").toString();
    model.addAttribute("topics", topics.options(topic.isBlank() ? List.of() : List.of(topic)));
    var teams = new ArrayList<>(Groups.TEAMS);
    topics.teams().stream().filter(t -> !teams.contains(t)).forEach(teams::add);
    teams.add(CaseQuery.TRIAGE);
    model.addAttribute("teams", teams);
    model.addAttribute("slaStates", Arrays.stream(CaseQuery.SlaState.values()).map(Enum::name).toList());
    model.addAttribute("openDeadlines", Arrays.stream(CaseQuery.OpenDeadline.values()).map(Enum::name).toList());
    model.addAttribute("viewer", user.getName());
    try {
      CaseQuery query = parser.parse(parameters);
      CaseReaders.Viewer viewer = CaseReaders.Viewer.of(user);
      CasePage page = search.find(query, viewer);
      model.addAttribute("allCases", viewer.readsAll());
      model.addAttribute("result", page);
      model.addAttribute("rows", page.items().stream().map(this::row).toList());
      model.addAttribute("query", queryString(parameters));
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", e.problems());
    }
    return "cases/search";
  }

  private Map<String, String> row(CaseRow r) {
    var row = new LinkedHashMap<String, String>();
    row.put("id", r.id());
    row.put("href", r.href());
    row.put("customer", r.customerName() == null || r.customerName().isBlank() ? "(no name)" : r.customerName());
    row.put("topic", r.topic() == null ? "–" : r.topic());
    row.put("channel", r.channel());
    row.put("status", r.status() + (r.outcome() == null ? "" : " · " + r.outcome()));
    row.put("agents", r.agents().isEmpty() ? "–" : String.join(", ", r.agents()));
    row.put("received", shopTime.local(r.receivedAt().toInstant()));
    row.put("slaClass", r.sla() == null ? "none" : r.sla().state().name().toLowerCase());
    row.put("sla", r.sla() == null ? "–" : switch (r.sla().state()) {
      case MET -> "met";
      case BREACHED -> "breached";
      case OPEN -> "open, due " + shopTime.local(r.sla().dueAt().toInstant());
      case OVERDUE -> "open, overdue since " + shopTime.local(r.sla().dueAt().toInstant());
    });
    return row;
  }

  /** The search's parameters without the page, URL-encoded, for the paging links. */
  static String queryString(Map<String, String[]> parameters) {
    return FIELDS.stream().filter(parameters::containsKey)
        .flatMap(field -> Arrays.stream(parameters.get(field)).filter(v -> v != null && !v.isBlank())
            .map(v -> field + "=" + URLEncoder.encode(v.strip(), StandardCharsets.UTF_8)))
        .collect(Collectors.joining("&"));
  }
}
