package io.careflow.routing;

import io.careflow.routing.Routing.Cause;
import io.careflow.routing.RoutingDecisionRepository.Decision;
import io.careflow.system.EngineAsSystem;
import io.careflow.system.UserDirectory;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * An agent is available again, or has more room: the tasks routing left in the queue of their
 * groups (not a task somebody handed back) go through routing again, the most urgent (earliest
 * due) first. Routing decides as for a new task — the returning agent, or whoever fits better;
 * a task still nobody can take stays in the queue and records nothing.
 */
@Service
public class QueueRerouting {

  private final AgentDirectory directory;
  private final TaskRerouter rerouter;
  private final UserDirectory users;
  private final EngineAsSystem asSystem;
  private final TaskService taskService;

  public QueueRerouting(AgentDirectory directory, TaskRerouter rerouter, UserDirectory users,
      EngineAsSystem asSystem, ProcessEngine engine) {
    this.directory = directory;
    this.rerouter = rerouter;
    this.users = users;
    this.asSystem = asSystem;
    this.taskService = engine.getTaskService();
  }

  /** Routes the queued tasks of the agent's groups; returns how many were assigned. */
  public int routeQueued(String agentId, String setBy) {
    List<String> groups = directory.groupsOf(agentId);
    if (groups.isEmpty()) {
      return 0;
    }
    List<String> taskIds = asSystem.call(() -> taskService.createTaskQuery().taskCandidateGroupIn(groups)
        .active().orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, TaskRerouter.MAX_REROUTED)
        .stream().map(Task::getId).toList());
    String name = asSystem.call(() -> users.displayName(agentId));
    return rerouter.rerouteEach(taskIds, new RoomFreed(groups, name, setBy));
  }

  private record RoomFreed(List<String> agentGroups, String name, String setBy) implements TaskRerouter.Occasion {

    @Override
    public Cause cause() {
      return Cause.AGENT_AVAILABLE;
    }

    /**
     * Still unassigned, queued by routing (not handed back by an agent, nor older than
     * routing), and one the returning agent could take: a task they cannot take waited for a
     * good reason and still does.
     */
    @Override
    public boolean concerns(Task task, Decision latest) {
      return task.getAssignee() == null && latest.assignee() == null && agentGroups.containsAll(latest.skills());
    }

    @Override
    public String excluded() {
      return null;
    }

    @Override
    public boolean requeues() {
      return false;
    }

    @Override
    public String reason(String picked) {
      return "from the team queue, " + name + " being available: " + picked;
    }

    @Override
    public String detail() {
      return " (set available by " + setBy + ")";
    }
  }
}
