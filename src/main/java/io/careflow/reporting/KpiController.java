package io.careflow.reporting;

import io.careflow.system.RequestValidator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The KPIs of a period (API.md "KPIs"): the contacts received in {@code [from, to)}, optionally
 * of one channel, team, topic. Definitions in docs/reference.md.
 */
@RestController
@Tag(name = "Reports")
public class KpiController {

  private final KpiService kpis;
  private final RequestValidator validator;
  private final ReportedTopics topics;

  public KpiController(KpiService kpis, RequestValidator validator, ReportedTopics topics) {
    this.kpis = kpis;
    this.validator = validator;
    this.topics = topics;
  }

  @Operation(summary = "KPIs of the contacts received in [from, to)",
      description = "Managers, team leads, administrators; agents only with team = one of their teams")
  @GetMapping("/api/kpis")
  public Kpis get(@Parameter(example = "2026-11-01T00:00:00+01:00") @RequestParam(required = false) String from,
      @Parameter(example = "2026-12-01T00:00:00+01:00") @RequestParam(required = false) String to,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String team,
      @RequestParam(required = false) String topic) {
    return kpis.of(KpiFilter.parse(validator, from, to, channel, team, topic, topics));
  }

  @Operation(summary = "The same KPIs per shop-local day (at most 731 days), for charts")
  @GetMapping("/api/kpis/daily")
  public List<Kpis.Day> daily(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String team,
      @RequestParam(required = false) String topic) {
    return kpis.daily(KpiFilter.parse(validator, from, to, channel, team, topic, topics));
  }

  @Operation(summary = "The per-day KPIs as CSV, with a last row for the whole period")
  @GetMapping("/api/kpis/export.csv")
  public ResponseEntity<String> csv(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String channel,
      @RequestParam(required = false) String team, @RequestParam(required = false) String topic) {
    KpiFilter filter = KpiFilter.parse(validator, from, to, channel, team, topic, topics);
    var csv = new StringBuilder(Csv.line(List.of("day", "contacts", "fcr_rate", "first_reply_median_working_minutes",
        "first_reply_p90_working_minutes", "sla_compliance", "csat_average", "nps", "ces_average",
        "survey_answers")));
    for (Kpis.Day d : kpis.daily(filter)) {
      csv.append(Csv.line(Arrays.asList(d.day(), d.contacts(), d.fcrRate(), d.firstReplyMedianWorkingMinutes(),
          d.firstReplyP90WorkingMinutes(), d.slaCompliance(), d.csatAverage(), d.nps(), d.cesAverage(),
          d.surveyAnswers())));
    }
    Kpis total = kpis.of(filter);
    csv.append(Csv.line(Arrays.asList("total", total.contacts(), total.fcrRate(),
        total.firstReplyMedianWorkingMinutes(), total.firstReplyP90WorkingMinutes(),
        total.slaCompliance().overall(), total.csatAverage(), total.nps(), total.cesAverage(),
        total.surveys().answers())));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, Csv.MEDIA_TYPE)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpis.csv\"")
        .body(csv.toString());
  }
}
