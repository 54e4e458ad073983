package io.careflow.contact;

import io.careflow.model.ExtensionProperties;
import io.careflow.sla.GuardedStepListener;
import io.careflow.system.EveryUserTask;
import org.springframework.beans.factory.ObjectProvider;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every model careflow's built-in listeners (they run before the
 * model's own): on create the {@link TaskFormContextListener} (customer context, tone, task
 * priority), then routing ({@code routing.RouteTaskListener}: team, skills, agent, and why), and a
 * reply form's greeting, signature and canned replies ({@code communication.CannedReplyListener}); on
 * complete the {@link TaskFormNoteListener} (a note about the customer), the
 * {@link TaskFormOfferListener} (an offer made to the customer), the {@link TaskFormPerTaskListener}
 * (the conversation algorithm ticked in this task) and the
 * {@link CommunicationStyleListener} and the {@link TaskFormStepListener} (what the step decided, on
 * the case). On create, last, and on every update the card's exact due time ({@link CaseFacts#due});
 * a task with the extension property {@code rules = <decision key>} shows that table's rows in
 * its form ({@link CaseFacts#rules}). A task with the extension property {@code deadline} is a
 * guarded step: after routing, {@link GuardedStepListener} ties it to the case's deadline of that
 * step. A designer who adds a task in Camunda Modeler gets them without touching Java.
 */
@Component
public class CaseTaskFormPlugin extends AbstractProcessEnginePlugin {

  static final String CREATE_LISTENER = "${taskFormContextListener}";
  static final String ROUTING_LISTENER = "${routeTaskListener}";
  static final String CANNED_REPLY_LISTENER = "${cannedReplyListener}";
  static final String NOTE_LISTENER = "${taskFormNoteListener}";
  static final String OFFER_LISTENER = "${taskFormOfferListener}";
  static final String PER_TASK_LISTENER = "${taskFormPerTaskListener}";
  static final String STYLE_LISTENER = "${communicationStyleListener}";
  static final String STEP_LISTENER = "${taskFormStepListener}";
  /** The extension property naming a decision table whose rows the task's form shows ({@link CaseFacts#rules}). */
  public static final String RULES_PROPERTY = "rules";

  private final ObjectProvider<GuardedStepListener> guardedSteps;
  private final ObjectProvider<CaseFacts> facts;

  public CaseTaskFormPlugin(ObjectProvider<GuardedStepListener> guardedSteps, ObjectProvider<CaseFacts> facts) {
    this.guardedSteps = guardedSteps;
    this.facts = facts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.add(configuration, (definition, element) -> {
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, EveryUserTask.bean(configuration, CREATE_LISTENER));
      // after the context: the task is complete (priority set) when its agent gets it
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, EveryUserTask.bean(configuration, ROUTING_LISTENER));
      // after routing, which sets the task's candidate groups: a breached deadline adds the leads
      String step = ExtensionProperties.of(element).get(GuardedStepListener.PROPERTY);
      if (step != null && !step.isBlank()) {
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
            task -> guardedSteps.getObject().created(task, step.strip()));
      }
      String rules = ExtensionProperties.of(element).get(RULES_PROPERTY);
      if (rules != null && !rules.isBlank()) {
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
            task -> facts.getObject().rules(task, rules.strip()));
      }
      // after routing and the deadline: the signature names the agent, a reply may name the due time
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, EveryUserTask.bean(configuration, CANNED_REPLY_LISTENER));
      // last: the due date is final once the guarded step set it; and again whenever it moves
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, task -> facts.getObject().due(task));
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, task -> facts.getObject().due(task));
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, EveryUserTask.bean(configuration, STEP_LISTENER));
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, EveryUserTask.bean(configuration, NOTE_LISTENER));
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, EveryUserTask.bean(configuration, OFFER_LISTENER));
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, EveryUserTask.bean(configuration, PER_TASK_LISTENER));
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, EveryUserTask.bean(configuration, STYLE_LISTENER));
    });
  }
}
