package io.careflow.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The audit timeline of a contact (API.md), as JSON and as CSV. */
@RestController
@Tag(name = "Reports")
public class TimelineController {

  private final TimelineService timeline;

  public TimelineController(TimelineService timeline) {
    this.timeline = timeline;
  }

  @Operation(summary = "Every step of the contact in time order: engine history and careflow's events",
      description = "Managers, team leads, administrators; agents for the cases they or their team worked on")
  @GetMapping("/api/contacts/{id}/timeline")
  public List<TimelineEntry> get(@PathVariable String id) {
    return timeline.of(id);
  }

  @Operation(summary = "The timeline as CSV (at, type, actor, detail)")
  @GetMapping("/api/contacts/{id}/timeline.csv")
  public ResponseEntity<String> csv(@PathVariable String id) {
    var csv = new StringBuilder(Csv.line(List.of("at", "type", "actor", "detail")));
    for (TimelineEntry e : timeline.of(id)) {
      csv.append(Csv.line(java.util.Arrays.asList(e.at(), e.type(), e.actor(), e.detail())));
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, Csv.MEDIA_TYPE)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"timeline-" + safe(id) + ".csv\"")
        .body(csv.toString());
  }

  static String safe(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
