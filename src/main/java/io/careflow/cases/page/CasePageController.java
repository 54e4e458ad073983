package io.careflow.cases.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.reporting.EngineHistory;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /cases/{id}}: the case page (FreeMarker, auto-escaped). The timeline is filtered
 * by kind with the query parameter {@code kind} (repeated; the page's form sends it, no script
 * needed); without it the engine's step-by-step activity rows are left out, the diagrams show
 * those. An id that names no case: the 404 page, saying whether the retention rule deleted it.
 * Who may open which case is decided before (the case page's security chain).
 */
@Controller
public class CasePageController {

  /** The engine's entered/left/passed rows: the diagram shows them; the timeline on request. */
  static final Set<String> ENGINE_STEPS = Set.of(EngineHistory.ACTIVITY_ENTERED, EngineHistory.ACTIVITY_LEFT,
      EngineHistory.ACTIVITY_PASSED, EngineHistory.ACTIVITY_CANCELLED);
  static final Pattern KIND = Pattern.compile("[A-Z_]{1,40}");
  static final int MAX_KINDS = 60;

  static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** A timeline entry as the page shows it (shop time). */
  public record Row(String at, String type, String actor, String detail) {}

  private final CasePageService cases;
  private final ObjectMapper json;

  public CasePageController(CasePageService cases, ObjectMapper json) {
    this.cases = cases;
    this.json = json;
  }

  /** The page's own files (static/cases/*.js, *.css) have a dot in their name, a case id never. */
  @GetMapping("/cases/{id:[^.]+}")
  public String page(@PathVariable String id, @RequestParam(name = "kind", required = false) List<String> kinds,
      Model model, HttpServletResponse response) throws JsonProcessingException {
    var problems = new ArrayList<String>();
    if (kinds != null && (kinds.size() > MAX_KINDS || kinds.stream().anyMatch(k -> !KIND.matcher(k).matches()))) {
      problems.add("kind: each kind is a timeline entry type like TASK_COMPLETED (at most " + MAX_KINDS + ")");
    }
    if (!problems.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("title", "Bad request");
      model.addAttribute("problems", problems);
      return "cases/error";
    }
    var found = cases.of(id);
    if (found.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("title", "No such case");
      model.addAttribute("problems", List.of(cases.missing(id).reason()));
      return "cases/error";
    }
    CasePageService.CasePage page = found.get();
    var allKinds = new LinkedHashSet<String>();
    page.timeline().forEach(e -> allKinds.add(e.type()));
    Set<String> shown = kinds == null || kinds.isEmpty()
        ? allKinds.stream().filter(k -> !ENGINE_STEPS.contains(k)).collect(java.util.stream.Collectors.toSet())
        : Set.copyOf(kinds);
    List<Row> timeline = page.timeline().stream().filter(e -> shown.contains(e.type()))
        .map(e -> new Row(e.at().format(AT), e.type(), e.actor(), e.detail())).toList();
    model.addAttribute("page", page);
    model.addAttribute("h", page.header());
    model.addAttribute("timeline", timeline);
    model.addAttribute("kinds", allKinds.stream().sorted().map(k -> Map.of("kind", k, "shown", shown.contains(k)))
        .toList());
    model.addAttribute("timelineTotal", page.timeline().size());
    model.addAttribute("diagramJson", scriptSafe(json.writeValueAsString(page.diagrams())));
    return "cases/case";
  }

  /**
   * JSON to put inside {@code <script type="application/json">}: {@code <}, {@code >} and
   * {@code &} only ever occur inside JSON strings, where their {@code \\u} escapes mean the
   * same — so no {@code </script>} in a customer's text can end the element.
   */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }
}
