package io.careflow.routing;

import io.careflow.casefile.CaseVariables;
import io.careflow.routing.RoutingDecisionRepository.Decision;
import io.careflow.routing.RoutingDecisionRepository.RoutedTask;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.ConflictException;
import io.careflow.system.EngineAsSystem;
import io.careflow.system.NotFoundException;
import io.careflow.system.RequestValidator;
import io.careflow.system.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * A team lead gives a task to an agent by hand, with a reason that the task form shows and the
 * contact's record keeps; routing's picker is not asked.
 */
@Service
public class ManualReassignment {

  private final AgentDirectory directory;
  private final AgentProfileRepository profiles;
  private final RoutingDecisionRepository decisions;
  private final DecisionRecorder recorder;
  private final UserDirectory users;
  private final RequestValidator validator;
  private final BusinessHoursProperties shopTime;
  private final Clock clock;
  private final EngineAsSystem asSystem;
  private final TaskService taskService;

  public ManualReassignment(AgentDirectory directory, AgentProfileRepository profiles,
      RoutingDecisionRepository decisions, DecisionRecorder recorder, UserDirectory users, RequestValidator validator,
      BusinessHoursProperties shopTime, Clock clock, EngineAsSystem asSystem, ProcessEngine engine) {
    this.directory = directory;
    this.profiles = profiles;
    this.decisions = decisions;
    this.recorder = recorder;
    this.users = users;
    this.validator = validator;
    this.shopTime = shopTime;
    this.clock = clock;
    this.asSystem = asSystem;
    this.taskService = engine.getTaskService();
  }

  /** 404 for a task that is not open, 400 for bad input (every field), 409 when the agent is away. */
  public AssignmentView reassign(String taskId, Reassignment request, String lead) {
    Task task = asSystem.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      throw new NotFoundException("No open task " + taskId);
    }
    var check = validator.check(request);
    if (request != null && request.assignee() != null && !request.assignee().isBlank()
        && !check.hasProblem("assignee") && !directory.isAgent(request.assignee().strip())) {
      check.add("assignee", "is not an agent of careflow");
    }
    check.throwIfInvalid();
    String assignee = request.assignee().strip();
    if (!profiles.of(assignee).available()) {
      throw new ConflictException(users.displayName(assignee) + " is away: make them available first, or choose "
          + "someone else", Map.of("assignee", assignee, "availability", Availability.AWAY.name()));
    }
    String why = request.reason().strip();
    String reason = "reassigned by " + users.displayName(lead) + ": " + why;
    Instant now = clock.instant();
    return asSystem.call(() -> {
      RoutedTask routed = decisions.latest(taskId).map(Decision::task).orElseGet(() -> unrouted(task));
      taskService.setAssignee(taskId, assignee);
      taskService.setVariableLocal(taskId, Routing.FORM_ROUTING_REASON, reason);
      recorder.reassigned(Decision.byLead(routed, assignee, reason, lead, now), task.getName(), task.getAssignee(),
          why);
      return new AssignmentView(taskId, task.getName(), routed.contactId(), assignee, users.displayName(assignee),
          task.getAssignee(), reason, lead, now.atZone(shopTime.zone()).toOffsetDateTime());
    });
  }

  /** A task routing never decided on (older than routing): its contact and groups as the engine holds them. */
  private RoutedTask unrouted(Task task) {
    String contactId = (String) taskService.getVariable(task.getId(), CaseVariables.CONTACT_ID);
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    return new RoutedTask(task.getId(), contactId, task.getTaskDefinitionKey(), groups, List.of());
  }
}
