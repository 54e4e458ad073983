package io.careflow.contact;

import java.util.List;
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
 * priority), then routing ({@code routing.RouteTaskListener}: team, skills, agent, and why); on
 * complete the {@link TaskFormNoteListener} (a note about the customer) and the
 * {@link CommunicationStyleListener}. A designer who adds a task in Camunda Modeler gets them
 * without touching Java.
 */
@Component
public class CaseTaskFormPlugin extends AbstractProcessEnginePlugin {

  static final String CREATE_LISTENER = "${taskFormContextListener}";
  static final String ROUTING_LISTENER = "${routeTaskListener}";
  static final String NOTE_LISTENER = "${taskFormNoteListener}";
  static final String STYLE_LISTENER = "${communicationStyleListener}";

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
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener(NOTE_LISTENER));
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener(STYLE_LISTENER));
      }

      private TaskListener listener(String bean) {
        return new DelegateExpressionTaskListener(configuration.getExpressionManager().createExpression(bean),
            List.of());
      }
    });
  }
}
