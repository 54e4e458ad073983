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
 * An agent went AWAY: every open task routing (or a lead) gave them and they did not take on
 * themselves — not claimed by them in Tasklist — goes back through routing without them.
 */
@Service
public class AwayRerouting {

  private final TaskRerouter rerouter;
  private final UserDirectory users;
  private final EngineAsSystem asSystem;
  private final TaskService taskService;

  public AwayRerouting(TaskRerouter rerouter, UserDirectory users, EngineAsSystem asSystem, ProcessEngine engine) {
    this.rerouter = rerouter;
    this.users = users;
    this.asSystem = asSystem;
    this.taskService = engine.getTaskService();
  }

  /** Re-routes the agent's unstarted tasks, oldest first; returns how many were re-routed. */
  public int rerouteUnstarted(String agentId, String setBy) {
    List<String> taskIds = asSystem.call(() -> taskService.createTaskQuery().taskAssignee(agentId).active()
        .orderByTaskCreateTime().asc().listPage(0, TaskRerouter.MAX_REROUTED).stream().map(Task::getId).toList());
    String name = asSystem.call(() -> users.displayName(agentId));
    return rerouter.rerouteEach(taskIds, new Away(agentId, name, setBy));
  }

  private record Away(String agentId, String name, String setBy) implements TaskRerouter.Occasion {

    @Override
    public Cause cause() {
      return Cause.AGENT_AWAY;
    }

    /** Still theirs, and given by routing or a lead: a task they claimed themselves is started and stays. */
    @Override
    public boolean concerns(Task task, Decision latest) {
      return agentId.equals(task.getAssignee()) && agentId.equals(latest.assignee());
    }

    @Override
    public String excluded() {
      return agentId;
    }

    @Override
    public boolean requeues() {
      return true;
    }

    @Override
    public String reason(String picked) {
      return "re-routed because " + name + " is away: " + picked;
    }

    @Override
    public String detail() {
      return " (set away by " + setBy + ")";
    }
  }
}
