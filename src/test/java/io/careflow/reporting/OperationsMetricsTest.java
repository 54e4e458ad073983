package io.careflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.Contact;
import io.careflow.sla.DeadlineService;
import io.careflow.support.Http;
import io.careflow.support.ProtocolTestSupport;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The live operations metrics as Prometheus scrapes them from {@code /actuator/prometheus}. */
class OperationsMetricsTest extends ProtocolTestSupport {

  @Autowired
  OperationsMetrics metrics;

  @Autowired
  DeadlineService deadlines;

  @Test
  void shouldCountOpenContactsByStatusAndTeam() {
    String team = "team-gauge-" + UUID.randomUUID().toString().substring(0, 8);
    var data = new KpiDataSet(jdbc);
    LocalDate day = LocalDate.of(2019, 10, 7);
    data.contact("EMAIL", "INQUIRY", team).received(KpiDataSet.at(day, 10, 0)).met(null).insert();
    data.contact("EMAIL", "INQUIRY", team).received(KpiDataSet.at(day, 11, 0)).met(null).insert();
    data.contact("CHAT", "INQUIRY", team).received(KpiDataSet.at(day, 12, 0)).waiting().met(null).insert();
    data.contact("CHAT", "INQUIRY", team).received(KpiDataSet.at(day, 12, 0)).resolved(KpiDataSet.at(day, 13, 0)).met(true).insert();

    metrics.refresh();

    String scrape = scrape();
    assertThat(value(scrape, "careflow_contacts_open", "status=\"OPEN\",team=\"" + team + "\"")).isEqualTo(2);
    assertThat(value(scrape, "careflow_contacts_open", "status=\"WAITING_FOR_CUSTOMER\",team=\"" + team + "\""))
        .isEqualTo(1);
  }

  @Test
  void shouldCountBreachesOnceTheyAreRecorded() {
    Contact contact = intake.receive(emailContact(uniqueEmail("gauge"), "INQUIRY", "Warranty", "How long?"),
        "intake").contact();
    String deadline = deadlines.first(contact.id(), DeadlineService.REPLY).orElseThrow().id();
    double before = value(scrape(), "careflow_sla_breaches_total", "step=\"reply\"");

    deadlines.breach(deadline, "test");
    deadlines.breach(deadline, "the same breach again");

    assertThat(value(scrape(), "careflow_sla_breaches_total", "step=\"reply\"")).isEqualTo(before + 1);
  }

  @Test
  void shouldCountTasksDueWithinTheHourAndIncidents() {
    Contact contact = intake.receive(emailContact(uniqueEmail("gauge"), "INQUIRY", "Delivery", "When?"),
        "intake").contact();
    // half an hour before the reply deadline the task is due within the hour
    clock(deadline(contact.id(), io.careflow.sla.DeadlineService.REPLY).dueAt().minusSeconds(30 * 60));
    metrics.refresh();
    assertThat(value(scrape(), "careflow_tasks_due_soon", null)).isGreaterThanOrEqualTo(1);
    clock(at("2031-01-01T12:00+01:00"));
    metrics.refresh();
    assertThat(value(scrape(), "careflow_tasks_due_soon", null)).isZero();
    assertThat(value(scrape(), "careflow_tasks_overdue", null)).isGreaterThanOrEqualTo(1);

    var runtime = processEngine.getRuntimeService();
    String execution = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id())
        .singleResult().getExecutionId();
    double before = value(scrape(), "careflow_incidents_open", "type=\"other\"");
    Incident incident = runtime.createIncident("careflowTest", execution, "test", "made by a test");
    metrics.refresh();
    assertThat(value(scrape(), "careflow_incidents_open", "type=\"other\"")).isEqualTo(before + 1);
    runtime.resolveIncident(incident.getId());
  }

  @Test
  void shouldShowTheMetricsToManagersOnly() {
    assertThat(http.get("maria", "/actuator/prometheus").status()).isEqualTo(200);
    assertThat(http.get("anna", "/actuator/prometheus").status()).isEqualTo(403);
    assertThat(http.get(null, "/actuator/prometheus").status()).isEqualTo(401);
  }

  private String scrape() {
    Http.Response response = http.get("maria", "/actuator/prometheus");
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  /** The sample of a metric with exactly these labels (null: without labels); 0 when absent. */
  static double value(String scrape, String metric, String labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + (labels == null ? "" : "\\{"
        + Pattern.quote(labels) + "(,[^}]*)?\\}") + " ([0-9.eE+-]+)$").matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(labels == null ? 1 : 2)) : 0;
  }
}
