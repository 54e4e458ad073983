package io.careflow.reporting;

import io.careflow.casefile.ContactEvents;
import io.careflow.routing.RoutingDecisionRepository;
import io.careflow.routing.RoutingDecisionRepository.Decision;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.UserDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * The engine's side of a contact's timeline: what its history (level full) knows about every
 * process instance of the case (business key = contact id: the contact process, its protocol,
 * later ones such as follow-ups). Activities entered and left, tasks created, offered,
 * claimed, assigned, completed and by whom, timers fired, failed jobs, incidents and the
 * other operations people did in Tasklist, Cockpit or the REST API.
 */
@Service
public class EngineHistory {

  public static final String ACTIVITY_PASSED = "ACTIVITY_PASSED";
  public static final String ACTIVITY_ENTERED = "ACTIVITY_ENTERED";
  public static final String ACTIVITY_LEFT = "ACTIVITY_LEFT";
  public static final String ACTIVITY_CANCELLED = "ACTIVITY_CANCELLED";
  public static final String TIMER_FIRED = "TIMER_FIRED";
  public static final String TASK_CREATED = "TASK_CREATED";
  public static final String TASK_OFFERED = "TASK_OFFERED";
  public static final String TASK_WITHDRAWN = "TASK_WITHDRAWN";
  public static final String TASK_CLAIMED = "TASK_CLAIMED";
  public static final String TASK_ASSIGNED = "TASK_ASSIGNED";
  public static final String TASK_REASSIGNED = "TASK_REASSIGNED";
  public static final String TASK_UNASSIGNED = "TASK_UNASSIGNED";
  public static final String TASK_COMPLETED = "TASK_COMPLETED";
  public static final String TASK_CANCELLED = "TASK_CANCELLED";
  public static final String USER_OPERATION = "USER_OPERATION";
  public static final String JOB_FAILED = "JOB_FAILED";
  public static final String INCIDENT_OPENED = "INCIDENT_OPENED";
  public static final String INCIDENT_RESOLVED = "INCIDENT_RESOLVED";
  public static final String PROCESS_CANCELLED = "PROCESS_CANCELLED";

  private static final String SYSTEM = ContactEvents.SYSTEM;

  /** Tasks are told by their own entries; a multi-instance body repeats its inner activity. */
  private static final Set<String> NOT_SHOWN = Set.of("userTask", "multiInstanceBody");
  private static final Set<String> TIMERS = Set.of("boundaryTimer", "intermediateTimer", "startTimerEvent");
  private static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
      "eventBasedGateway");
  /** Told by the identity-link log (who, to whom) and the task's own end. */
  private static final Set<String> TOLD_ELSEWHERE = Set.of("Claim", "Assign", "Complete", "AddUserLink",
      "DeleteUserLink", "AddGroupLink", "DeleteGroupLink");

  /**
   * How far apart the engine's record of an assignment and routing's decision of it may lie: one
   * transaction, but two reads of the clock.
   */
  private static final Duration SAME_STEP = Duration.ofSeconds(2);

  private final HistoryService history;
  private final UserDirectory users;
  private final BusinessHoursProperties shopTime;
  private final RoutingDecisionRepository decisions;

  public EngineHistory(HistoryService history, UserDirectory users, BusinessHoursProperties shopTime,
      RoutingDecisionRepository decisions) {
    this.history = history;
    this.users = users;
    this.shopTime = shopTime;
    this.decisions = decisions;
  }

  /** A step as the engine recorded it, in the order the engine's queries return them. */
  public record Step(Instant at, String type, String actor, String detail) {}

  public List<Step> of(String contactId) {
    var steps = new ArrayList<Step>();
    var names = new Names(users);
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(contactId).orderByProcessInstanceStartTime().asc().list();
    for (HistoricProcessInstance pi : instances) {
      activities(pi, steps);
      operations(pi, steps, names);
      failures(pi, steps);
      incidents(pi, steps);
      if (pi.getEndTime() != null && pi.getDeleteReason() != null) {
        steps.add(new Step(instant(pi.getEndTime()), PROCESS_CANCELLED, SYSTEM,
            "[" + pi.getProcessDefinitionKey() + "] ended early: " + pi.getDeleteReason()));
      }
    }
    tasks(contactId, steps, names);
    return steps;
  }

  private void activities(HistoricProcessInstance pi, List<Step> steps) {
    for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
      String type = a.getActivityType();
      if (NOT_SHOWN.contains(type) || (GATEWAYS.contains(type) && a.getActivityName() == null)) {
        continue;
      }
      String what = "[" + pi.getProcessDefinitionKey() + "] " + name(a);
      Instant start = instant(a.getStartTime());
      Instant end = a.getEndTime() == null ? null : instant(a.getEndTime());
      if (TIMERS.contains(type)) {
        if (end != null && end.isAfter(start)) {
          steps.add(new Step(start, ACTIVITY_ENTERED, SYSTEM, what + " — waiting"));
        }
        if (end != null && !a.isCanceled()) {
          steps.add(new Step(end, TIMER_FIRED, SYSTEM, what));
        }
      } else if (end != null && end.equals(start) && !a.isCanceled()) {
        steps.add(new Step(start, ACTIVITY_PASSED, SYSTEM, what));
      } else {
        steps.add(new Step(start, ACTIVITY_ENTERED, SYSTEM, what));
        if (end != null) {
          steps.add(new Step(end, a.isCanceled() ? ACTIVITY_CANCELLED : ACTIVITY_LEFT, SYSTEM, what));
        }
      }
    }
  }

  private void tasks(String contactId, List<Step> steps, Names names) {
    Map<String, List<Decision>> routed = decisions.ofContact(contactId).stream()
        .collect(Collectors.groupingBy(Decision::taskId, HashMap::new, Collectors.toCollection(ArrayList::new)));
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(contactId)
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      String what = task.getName() + " [" + task.getProcessDefinitionKey() + "]";
      Instant created = instant(task.getStartTime());
      List<HistoricIdentityLinkLog> links = history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
          .orderByTime().asc().list();
      String offeredAtStart = links.stream()
          .filter(l -> "candidate".equals(l.getType()) && "add".equals(l.getOperationType())
              && instant(l.getTime()).equals(created))
          .map(l -> l.getGroupId() != null ? l.getGroupId() : names.of(l.getUserId()))
          .distinct().collect(Collectors.joining(", "));
      steps.add(new Step(created, TASK_CREATED, SYSTEM, what
          + (offeredAtStart.isEmpty() ? "" : " — offered to " + offeredAtStart)
          + (task.getDueDate() == null ? "" : ", due " + shopTime.local(instant(task.getDueDate())))));
      assignments(task, what, links, created, steps, names, routed.getOrDefault(task.getId(), new ArrayList<>()));
      if (task.getEndTime() != null) {
        Instant ended = instant(task.getEndTime());
        if ("completed".equals(task.getDeleteReason())) {
          String by = completedBy(task);
          steps.add(new Step(ended, TASK_COMPLETED, by, names.of(by) + " completed " + what));
        } else {
          steps.add(new Step(ended, TASK_CANCELLED, SYSTEM, what + " closed without completion"
              + (task.getDeleteReason() == null ? "" : " (" + task.getDeleteReason() + ")")));
        }
      }
    }
  }

  /**
   * Claims, assignments and offers of one task. A new assignee replacing another in one
   * operation (same instant, same person acting) is one reassignment, not two steps.
   *
   * <p>An assignment routing made — for a new task, an agent going away or coming back, a team
   * lead's reassignment through careflow — is told by routing's own entry on the contact, with
   * who decided (routing, or the lead) and why. The engine would name whoever was signed in
   * when it happened: the agent whose completed task created the next one ("anna claimed"), or
   * the lead who approved a compensation ("maria assigned"). Those engine entries are left out;
   * what remains — a claim in Tasklist, an assignment through the engine's API — is what a
   * person did, named by the engine.
   */
  private void assignments(HistoricTaskInstance task, String what, List<HistoricIdentityLinkLog> links,
      Instant created, List<Step> steps, Names names, List<Decision> routed) {
    for (int i = 0; i < links.size(); i++) {
      HistoricIdentityLinkLog link = links.get(i);
      Instant at = instant(link.getTime());
      if ("assignee".equals(link.getType()) && decidedByRouting(link, at, routed)) {
        continue;
      }
      String by = link.getAssignerId() == null ? SYSTEM : link.getAssignerId();
      boolean added = "add".equals(link.getOperationType());
      if ("candidate".equals(link.getType())) {
        if (added && at.equals(created)) {
          continue;
        }
        String whom = link.getGroupId() != null ? link.getGroupId() : names.of(link.getUserId());
        steps.add(new Step(at, added ? TASK_OFFERED : TASK_WITHDRAWN, by,
            what + (added ? " offered to " : " no longer offered to ") + whom));
      } else if ("assignee".equals(link.getType())) {
        HistoricIdentityLinkLog next = i + 1 < links.size() ? links.get(i + 1) : null;
        if (!added && next != null && "assignee".equals(next.getType()) && "add".equals(next.getOperationType())
            && instant(next.getTime()).equals(at) && Objects.equals(next.getAssignerId(), link.getAssignerId())) {
          steps.add(new Step(at, TASK_REASSIGNED, by, what + " reassigned from " + names.of(link.getUserId())
              + " to " + names.of(next.getUserId())));
          i++;
        } else if (added && link.getUserId().equals(link.getAssignerId())) {
          steps.add(new Step(at, TASK_CLAIMED, by, names.of(link.getUserId()) + " claimed " + what));
        } else if (added) {
          steps.add(new Step(at, TASK_ASSIGNED, by, what + " assigned to " + names.of(link.getUserId())));
        } else if (link.getUserId().equals(link.getAssignerId())) {
          steps.add(new Step(at, TASK_UNASSIGNED, by, names.of(link.getUserId()) + " gave back " + what));
        } else {
          steps.add(new Step(at, TASK_UNASSIGNED, by, what + " no longer assigned to " + names.of(link.getUserId())));
        }
      }
    }
  }

  /**
   * Whether routing's decision explains this change of assignee: a decision of the same step
   * giving the task to that agent (an assignee added), or to someone else or the queue (one
   * removed). A decision explains one addition only.
   */
  private static boolean decidedByRouting(HistoricIdentityLinkLog link, Instant at, List<Decision> routed) {
    boolean added = "add".equals(link.getOperationType());
    for (var it = routed.iterator(); it.hasNext(); ) {
      Decision d = it.next();
      if (Duration.between(d.decidedAt(), at).abs().compareTo(SAME_STEP) > 0) {
        continue;
      }
      if (added && Objects.equals(d.assignee(), link.getUserId())) {
        it.remove();
        return true;
      }
      if (!added && !Objects.equals(d.assignee(), link.getUserId())) {
        return true;
      }
    }
    return false;
  }

  /** Who completed the task: the signed-in user of the operation, else its assignee (completed by the system). */
  private String completedBy(HistoricTaskInstance task) {
    return history.createUserOperationLogQuery().taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
        .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst()
        .orElse(task.getAssignee() != null ? task.getAssignee() : SYSTEM);
  }

  /** Everything else people did to the case: one step per operation, its changed properties together. */
  private void operations(HistoricProcessInstance pi, List<Step> steps, Names names) {
    var operations = new LinkedHashMap<String, List<UserOperationLogEntry>>();
    for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(pi.getId())
        .orderByTimestamp().asc().list()) {
      if (!TOLD_ELSEWHERE.contains(entry.getOperationType())) {
        operations.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry);
      }
    }
    for (List<UserOperationLogEntry> entries : operations.values()) {
      UserOperationLogEntry first = entries.get(0);
      String changes = entries.stream().filter(e -> e.getProperty() != null)
          .map(e -> e.getProperty() + (e.getNewValue() == null && e.getOrgValue() == null ? ""
              : ": " + (e.getOrgValue() == null ? "" : e.getOrgValue() + " → ") + e.getNewValue()))
          .collect(Collectors.joining("; "));
      String by = first.getUserId() == null ? SYSTEM : first.getUserId();
      steps.add(new Step(instant(first.getTimestamp()), USER_OPERATION, by, names.of(by) + ": "
          + first.getOperationType() + " " + first.getEntityType() + (changes.isEmpty() ? "" : " (" + changes + ")")));
    }
  }

  private void failures(HistoricProcessInstance pi, List<Step> steps) {
    for (HistoricJobLog log : history.createHistoricJobLogQuery().processInstanceId(pi.getId()).failureLog()
        .orderByTimestamp().asc().list()) {
      steps.add(new Step(instant(log.getTimestamp()), JOB_FAILED, SYSTEM,
          "[" + pi.getProcessDefinitionKey() + "] " + log.getActivityId() + " failed ("
              + Math.max(0, log.getJobRetries() - 1) + " retries left): " + log.getJobExceptionMessage()));
    }
  }

  private void incidents(HistoricProcessInstance pi, List<Step> steps) {
    for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(pi.getId())
        .orderByCreateTime().asc().list()) {
      String what = "[" + pi.getProcessDefinitionKey() + "] " + incident.getActivityId() + ": "
          + incident.getIncidentType() + " — " + incident.getIncidentMessage();
      steps.add(new Step(instant(incident.getCreateTime()), INCIDENT_OPENED, SYSTEM, what));
      if (incident.getEndTime() != null) {
        steps.add(new Step(instant(incident.getEndTime()), INCIDENT_RESOLVED, SYSTEM,
            what + (incident.isDeleted() ? " (deleted)" : " (resolved)")));
      }
    }
  }

  private static String name(HistoricActivityInstance a) {
    return a.getActivityName() != null ? a.getActivityName().replaceAll("\\s+", " ") : a.getActivityId();
  }

  private static Instant instant(Date date) {
    return date.toInstant();
  }

  /** Display names, looked up once per user and timeline. */
  static final class Names {
    private final UserDirectory users;
    private final Map<String, String> known = new HashMap<>();

    Names(UserDirectory users) {
      this.users = users;
    }

    String of(String userId) {
      if (userId == null || SYSTEM.equals(userId)) {
        return "careflow";
      }
      return known.computeIfAbsent(userId, users::displayName);
    }
  }
}
