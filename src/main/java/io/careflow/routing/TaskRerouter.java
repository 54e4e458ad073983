package io.careflow.routing;

import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.routing.AgentPicker.Pick;
import io.careflow.routing.AgentPicker.Request;
import io.careflow.routing.Routing.Cause;
import io.careflow.routing.RoutingDecisionRepository.Decision;
import io.careflow.system.EngineAsSystem;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The step every re-routing shares: a task routing decided on before goes to the
 * {@link AgentPicker} again with what its latest decision says it needs (step, groups,
 * skills), is assigned, and the decision is kept — each task in a transaction of its own, so
 * a task completed meanwhile does not undo the others. What differs between re-routings is
 * their {@link Occasion}.
 */
@Component
class TaskRerouter {

  /** Tasks re-routed at most per occasion: more than an agent ever holds, a bound on the work of one request. */
  static final int MAX_REROUTED = 500;

  private static final Logger LOG = LoggerFactory.getLogger(TaskRerouter.class);

  private final AgentPicker picker;
  private final RoutingDecisionRepository decisions;
  private final DecisionRecorder recorder;
  private final ContactRepository contacts;
  private final EngineAsSystem asSystem;
  private final TaskService taskService;
  private final Clock clock;

  TaskRerouter(AgentPicker picker, RoutingDecisionRepository decisions, DecisionRecorder recorder,
      ContactRepository contacts, EngineAsSystem asSystem, ProcessEngine engine, Clock clock) {
    this.picker = picker;
    this.decisions = decisions;
    this.recorder = recorder;
    this.contacts = contacts;
    this.asSystem = asSystem;
    this.taskService = engine.getTaskService();
    this.clock = clock;
  }

  /** What made careflow route tasks again, and which of them it concerns. */
  interface Occasion {

    Cause cause();

    /** Whether the task, as it is now and as routing last left it, is still this occasion's to re-route. */
    boolean concerns(Task task, Decision latest);

    /** The agent the task must not go to (null: anyone may get it). */
    String excluded();

    /** Whether a task no one can take goes to the team queue (and is recorded) or stays as it was. */
    boolean requeues();

    /** The reason the task form shows, around the picker's. */
    String reason(String picked);

    /** The end of the event on the contact: who set this off. */
    String detail();
  }

  /** Re-routes each of {@code taskIds} the occasion concerns; returns how many got a new decision. */
  int rerouteEach(List<String> taskIds, Occasion occasion) {
    int rerouted = 0;
    for (String taskId : taskIds) {
      try {
        if (asSystem.callInNewTransaction(() -> reroute(taskId, occasion))) {
          rerouted++;
        }
      } catch (ProcessEngineException e) {
        LOG.warn("Task {} was not re-routed ({}): {}", taskId, occasion.cause(), e.getMessage());
      }
    }
    return rerouted;
  }

  private boolean reroute(String taskId, Occasion occasion) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    Decision latest = task == null ? null : decisions.latest(taskId).orElse(null);
    if (latest == null || !occasion.concerns(task, latest)) {
      return false;
    }
    Contact contact = latest.contactId() == null ? null : contacts.find(latest.contactId()).orElse(null);
    Pick pick = picker.pick(new Request(latest.step(), latest.groups(), latest.skills(),
        contact == null ? null : contact.customerId(), contact != null && contact.channel() == Channel.CHAT, null,
        occasion.excluded()));
    if (pick.queued() && !occasion.requeues()) {
      return false;
    }
    String reason = occasion.reason(pick.reason());
    taskService.setAssignee(taskId, pick.assignee());
    taskService.setVariableLocal(taskId, Routing.FORM_ROUTING_REASON, reason);
    recorder.routed(Decision.picked(latest.task(), pick, occasion.cause(), reason, clock.instant()), task.getName(),
        occasion.detail());
    return true;
  }
}
