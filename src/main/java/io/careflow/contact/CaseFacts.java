package io.careflow.contact;

import io.careflow.casefile.CaseChanged;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents.ContactEvent;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.customer.CustomerHistory;
import io.careflow.model.DecisionRows;
import io.careflow.model.DeployedModels;
import io.careflow.model.TopicCatalog;
import io.careflow.routing.Routing;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.EngineAsSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The facts of a case every task of it carries as task-local variables: what a Tasklist card
 * shows (customer, subject, channel, topic, the exact due time) and what the form block
 * {@code forms/blocks/case-facts.json} shows (order number, product, the customer's e-mail or
 * phone, what the earlier steps decided and noted). Agents may read a task's own variables
 * (the engine grants READ on a task to its candidates) but not the process's, so the copies are
 * what lets them tell cases apart without opening a case's data to other teams. The copies are
 * renewed on the open tasks of a case when it changes ({@link CaseChanged}: a reclassification,
 * a customer merge) and the due time whenever a task's due date moves.
 */
@Component
public class CaseFacts {

  /**
   * Events of the case that are no step's note or decision: the intake, the messages (the form
   * shows the conversation), routing (the form says why the task came), the conversation checklist
   * and the clock (both on the case page).
   */
  private static final Set<String> NOT_STEPS = Set.of(ContactEvents.RECEIVED, ContactEvents.MESSAGE_SENT,
      ContactEvents.MESSAGE_STORED, ContactEvents.MESSAGE_UNDELIVERED, ContactEvents.STYLE_CHANGED,
      ContactEvents.MESSAGE_RECEIVED, ContactEvents.TASK_CHECKLIST, Routing.EVENT_ROUTED, Routing.EVENT_REASSIGNED);

  private final ContactRepository contacts;
  private final CustomerHistory history;
  private final ContactEvents events;
  private final TopicCatalog topics;
  private final DeployedModels models;
  private final BusinessHoursProperties shopTime;
  private final TaskService taskService;
  private final EngineAsSystem asSystem;

  public CaseFacts(ContactRepository contacts, CustomerHistory history, ContactEvents events, TopicCatalog topics,
      DeployedModels models, BusinessHoursProperties shopTime, TaskService taskService, EngineAsSystem asSystem) {
    this.contacts = contacts;
    this.history = history;
    this.events = events;
    this.topics = topics;
    this.models = models;
    this.shopTime = shopTime;
    this.taskService = taskService;
    this.asSystem = asSystem;
  }

  /** Sets the case's facts on a new task of it. */
  void fill(DelegateTask task, Contact contact) {
    facts(contact).forEach(task::setVariableLocal);
  }

  /** The task's due time as the card shows it, exact and in shop time ("" without a due date). */
  public void due(DelegateTask task) {
    task.setVariableLocal(CaseVariables.CARD_DUE, task.getDueDate() == null ? ""
        : shopTime.local(task.getDueDate().toInstant()));
  }

  @EventListener
  public void changed(CaseChanged change) {
    refresh(change.contactId());
  }

  /** A new topic (triage, a reclassification): the open tasks' cards name it. */
  @EventListener
  public void classified(ContactClassified classified) {
    refresh(classified.contactId());
  }

  /** Renews the facts on every open task of the case. */
  public void refresh(String contactId) {
    contacts.find(contactId).ifPresent(contact -> asSystem.call(() -> {
      var values = facts(contact);
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(contactId).list()) {
        taskService.setVariablesLocal(task.getId(), values);
      }
      return null;
    }));
  }

  private java.util.Map<String, Object> facts(Contact contact) {
    var values = new java.util.LinkedHashMap<String, Object>();
    String reach = contact.customerEmail() != null ? contact.customerEmail()
        : contact.customerPhone() != null ? contact.customerPhone() : contact.customerHandle();
    values.put(CaseVariables.FORM_CUSTOMER_NAME, history.displayName(contact.customerId(), reach));
    values.put(CaseVariables.CARD_SUBJECT, orNone(contact.subject(), "(no subject)"));
    values.put(CaseVariables.CARD_CHANNEL, contact.channel().name());
    values.put(CaseVariables.CARD_TOPIC, contact.topic() == null ? "not classified yet"
        : topics.label(contact.topic(), null));
    values.put(CaseVariables.FORM_ORDER, orNone(contact.orderId(), "not given"));
    values.put(CaseVariables.FORM_PRODUCT, orNone(contact.productSku(), "not given"));
    values.put(CaseVariables.FORM_CUSTOMER_CONTACT, contactDetails(contact));
    values.put(CaseVariables.FORM_CASE_SO_FAR, soFar(contact.id()));
    return values;
  }

  private static String contactDetails(Contact contact) {
    var ways = new ArrayList<String>();
    if (contact.customerEmail() != null) {
      ways.add("e-mail " + contact.customerEmail());
    }
    if (contact.customerPhone() != null) {
      ways.add("phone " + contact.customerPhone());
    }
    if (contact.customerHandle() != null) {
      ways.add(contact.channel().name().toLowerCase(java.util.Locale.ROOT) + " " + contact.customerHandle());
    }
    return ways.isEmpty() ? "none known" : String.join(" · ", ways);
  }

  /**
   * What the steps so far decided and noted, newest last ("nothing yet" on the first step): the
   * case's events except the clock's, the messages' and the intake's. Cut from the oldest end to
   * what a task variable holds.
   */
  String soFar(String contactId) {
    var lines = new ArrayList<String>();
    for (ContactEvent e : events.of(contactId)) {
      if (NOT_STEPS.contains(e.type()) || e.type().startsWith("SLA_") || e.detail() == null) {
        continue;
      }
      String who = ContactEvents.SYSTEM.equals(e.actor()) ? "" : " (" + e.actor() + ")";
      lines.add(shopTime.local(e.at()) + who + ": " + e.detail());
    }
    if (lines.isEmpty()) {
      return "nothing yet";
    }
    String text = String.join("\n", lines);
    int max = TaskFormContextListener.MAX_FORM_TEXT;
    return text.length() <= max ? text : "…" + text.substring(text.length() - max + 1);
  }

  /**
   * The rows of a decision table in the designer's words (each row's description), for a step
   * whose agent should know them — e.g. which compensation a team lead approves: a user task with
   * the extension property {@code rules = <decision key>}.
   */
  public void rules(DelegateTask task, String decisionKey) {
    task.setVariableLocal(CaseVariables.FORM_CASE_RULES, rulesText(decisionKey));
  }

  String rulesText(String decisionKey) {
    return models.latestRows(decisionKey).map(rows -> {
      List<String> lines = rows.rows().stream().map(DecisionRows.Row::description)
          .filter(d -> d != null && !d.isBlank()).map(String::strip).toList();
      return String.join("\n", lines);
    }).orElse("");
  }

  static String orNone(String value, String none) {
    return value == null || value.isBlank() ? none : value;
  }
}
