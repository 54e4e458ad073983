package io.careflow.cases.page;

import io.careflow.contact.Contact;
import io.careflow.contact.ContactEvents.ContactEvent;
import io.careflow.model.DecisionRows;
import io.careflow.routing.RoutingDecisions;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import io.careflow.sla.SlaPolicy;
import io.careflow.sla.BusinessHoursProperties;
import io.careflow.system.UserDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * What each decision table decided for the case and from which inputs, in the table's own words
 * (the labels of its inputs and outputs, the description of the row that matched), from the
 * engine's decision history: the tables the case's processes evaluated (classification,
 * communication style, compensation approval, …), the SLA policy rows its deadlines were given,
 * and routing's decisions with their reasons (careflow's {@code routing_decision} table).
 *
 * <p>The SLA policy is asked outside any process (a deadline starts inside a delegate): its
 * decision history names no process instance. The evaluation of a deadline's row is the one of
 * that table, within a moment of the deadline's start (or retarget) event, whose matching row
 * and inputs (step, channel) are the deadline's.
 */
@Service
public class CaseDecisions {

  static final Duration SAME_MOMENT = Duration.ofSeconds(2);

  private final HistoryService history;
  private final RepositoryService repository;
  private final RoutingDecisions routing;
  private final UserDirectory users;
  private final BusinessHoursProperties shopTime;
  private final Map<String, Optional<DecisionRows>> rows = new ConcurrentHashMap<>();

  public CaseDecisions(HistoryService history, RepositoryService repository, RoutingDecisions routing,
      UserDirectory users, BusinessHoursProperties shopTime) {
    this.history = history;
    this.repository = repository;
    this.routing = routing;
    this.users = users;
    this.shopTime = shopTime;
  }

  /** A value of a decision, named as the table names it. */
  public record Labelled(String label, String value) {}

  /**
   * One decision: when, which table (its name and key), where in the case (process and element),
   * what it decided, from which inputs, by which row (id and the designer's description).
   */
  public record Decision(String at, Instant instant, String table, String key, String where,
      List<Labelled> decided, List<Labelled> inputs, String rule, String ruleDescription) {}

  public List<Decision> of(Contact contact, List<HistoricProcessInstance> instances, List<ContactEvent> events,
      List<Deadline> deadlines) {
    var all = new ArrayList<Decision>();
    for (HistoricProcessInstance pi : instances) {
      for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
          .includeInputs().includeOutputs().orderByEvaluationTime().asc().list()) {
        all.add(decision(d, "[" + pi.getProcessDefinitionKey() + "] " + d.getActivityId()));
      }
    }
    for (ContactEvent e : events) {
      if (DeadlineService.STARTED.equals(e.type()) || DeadlineService.RETARGETED.equals(e.type())) {
        slaPolicy(contact, e, deadlines).ifPresent(all::add);
      }
    }
    for (RoutingDecisions.Decision r : routing.ofContact(contact.id())) {
      String to = r.assignee() == null ? "the team queue" : users.displayName(r.assignee());
      all.add(new Decision(shopTime.local(r.decidedAt()), r.decidedAt(), "Routing", "routing", r.step(),
          List.of(new Labelled("Given to", to), new Labelled("Why", r.reason())),
          List.of(new Labelled("Teams", String.join(", ", r.groups())),
              new Labelled("Skills needed", r.skills().isEmpty() ? "none" : String.join(", ", r.skills())),
              new Labelled("Occasion", r.cause().name().toLowerCase().replace('_', ' ')),
              new Labelled("Decided by", "system".equals(r.decidedBy()) ? "careflow"
                  : users.displayName(r.decidedBy()))),
          null, null));
    }
    all.sort(Comparator.comparing(Decision::instant));
    return all;
  }

  private Optional<Decision> slaPolicy(Contact contact, ContactEvent started, List<Deadline> deadlines) {
    String step = started.detail().substring(0, Math.max(0, started.detail().indexOf(':')));
    var rules = deadlines.stream().filter(d -> d.step().equals(step)).map(Deadline::policyRule)
        .filter(Objects::nonNull).toList();
    return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(SlaPolicy.DECISION)
        .evaluatedAfter(Date.from(started.at().minus(SAME_MOMENT)))
        .evaluatedBefore(Date.from(started.at().plus(SAME_MOMENT)))
        .includeInputs().includeOutputs().list().stream()
        .filter(d -> d.getProcessInstanceId() == null)
        .filter(d -> d.getOutputs().stream().anyMatch(o -> rules.contains(o.getRuleId())))
        .filter(d -> input(d, step) && input(d, contact.channel().name()))
        .min(Comparator.comparing(d -> Duration.between(d.getEvaluationTime().toInstant(), started.at()).abs()))
        .map(d -> decision(d, "deadline of step " + step));
  }

  /** Whether one of the decision's inputs had this value. */
  private static boolean input(HistoricDecisionInstance d, String value) {
    return d.getInputs().stream().anyMatch(i -> value.equals(String.valueOf(i.getValue())));
  }

  private Decision decision(HistoricDecisionInstance d, String where) {
    List<HistoricDecisionOutputInstance> outputs = d.getOutputs();
    String rule = outputs.isEmpty() ? null : outputs.get(0).getRuleId();
    String description = rule == null ? null : rows(d).flatMap(t -> t.rows().stream()
        .filter(r -> r.ruleId().equals(rule)).findFirst()).map(DecisionRows.Row::description).orElse(null);
    var decided = new ArrayList<Labelled>();
    for (HistoricDecisionOutputInstance o : outputs) {
      decided.add(new Labelled(label(o.getClauseName(), o.getVariableName()), value(o.getValue())));
    }
    if (decided.isEmpty()) {
      decided.add(new Labelled("Result", "no row matched"));
    }
    var inputs = new ArrayList<Labelled>();
    for (HistoricDecisionInputInstance i : d.getInputs()) {
      inputs.add(new Labelled(label(i.getClauseName(), i.getClauseId()), value(i.getValue())));
    }
    Instant at = d.getEvaluationTime().toInstant();
    String table = d.getDecisionDefinitionName() == null ? d.getDecisionDefinitionKey() : d.getDecisionDefinitionName();
    return new Decision(shopTime.local(at), at, table, d.getDecisionDefinitionKey(), where, decided, inputs, rule,
        description == null || description.isBlank() ? null : description.strip());
  }

  private Optional<DecisionRows> rows(HistoricDecisionInstance d) {
    return rows.computeIfAbsent(d.getDecisionDefinitionId(), id -> DecisionRows.of(
        repository.getDmnModelInstance(id), d.getDecisionDefinitionKey()));
  }

  private static String label(String label, String fallback) {
    return label == null || label.isBlank() ? fallback : label;
  }

  private static String value(Object value) {
    return value == null || value.toString().isBlank() ? "—" : value.toString();
  }
}
