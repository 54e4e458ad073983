package io.careflow.routing;

import io.careflow.contact.CaseVariables;
import io.careflow.contact.Channel;
import io.careflow.contact.Contact;
import io.careflow.contact.ContactEvents;
import io.careflow.contact.ContactRepository;
import io.careflow.routing.Routing.Cause;
import io.careflow.routing.Routing.Method;
import io.careflow.routing.RoutingDecisions.Decision;
import io.careflow.routing.RoutingTable.Requirement;
import io.careflow.routing.RoutingTable.Situation;
import io.careflow.routing.TaskRouter.Request;
import io.careflow.routing.TaskRouter.Routed;
import io.careflow.sla.BusinessHoursProperties;
import io.careflow.system.ConflictException;
import io.careflow.system.Groups;
import io.careflow.system.NotFoundException;
import io.careflow.system.RequestValidator;
import io.careflow.system.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Routes tasks and records why (SPEC R4): when a task is created ({@link RouteTaskListener}),
 * when its agent goes away, when an agent becomes available again (the team queue), and when a
 * team lead reassigns it. Each decision sets the
 * task's assignee (or leaves it in the team queue) and its {@code routingReason}, stores a
 * {@code routing_decision} row and records an event on the contact. The engine is asked
 * as the system: routing happens inside the command of whoever completed the previous
 * task, and their permissions must not hide colleagues or the routing table.
 */
@Service
public class TaskRouting {

  private static final Logger LOG = LoggerFactory.getLogger(TaskRouting.class);
  /** Re-routed at most per switch to AWAY: more than an agent ever holds, a bound on the work of one request. */
  static final int MAX_REROUTED = 500;

  private final RoutingTable table;
  private final TaskRouter router;
  private final RoutingDecisions decisions;
  private final AgentDirectory directory;
  private final AgentProfiles profiles;
  private final ContactRepository contacts;
  private final ContactEvents events;
  private final UserDirectory users;
  private final RequestValidator validator;
  private final BusinessHoursProperties shopTime;
  private final Clock clock;
  private final TaskService taskService;
  private final CommandExecutor commands;
  private final CommandExecutor newTransaction;

  public TaskRouting(RoutingTable table, TaskRouter router, RoutingDecisions decisions, AgentDirectory directory,
      AgentProfiles profiles, ContactRepository contacts, ContactEvents events, UserDirectory users,
      RequestValidator validator, BusinessHoursProperties shopTime, Clock clock, ProcessEngine engine) {
    this.table = table;
    this.router = router;
    this.decisions = decisions;
    this.directory = directory;
    this.profiles = profiles;
    this.contacts = contacts;
    this.events = events;
    this.users = users;
    this.validator = validator;
    this.shopTime = shopTime;
    this.clock = clock;
    this.taskService = engine.getTaskService();
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.commands = configuration.getCommandExecutorTxRequired();
    this.newTransaction = configuration.getCommandExecutorTxRequiresNew();
  }

  /**
   * A new task: the table's team replaces the model's group (unless the model offers the
   * task to team leads or to every agent; a case a senior agent took over goes to the team leads), the skills are the table's plus the customer's
   * language and, for a chat, the chat skill; then the agent is picked.
   */
  public void routeNew(DelegateTask task) {
    asSystem(commands, () -> {
      String contactId = CaseVariables.contactId(task);
      Contact contact = contactId == null ? null : contacts.find(contactId).orElse(null);
      String channel = CaseVariables.string(task, CaseVariables.CHANNEL);
      String language = firstNonNull(CaseVariables.string(task, CaseVariables.LANGUAGE),
          contact == null ? null : contact.language());
      // the product of a registered replacement request, else the one the contact named
      String productSku = firstNonNull(CaseVariables.string(task, Routing.INPUT_PRODUCT_SKU),
          contact == null ? null : contact.productSku());
      String step = task.getTaskDefinitionKey();
      Requirement needs = table.requirement(new Situation(step, CaseVariables.string(task, CaseVariables.PROTOCOL_KEY),
          CaseVariables.string(task, CaseVariables.TOPIC), channel, language, productSku));
      // a senior agent took the case over (communication style, at any step): its tasks go to
      // the team leads, whichever group the model or the table names
      String team = Groups.TEAM_LEADS.equals(CaseVariables.string(task, CaseVariables.TEAM)) ? Groups.TEAM_LEADS
          : needs.team();
      List<String> groups = candidateGroups(task, team);
      boolean chat = Channel.CHAT.name().equals(channel);
      List<String> skills = skills(needs.skills(), language, chat);

      Routed routed = router.route(new Request(step, groups, skills, contact == null ? null : contact.customerId(),
          chat, task.getAssignee(), null));
      if (!Objects.equals(routed.assignee(), task.getAssignee())) {
        task.setAssignee(routed.assignee());
      }
      task.setVariableLocal(Routing.FORM_ROUTING_REASON, routed.reason());
      record(new Decision(task.getId(), contactId, step, groups, skills, routed.assignee(), routed.method(),
          Cause.TASK_CREATED, routed.reason(), ContactEvents.SYSTEM, clock.instant()), task.getName(), "");
      return null;
    });
  }

  /**
   * The agent went away: every open task routing (or a lead) gave them and they did not
   * take on themselves — not claimed by them in Tasklist — goes back through routing
   * without them, each in a transaction of its own, so a task completed meanwhile does not
   * undo the others. Returns how many were re-routed.
   */
  public int rerouteUnstarted(String agentId, String setBy) {
    List<String> taskIds = asSystem(commands, () -> taskService.createTaskQuery().taskAssignee(agentId).active()
        .orderByTaskCreateTime().asc().listPage(0, MAX_REROUTED).stream().map(Task::getId).toList());
    int rerouted = 0;
    for (String taskId : taskIds) {
      try {
        if (asSystem(newTransaction, () -> rerouteAway(taskId, agentId, setBy))) {
          rerouted++;
        }
      } catch (ProcessEngineException e) {
        LOG.warn("Task {} of {} (away) was not re-routed: {}", taskId, agentId, e.getMessage());
      }
    }
    return rerouted;
  }

  private boolean rerouteAway(String taskId, String agentId, String setBy) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || !agentId.equals(task.getAssignee())) {
      return false;
    }
    Decision latest = decisions.latest(taskId).orElse(null);
    if (latest == null || !agentId.equals(latest.assignee())) {
      return false; // she claimed it herself: started, it stays with her
    }
    Contact contact = latest.contactId() == null ? null : contacts.find(latest.contactId()).orElse(null);
    Routed routed = router.route(new Request(latest.step(), latest.groups(), latest.skills(),
        contact == null ? null : contact.customerId(), contact != null && contact.channel() == Channel.CHAT, null,
        agentId));
    String reason = "re-routed because " + users.displayName(agentId) + " is away: " + routed.reason();
    taskService.setAssignee(taskId, routed.assignee());
    taskService.setVariableLocal(taskId, Routing.FORM_ROUTING_REASON, reason);
    record(new Decision(taskId, latest.contactId(), latest.step(), latest.groups(), latest.skills(),
        routed.assignee(), routed.method(), Cause.AGENT_AWAY, reason, ContactEvents.SYSTEM, clock.instant()),
        task.getName(), " (set away by " + setBy + ")");
    return true;
  }

  /**
   * The agent is available again, or has more room: the tasks waiting in the queue of their
   * groups that routing left there (not a task somebody handed back) go through routing
   * again, the most urgent (earliest due) first, each in a transaction of its own. Routing
   * decides as for a new task — the returning agent, or whoever fits better; a task still
   * nobody can take stays in the queue and records nothing. Returns how many were assigned.
   */
  public int routeQueued(String agentId, String setBy) {
    List<String> groups = directory.groupsOf(agentId);
    if (groups.isEmpty()) {
      return 0;
    }
    List<String> taskIds = asSystem(commands, () -> taskService.createTaskQuery().taskCandidateGroupIn(groups)
        .active().orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, MAX_REROUTED).stream()
        .map(Task::getId).toList());
    int assigned = 0;
    for (String taskId : taskIds) {
      try {
        if (asSystem(newTransaction, () -> routeFromQueue(taskId, agentId, groups, setBy))) {
          assigned++;
        }
      } catch (ProcessEngineException e) {
        LOG.warn("Queued task {} was not routed when {} became available: {}", taskId, agentId, e.getMessage());
      }
    }
    return assigned;
  }

  private boolean routeFromQueue(String taskId, String agentId, List<String> agentGroups, String setBy) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getAssignee() != null) {
      return false;
    }
    Decision latest = decisions.latest(taskId).orElse(null);
    if (latest == null || latest.assignee() != null) {
      return false; // not queued by routing: handed back by an agent, or older than routing
    }
    if (!agentGroups.containsAll(latest.skills())) {
      return false; // a task the returning agent cannot take waited for a good reason: it still does
    }
    Contact contact = latest.contactId() == null ? null : contacts.find(latest.contactId()).orElse(null);
    Routed routed = router.route(new Request(latest.step(), latest.groups(), latest.skills(),
        contact == null ? null : contact.customerId(), contact != null && contact.channel() == Channel.CHAT, null,
        null));
    if (routed.queued()) {
      return false;
    }
    String reason = "from the team queue, " + users.displayName(agentId) + " being available: " + routed.reason();
    taskService.setAssignee(taskId, routed.assignee());
    taskService.setVariableLocal(taskId, Routing.FORM_ROUTING_REASON, reason);
    record(new Decision(taskId, latest.contactId(), latest.step(), latest.groups(), latest.skills(),
        routed.assignee(), routed.method(), Cause.AGENT_AVAILABLE, reason, ContactEvents.SYSTEM, clock.instant()),
        task.getName(), " (set available by " + setBy + ")");
    return true;
  }

  /**
   * A team lead gives the task to an agent, with a reason that the task form shows and the
   * contact's record keeps. 404 for a task that is not open, 400 for bad input (every field),
   * 409 when the agent is away.
   */
  public AssignmentView reassign(String taskId, Reassignment request, String lead) {
    Task task = asSystem(commands, () -> taskService.createTaskQuery().taskId(taskId).singleResult());
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
    String reason = "reassigned by " + users.displayName(lead) + ": " + request.reason().strip();
    Instant now = clock.instant();
    return asSystem(commands, () -> {
      Decision latest = decisions.latest(taskId).orElse(null);
      String contactId = latest != null ? latest.contactId()
          : (String) taskService.getVariable(taskId, CaseVariables.CONTACT_ID);
      List<String> groups = latest != null ? latest.groups() : taskService.getIdentityLinksForTask(taskId).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      taskService.setAssignee(taskId, assignee);
      taskService.setVariableLocal(taskId, Routing.FORM_ROUTING_REASON, reason);
      decisions.insert(new Decision(taskId, contactId, task.getTaskDefinitionKey(), groups,
          latest != null ? latest.skills() : List.of(), assignee, Method.MANUAL, Cause.REASSIGNED, reason, lead, now));
      if (contactId != null) {
        events.record(contactId, Routing.EVENT_REASSIGNED, lead, task.getName() + ": "
            + (task.getAssignee() == null ? "team queue" : task.getAssignee()) + " → " + assignee + ": "
            + request.reason().strip());
      }
      return new AssignmentView(taskId, task.getName(), contactId, assignee, users.displayName(assignee),
          task.getAssignee(), reason, lead, now.atZone(shopTime.zone()).toOffsetDateTime());
    });
  }

  /** The model's candidate groups, or the table's team in their place. */
  private static List<String> candidateGroups(DelegateTask task, String team) {
    List<String> model = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
        .distinct().toList();
    if (team == null || model.stream().anyMatch(Routing.GROUPS_THE_MODEL_KEEPS::contains)) {
      return model;
    }
    for (String group : model) {
      if (!group.equals(team)) {
        removeCandidateGroup(task, group);
      }
    }
    if (!model.contains(team)) {
      task.addCandidateGroup(team);
    }
    return List.of(team);
  }

  /**
   * Takes a group off a task being created. The engine's {@code deleteCandidateGroup} looks the
   * link up in the database, where the link the model gave this new task is not written yet (it
   * found nothing, and the model's group stayed beside the table's); so the link the task holds
   * is removed and deleted itself.
   */
  private static void removeCandidateGroup(DelegateTask task, String group) {
    if (task instanceof TaskEntity entity) {
      for (IdentityLinkEntity link : List.copyOf(entity.getIdentityLinks())) {
        if (group.equals(link.getGroupId()) && IdentityLinkType.CANDIDATE.equals(link.getType())) {
          entity.getIdentityLinks().remove(link);
          link.delete();
        }
      }
    } else {
      task.deleteCandidateGroup(group);
    }
  }

  /** The table's skills, the customer's language where agents have it as a skill, and chat for a chat. */
  private List<String> skills(List<String> fromTable, String language, boolean chat) {
    var skills = new ArrayList<String>();
    if (language != null && !language.isBlank()) {
      String spoken = Groups.LANG_PREFIX + language.strip().toLowerCase(Locale.ROOT);
      if (directory.groupExists(spoken)) {
        skills.add(spoken);
      }
    }
    fromTable.stream().filter(skill -> !skills.contains(skill)).forEach(skills::add);
    if (chat && !skills.contains(Groups.CHANNEL_CHAT)) {
      skills.add(Groups.CHANNEL_CHAT);
    }
    return skills;
  }

  private void record(Decision decision, String taskName, String detailSuffix) {
    decisions.insert(decision);
    if (decision.contactId() != null) {
      events.record(decision.contactId(), Routing.EVENT_ROUTED, ContactEvents.SYSTEM,
          "%s → %s: %s (%s; skills: %s)%s".formatted(taskName,
              decision.assignee() == null ? "team queue" : decision.assignee(), decision.reason(),
              decision.groups().isEmpty() ? "no team" : String.join(", ", decision.groups()),
              decision.skills().isEmpty() ? "none" : String.join(", ", decision.skills()), detailSuffix));
    }
  }

  private static <T> T asSystem(CommandExecutor executor, Callable<T> work) {
    return executor.execute(context -> context.runWithoutAuthorization(work));
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }
}
