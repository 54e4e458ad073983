package io.careflow.contact;

import io.careflow.model.ExtensionProperties;
import io.careflow.sla.GuardedStepListener;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every model careflow's built-in listeners (they run before the
 * model's own): on create the {@link TaskFormContextListener} (customer context, tone, task
 * priority), then routing ({@code routing.RouteTaskListener}: team, skills, agent, and why),  and, last, a
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
    var listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new java.util.ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener(CREATE_LISTENER));
        // after the context: the task is complete (priority set) when its agent gets it
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener(ROUTING_LISTENER));
        // after routing, which sets the task's candidate groups: a breached deadline adds the leads
        String step = ExtensionProperties.of(userTaskElement).get(GuardedStepListener.PROPERTY);
        if (step != null && !step.isBlank()) {
          definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
              task -> guardedSteps.getObject().created(task, step.strip()));
        }
        String rules = ExtensionProperties.of(userTaskElement).get(RULES_PROPERTY);
        if (rules != null && !rules.isBlank()) {
          definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
              task -> facts.getObject().rules(task, rules.strip()));
        }
        // last: the due date is final once the guarded step set it; and again whenever it moves
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, task -> facts.getObject().due(task));
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, task -> facts.getObject().due(task));
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener(STEP_LISTENER));
        // after routing and the deadline: the signature names the agent, a reply may name the due time
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener(CANNED_REPLY_LISTENER));
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener(NOTE_LISTENER));
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener(OFFER_LISTENER));
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener(PER_TASK_LISTENER));
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener(STYLE_LISTENER));
      }

      private TaskListener listener(String bean) {
        return new DelegateExpressionTaskListener(configuration.getExpressionManager().createExpression(bean),
            List.of());
      }
    });
  }
}
