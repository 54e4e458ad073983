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
 * first). Each card shows the customer, subject, channel, topic and exact due time ({@link #COLUMNS});
 * Tasklist itself opens them sorted by due date, soonest first (the custom script
 * {@code tasklist/careflow/due-first.js}). They are stored queries with {@code currentUser()} expressions, created
 * through the Java API — the REST API refuses expressions in queries (see
 * {@link QueryExpressionGuard}).
 */
@Component
@Order(20)
public class TasklistFilters implements ApplicationRunner {

  public static final String MY_TASKS = "My tasks";
  public static final String MY_TEAMS_TASKS = "My teams' tasks";
  public static final String DUE_SOON = "Due soon";

  /**
   * What every card shows: task-local copies of the case's facts (agents may read a task's own
   * variables, not its process's), kept by {@code contact.CaseFacts}.
   */
  static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "customerName", "label", "Customer"),
      Map.of("name", "caseSubject", "label", "Subject"),
      Map.of("name", "caseChannel", "label", "Channel"),
      Map.of("name", "caseTopic", "label", "Topic"),
      Map.of("name", "caseDue", "label", "Due"));

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
    Map<String, Object> properties = Map.of("priority", priority, "description", description, "refresh", true,
        "variables", COLUMNS);
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      filter.setProperties(properties);
      filter.setQuery(query);
      filter = filterService.saveFilter(filter);
    } else if (!properties.equals(filter.getProperties())) {
      // an upgrade: the filter an earlier careflow created gets this one's columns
      filter.setProperties(properties);
      filter = filterService.saveFilter(filter);
    }
    for (String group : List.of(Groups.AGENTS, Groups.MANAGERS, Groups.TEAM_LEADS)) {
      identitySetup.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
