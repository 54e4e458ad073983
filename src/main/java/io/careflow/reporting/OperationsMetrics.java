package io.careflow.reporting;

import io.careflow.sla.DeadlineBreached;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Live operations metrics for Prometheus ({@code /actuator/prometheus}):
 * <ul>
 *   <li>{@code careflow_contacts_open{status, team}} — open contacts now;</li>
 *   <li>{@code careflow_sla_breaches_total{step}} — deadlines breached (counted by this node
 *       since its start: sum over the nodes of a cluster);</li>
 *   <li>{@code careflow_tasks_due_soon} — open tasks due within the next hour;
 *       {@code careflow_tasks_overdue} — open tasks past their due date;</li>
 *   <li>{@code careflow_incidents_open{type}} — open incidents, one per failure: failedJob,
 *       failedExternalTask, other.</li>
 * </ul>
 * A scrape never touches the database: the gauges show values refreshed every
 * {@code careflow.metrics.refresh} (default 30 s) by small indexed aggregates — the open
 * contacts through {@code ix_contact_open}, tasks and incidents from the engine's runtime
 * tables, which hold only what is open.
 */
@Component
public class OperationsMetrics {

  static final Duration DUE_SOON = KpiService.DUE_SOON;

  private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

  private final KpiRepository kpis;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final Clock clock;
  private final MeterRegistry registry;
  private final MultiGauge openContacts;
  private final MultiGauge incidents;
  private final AtomicLong dueSoon = new AtomicLong();
  private final AtomicLong overdue = new AtomicLong();

  OperationsMetrics(KpiRepository kpis, TaskService tasks, RuntimeService runtime, Clock clock,
      MeterRegistry registry) {
    this.kpis = kpis;
    this.tasks = tasks;
    this.runtime = runtime;
    this.clock = clock;
    this.registry = registry;
    this.openContacts = MultiGauge.builder("careflow.contacts.open")
        .description("Open contacts (OPEN or WAITING_FOR_CUSTOMER) by status and team").register(registry);
    this.incidents = MultiGauge.builder("careflow.incidents.open")
        .description("Open incidents in the process engine by type").register(registry);
    Gauge.builder("careflow.tasks.due.soon", dueSoon, AtomicLong::get)
        .description("Open tasks due within the next hour").register(registry);
    Gauge.builder("careflow.tasks.overdue", overdue, AtomicLong::get)
        .description("Open tasks past their due date").register(registry);
    breaches("reply");
  }

  /** Counted once the breach is committed: a rolled-back timer job is retried and must not count twice. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  public void breached(DeadlineBreached breach) {
    breaches(breach.step()).increment();
  }

  private Counter breaches(String step) {
    return Counter.builder("careflow.sla.breaches").description("Deadlines breached (since this node started)")
        .tag("step", step).register(registry);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void atStart() {
    refresh();
  }

  /**
   * The gauges keep their last values while the database does not answer: the outage is already
   * told by readiness and one WARN line ({@code system.DatabaseReachability}), not again by a
   * stack trace every 30 s here.
   */
  @Scheduled(fixedDelayString = "${careflow.metrics.refresh:PT30S}", initialDelayString = "${careflow.metrics.refresh:PT30S}")
  public void scheduledRefresh() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.warn("Operations metrics not refreshed, the last values stay: {}", e.getMessage());
    }
  }

  public void refresh() {
    openContacts.register(kpis.openByStatusAndTeam().stream()
        .map(open -> MultiGauge.Row.of(Tags.of("status", open.status(), "team", open.team()), open.contacts()))
        .toList(), true);
    Instant now = clock.instant();
    dueSoon.set(tasks.createTaskQuery().active().dueAfter(Date.from(now)).dueBefore(Date.from(now.plus(DUE_SOON)))
        .count());
    overdue.set(tasks.createTaskQuery().active().dueBefore(Date.from(now)).count());
    // one per failure: the engine copies an incident to every calling process instance up
    // the tree (contact → protocol); only the root cause is the failure itself. The runtime
    // table holds open incidents only, so this list stays short.
    var byType = new java.util.TreeMap<String, Long>(java.util.Map.of("failedJob", 0L, "failedExternalTask", 0L,
        "other", 0L));
    for (Incident incident : runtime.createIncidentQuery().list()) {
      if (incident.getId().equals(incident.getRootCauseIncidentId())) {
        String type = byType.containsKey(incident.getIncidentType()) ? incident.getIncidentType() : "other";
        byType.merge(type, 1L, Long::sum);
      }
    }
    incidents.register(byType.entrySet().stream()
        .map(e -> MultiGauge.Row.of(Tags.of("type", e.getKey()), e.getValue())).toList(), true);
  }
}
