package io.careflow.reporting;

import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.RequestValidator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit timeline of a contact (API.md), as JSON and as CSV. Without parameters it leaves
 * out how the engine moved between elements ({@link TimelineService#ENGINE_INTERNAL}).
 */
@RestController
@Tag(name = "Reports")
public class TimelineController {

  static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");
  /** The CSV is read by people in spreadsheets: the shop's local time, to the second. */
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  /** Tells a spreadsheet the file is UTF-8 (else names such as Wiśniewska come out garbled). */
  static final String BOM = "\uFEFF";

  private final TimelineService timeline;
  private final BusinessHoursProperties shopTime;

  public TimelineController(TimelineService timeline, BusinessHoursProperties shopTime) {
    this.timeline = timeline;
    this.shopTime = shopTime;
  }

  @Operation(summary = "Every step of the contact in time order: engine history and careflow's events",
      description = "Managers, team leads, administrators; agents for the cases they or their team worked on."
          + " How the engine moved between elements (ACTIVITY_PASSED, _ENTERED, _LEFT, _CANCELLED) only with"
          + " all=true or when named in kinds.")
  @GetMapping("/api/contacts/{id}/timeline")
  public List<TimelineEntry> get(@PathVariable String id,
      @Parameter(description = "only steps of these types, comma-separated or repeated, e.g. TASK_COMPLETED,SLA_BREACHED")
      @RequestParam(required = false) List<String> kinds,
      @Parameter(description = "true: also the engine-internal steps") @RequestParam(required = false) String all) {
    var check = RequestValidator.parameters();
    Set<String> types = kinds(check, kinds);
    boolean everything = bool(check, all);
    check.throwIfInvalid();
    return timeline.of(id, types, everything);
  }

  @Operation(summary = "The timeline as CSV (at, type, actor, detail): UTF-8 with a byte order mark, times local"
      + " to the shop (business-hours zone), the same filters as the JSON")
  @GetMapping("/api/contacts/{id}/timeline.csv")
  public ResponseEntity<String> csv(@PathVariable String id,
      @RequestParam(required = false) List<String> kinds, @RequestParam(required = false) String all) {
    var check = RequestValidator.parameters();
    Set<String> types = kinds(check, kinds);
    boolean everything = bool(check, all);
    check.throwIfInvalid();
    var csv = new StringBuilder(BOM).append(Csv.line(List.of("at", "type", "actor", "detail")));
    for (TimelineEntry e : timeline.of(id, types, everything)) {
      csv.append(Csv.line(Arrays.asList(LOCAL.format(e.at().atZoneSameInstant(shopTime.zone())), e.type(),
          e.actor(), e.detail())));
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, Csv.MEDIA_TYPE)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"timeline-" + safe(id) + ".csv\"")
        .body(csv.toString());
  }

  private static Set<String> kinds(RequestValidator.Check check, List<String> kinds) {
    var types = new LinkedHashSet<String>();
    for (String kind : kinds == null ? List.<String>of() : kinds) {
      String k = kind.strip();
      if (k.isEmpty()) {
        continue;
      }
      if (!KIND.matcher(k).matches()) {
        check.add("kinds", "must be step types such as TASK_COMPLETED, comma-separated");
        return Set.of();
      }
      types.add(k);
    }
    return types;
  }

  private static boolean bool(RequestValidator.Check check, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    if (!value.strip().equalsIgnoreCase("true") && !value.strip().equalsIgnoreCase("false")) {
      check.add("all", "must be true or false");
      return false;
    }
    return Boolean.parseBoolean(value.strip());
  }

  static String safe(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
