package io.careflow.system;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every agent and manager starts from, created once at start:
 * "My tasks", "My teams' tasks" (the candidate groups of the current user, claimed or
 * not) and "Due soon" (mine and my teams' unclaimed tasks due within a day, soonest
 * first). They are stored queries with {@code currentUser()} expressions, created
 * through the Java API — the REST API refuses expressions in queries (see
 * {@link QueryExpressionGuard}).
 */
@Component
@Order(20)
public class TasklistFilters implements ApplicationRunner {

  public static final String MY_TASKS = "My tasks";
  public static final String MY_TEAMS_TASKS = "My teams' tasks";
  public static final String DUE_SOON = "Due soon";

  private static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "channel", "label", "Channel"),
      Map.of("name", "topic", "label", "Topic"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentitySetup identitySetup;

  public TasklistFilters(FilterService filterService, TaskService taskService, IdentitySetup identitySetup) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.identitySetup = identitySetup;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure(MY_TASKS, -10, "Tasks assigned to me",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(MY_TEAMS_TASKS, -5, "Tasks of my teams, claimed or not",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc());
    ensure(DUE_SOON, 0, "Mine and my teams' unclaimed tasks due within a day",
        taskService.createTaskQuery()
            .or().taskAssigneeExpression("${currentUser()}")
            .taskCandidateGroupInExpression("${currentUserGroups()}").endOr()
            .dueBeforeExpression("${dateTime().plusDays(1).toDate()}")
            .orderByDueDate().asc());
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    // the first, should there be two: a cluster whose nodes once started together without the
    // start-up lock may hold a filter twice, and careflow must still start
    Filter filter = filterService.createFilterQuery().filterName(name).filterResourceType("Task").list().stream()
        .findFirst().orElse(null);
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      filter.setProperties(Map.<String, Object>of("priority", priority, "description", description, "refresh", true,
          "variables", COLUMNS));
      filter.setQuery(query);
      filter = filterService.saveFilter(filter);
    }
    for (String group : List.of(Groups.AGENTS, Groups.MANAGERS, Groups.TEAM_LEADS)) {
      identitySetup.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
