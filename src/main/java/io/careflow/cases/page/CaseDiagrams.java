package io.careflow.cases.page;

import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.UserDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * What the case page's diagrams show: for every process instance of the case (business key =
 * contact id — the contact process, the protocol it called, processes started for it such as the
 * deadline watch), its model's XML and, per element, what happened there and how to mark it:
 * passed, where the case stands now, open tasks, timers that fired, incidents.
 */
@Service
public class CaseDiagrams {

  static final Set<String> TIMERS = Set.of("boundaryTimer", "intermediateTimer", "startTimerEvent");

  private final HistoryService history;
  private final RepositoryService repository;
  private final UserDirectory users;
  private final BusinessHoursProperties shopTime;
  /** A deployed definition never changes: its XML is read once. */
  private final Map<String, String> xml = new ConcurrentHashMap<>();

  public CaseDiagrams(HistoryService history, RepositoryService repository, UserDirectory users,
      BusinessHoursProperties shopTime) {
    this.history = history;
    this.repository = repository;
    this.users = users;
    this.shopTime = shopTime;
  }

  /** One thing that happened on an element: when, what, who (a display name, or careflow). */
  public record Happening(String at, String what, String who) {}

  /**
   * An element's state: the marker classes the page gives it ({@code visited}, {@code current},
   * {@code open-task}, {@code timer-fired}, {@code incident}) and what happened there.
   */
  public record Element(List<String> markers, List<Happening> happenings) {}

  /** A process instance of the case, its model and its elements. */
  public record Diagram(String processInstanceId, String key, String name, int version, boolean running,
      String started, String ended, String xml, Map<String, Element> elements,
      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, String> completedBy) {}

  /** The diagrams of the case's process instances (oldest first, as the caller queried them). */
  public List<Diagram> of(List<HistoricProcessInstance> instances) {
    var diagrams = new ArrayList<Diagram>();
    var names = new LinkedHashMap<String, String>();
    for (HistoricProcessInstance pi : instances) {
      var elements = new LinkedHashMap<String, ElementBuilder>();
      for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
          .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
        String id = a.getActivityId().replaceFirst("#multiInstanceBody$", "");
        ElementBuilder e = elements.computeIfAbsent(id, k -> new ElementBuilder());
        e.markers.add("visited");
        if (a.getEndTime() == null) {
          e.markers.add("current");
          e.add(a.getStartTime(), "entered, still here", null);
        } else if (TIMERS.contains(a.getActivityType()) && !a.isCanceled()) {
          e.markers.add("timer-fired");
          e.add(a.getEndTime(), "timer fired (waiting since " + local(a.getStartTime()) + ")", null);
        } else if (a.isCanceled()) {
          e.add(a.getStartTime(), "entered; cancelled " + local(a.getEndTime()), null);
        } else if (!"userTask".equals(a.getActivityType())) {
          e.add(a.getStartTime(), a.getEndTime().equals(a.getStartTime()) ? "passed"
              : "entered; left " + local(a.getEndTime()), null);
        }
      }
      Map<String, String> completedBy = completers(pi.getId());
      for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
          .orderByHistoricActivityInstanceStartTime().asc().list()) {
        ElementBuilder e = elements.computeIfAbsent(t.getTaskDefinitionKey(), k -> new ElementBuilder());
        e.add(t.getStartTime(), "task created" + (t.getDueDate() == null ? "" : ", due " + local(t.getDueDate())),
            null);
        if (t.getEndTime() == null) {
          e.markers.add("open-task");
          e.add(t.getStartTime(), "open" + (t.getAssignee() == null ? ", in the team queue" : ", with "
              + name(names, t.getAssignee())), null);
        } else if ("completed".equals(t.getDeleteReason())) {
          String by = completedBy.getOrDefault(t.getId(), t.getAssignee());
          e.add(t.getEndTime(), "completed", by == null ? null : name(names, by));
        } else {
          e.add(t.getEndTime(), "closed without completion"
              + (t.getDeleteReason() == null ? "" : " (" + t.getDeleteReason() + ")"), null);
        }
      }
      for (HistoricIncident i : history.createHistoricIncidentQuery().processInstanceId(pi.getId())
          .orderByCreateTime().asc().list()) {
        if (i.getActivityId() == null) {
          continue;
        }
        ElementBuilder e = elements.computeIfAbsent(i.getActivityId(), k -> new ElementBuilder());
        e.markers.add("incident");
        e.add(i.getCreateTime(), "incident (" + i.getIncidentType() + "): " + i.getIncidentMessage()
            + (i.getEndTime() == null ? " — open" : " — " + (i.isDeleted() ? "deleted " : "resolved ")
                + local(i.getEndTime())), null);
      }
      var built = new LinkedHashMap<String, Element>();
      elements.forEach((id, e) -> built.put(id, e.build()));
      diagrams.add(new Diagram(pi.getId(), pi.getProcessDefinitionKey(), pi.getProcessDefinitionName(),
          pi.getProcessDefinitionVersion(), pi.getEndTime() == null, local(pi.getStartTime()),
          pi.getEndTime() == null ? null : local(pi.getEndTime()), xml(pi.getProcessDefinitionId()), built,
          completedBy));
    }
    return diagrams;
  }

  /**
   * Who completed each task of the process instance that a signed-in person completed (task id →
   * user id): a lead completes a task from the queue without being its assignee.
   */
  private Map<String, String> completers(String processInstanceId) {
    var by = new LinkedHashMap<String, String>();
    for (UserOperationLogEntry e : history.createUserOperationLogQuery().processInstanceId(processInstanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
      if (e.getTaskId() != null && e.getUserId() != null) {
        by.putIfAbsent(e.getTaskId(), e.getUserId());
      }
    }
    return by;
  }

  private String xml(String processDefinitionId) {
    return xml.computeIfAbsent(processDefinitionId, id -> {
      try (InputStream in = repository.getProcessModel(id)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private String name(Map<String, String> names, String userId) {
    return names.computeIfAbsent(userId, users::displayName);
  }

  private String local(Date date) {
    return shopTime.local(date.toInstant());
  }

  private final class ElementBuilder {
    final Set<String> markers = new LinkedHashSet<>();
    final List<Happening> happenings = new ArrayList<>();

    void add(Date at, String what, String who) {
      happenings.add(new Happening(local(at), what, who == null ? "careflow" : who));
    }

    Element build() {
      happenings.sort(java.util.Comparator.comparing(Happening::at));
      return new Element(List.copyOf(markers), List.copyOf(happenings));
    }
  }
}
