package io.careflow.cases.page;

import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactEvents.ContactEvent;
import io.careflow.contact.ContactProcess;
import io.careflow.casefile.ContactRepository;
import io.careflow.customer.CustomerHistory;
import io.careflow.files.CustomerFiles;
import io.careflow.files.FilesOnTaskForms;
import io.careflow.reporting.RetentionProperties;
import io.careflow.reporting.TimelineEntry;
import io.careflow.reporting.TimelineService;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import io.careflow.system.UserDirectory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;

/** Puts a case page together from careflow's tables and the engine's history. */
@Service
public class CasePageService {

  /** A contact id as careflow gives them (a UUID); anything else names no case. */
  static final Pattern CONTACT_ID = Pattern.compile("[0-9a-fA-F-]{1,36}");

  private final ContactRepository contacts;
  private final ContactEvents events;
  private final CustomerHistory customers;
  private final DeadlineService deadlines;
  private final TimelineService timeline;
  private final HistoryService history;
  private final UserDirectory users;
  private final BusinessHoursProperties shopTime;
  private final RetentionProperties retention;
  private final CaseDiagrams diagrams;
  private final CaseConversation conversation;
  private final CaseDeadlines deadlineLines;
  private final CaseDecisions decisions;
  private final TaskService tasks;
  private final IdentityService identity;
  private final CustomerFiles files;

  public CasePageService(ContactRepository contacts, ContactEvents events, CustomerHistory customers,
      DeadlineService deadlines, TimelineService timeline, HistoryService history, UserDirectory users,
      BusinessHoursProperties shopTime, RetentionProperties retention, CaseDiagrams diagrams,
      CaseConversation conversation, CaseDeadlines deadlineLines, CaseDecisions decisions, TaskService tasks,
      IdentityService identity, CustomerFiles files) {
    this.tasks = tasks;
    this.identity = identity;
    this.contacts = contacts;
    this.events = events;
    this.customers = customers;
    this.deadlines = deadlines;
    this.timeline = timeline;
    this.history = history;
    this.users = users;
    this.shopTime = shopTime;
    this.retention = retention;
    this.diagrams = diagrams;
    this.conversation = conversation;
    this.deadlineLines = deadlineLines;
    this.decisions = decisions;
    this.files = files;
  }

  /** The page's header: who, where, what, how it stands, who worked on it, the three moments. */
  public record Header(String id, String customerId, String customer, String customerContact, String channel,
      String subject, String topic, String protocol, String protocolVersion, String status, String outcome,
      List<String> agents, String received, String firstReply, String resolved, String orderId,
      List<String> waiting) {}

  public record CasePage(Header header, List<CaseDiagrams.Diagram> diagrams, List<TimelineEntry> timeline,
      List<CaseConversation.Line> conversation, List<CaseDeadlines.Line> deadlines,
      List<CaseDecisions.Decision> decisions, List<File> files) {}

  /** A file of the customer as the page lists it: {@code url} opens a kept one, {@code refusal} says why not. */
  public record File(String name, String mediaType, String size, String received, String url, String refusal,
      boolean image) {}

  /** Why there is no page: the id names no case, or names one the retention rule deleted. */
  public record Missing(String reason) {}

  public Optional<CasePage> of(String id) {
    if (!CONTACT_ID.matcher(id).matches()) {
      return Optional.empty();
    }
    Optional<Contact> found = contacts.find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Contact contact = found.get();
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(id).orderByProcessInstanceStartTime().asc().list();
    List<ContactEvent> caseEvents = events.of(id);
    List<Deadline> caseDeadlines = deadlines.ofContact(id);
    String fallback = contact.customerEmail() != null ? contact.customerEmail()
        : contact.customerPhone() != null ? contact.customerPhone() : contact.customerHandle();
    String customer = contact.customerId() == null ? fallback : customers.displayName(contact.customerId(), fallback);
    List<CaseDiagrams.Diagram> drawn = diagrams.of(instances);
    return Optional.of(new CasePage(header(contact, customer, fallback, instances, drawn), drawn,
        timeline.of(id), conversation.of(contact, customer), deadlineLines.of(caseDeadlines, caseEvents),
        decisions.of(contact, instances), files.ofContact(id).stream().map(f -> new File(f.fileName(), f.mediaType(),
            f.size(), shopTime.local(f.receivedAt()), f.accepted() ? FilesOnTaskForms.url(id, f.id()) : null,
            f.refusal(), f.image())).toList()));
  }

  /** Why {@code id} has no page, for the 404: malformed, never known, or deleted by retention. */
  public Missing missing(String id) {
    String rule = "closed cases are deleted " + retention.closedContacts().toDays()
        + " days after they ended (careflow.retention.closed-contacts)";
    if (!CONTACT_ID.matcher(id).matches()) {
      return new Missing("This is not a case id: a case id is the contact's id, like "
          + "3f2b8c1e-7a4d-4c2e-9b1f-0a6d5e4c3b2a.");
    }
    if (history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(ContactProcess.KEY).count() > 0) {
      return new Missing("This case was deleted by the retention rule: " + rule + ".");
    }
    return new Missing("No case has this id. If it once existed, the retention rule deleted it: " + rule + ".");
  }

  /**
   * The case's open steps and whom each waits for — "Approve compensation: waiting for approval
   * by Team leads" — so the agent who sent a step on sees where it stands after it left their list.
   */
  List<String> waiting(String contactId) {
    var lines = new java.util.ArrayList<String>();
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(contactId).orderByTaskCreateTime().asc()
        .list()) {
      String who;
      if (task.getAssignee() != null) {
        who = "in the hands of " + users.displayName(task.getAssignee());
      } else {
        var groups = tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
            .map(l -> groupName(l.getGroupId())).distinct().toList();
        who = groups.isEmpty() ? "not offered to anyone" : "waiting for " + String.join(", ", groups);
      }
      lines.add(task.getName() + ": " + who + (task.getDueDate() == null ? ""
          : ", due " + shopTime.local(task.getDueDate().toInstant())));
    }
    return lines;
  }

  private String groupName(String groupId) {
    var group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
  }

  private Header header(Contact c, String customer, String customerContact, List<HistoricProcessInstance> instances,
      List<CaseDiagrams.Diagram> drawn) {
    String version = instances.stream().filter(pi -> pi.getProcessDefinitionKey().equals(c.protocol())).findFirst()
        .map(pi -> "version " + pi.getProcessDefinitionVersion()).orElse("");
    // who held a task of the case, and who completed one (a lead may complete from the queue)
    var agents = new LinkedHashSet<String>();
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(c.id())
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      if (t.getAssignee() != null) {
        agents.add(users.displayName(t.getAssignee()));
      }
    }
    for (CaseDiagrams.Diagram diagram : drawn) {
      diagram.completedBy().values().forEach(user -> agents.add(users.displayName(user)));
    }
    String outcome = c.outcome() == null ? "" : c.outcome() + (c.outcomeDetail() == null ? "" : " — " + c.outcomeDetail());
    return new Header(c.id(), c.customerId(), customer, customerContact, c.channel().name(),
        c.subject() == null ? "" : c.subject(), c.topic() == null ? "not classified yet" : c.topic(),
        c.protocol() == null ? "" : c.protocol(), version, c.status().name(), outcome, List.copyOf(agents),
        shopTime.local(c.receivedAt()), c.firstReplyAt() == null ? "no reply yet" : shopTime.local(c.firstReplyAt())
            + (c.firstReplyWorkingMinutes() == null ? "" : " (" + c.firstReplyWorkingMinutes() + " working minutes)"),
        c.resolvedAt() == null ? "open" : shopTime.local(c.resolvedAt()), c.orderId(), waiting(c.id()));
  }
}
