package io.careflow.cases.page;

import io.careflow.casefile.Contact;
import io.careflow.model.DecisionRows;
import io.careflow.routing.RoutingDecisionRepository;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.UserDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Service;

/**
 * What each decision table decided for the case and from which inputs, in the table's own words
 * (the labels of its inputs and outputs, the description of the row that matched), from the
 * engine's decision history: the tables the case's processes evaluated (classification,
 * communication style, compensation approval, …), the SLA policy rows its deadlines were given,
 * and routing's decisions with their reasons (careflow's {@code routing_decision} table). A table
 * Java asks inside a step of the case (the SLA policy when a deadline starts, the customer type)
 * is recorded by the engine under that step's process instance too.
 */
@Service
public class CaseDecisions {

  private final HistoryService history;
  private final RepositoryService repository;
  private final RoutingDecisionRepository routing;
  private final UserDirectory users;
  private final BusinessHoursProperties shopTime;
  private final Map<String, Optional<DecisionRows>> rows = new ConcurrentHashMap<>();
  private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

  public CaseDecisions(HistoryService history, RepositoryService repository, RoutingDecisionRepository routing,
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

  public List<Decision> of(Contact contact, List<HistoricProcessInstance> instances) {
    var all = new ArrayList<Decision>();
    for (HistoricProcessInstance pi : instances) {
      for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
          .includeInputs().includeOutputs().orderByEvaluationTime().asc().list()) {
        all.add(decision(d, where(d, pi)));
      }
    }
    for (RoutingDecisionRepository.Decision r : routing.ofContact(contact.id())) {
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

  /** "Classify contact by topic, channel and words [Customer contact]": the element's name in its model. */
  private String where(HistoricDecisionInstance d, HistoricProcessInstance pi) {
    String process = pi.getProcessDefinitionName() == null ? pi.getProcessDefinitionKey() : pi.getProcessDefinitionName();
    String element = d.getActivityId();
    if (element != null) {
      var model = models.computeIfAbsent(pi.getProcessDefinitionId(), repository::getBpmnModelInstance);
      var named = model.getModelElementById(element);
      if (named != null && named.getAttributeValue("name") != null) {
        element = named.getAttributeValue("name").replaceAll("\\s+", " ");
      }
    }
    return (element == null ? "" : element + " ") + "[" + process + "]";
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
