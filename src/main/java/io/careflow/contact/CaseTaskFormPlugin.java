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
 * Gives every user task of every model the {@link TaskFormContextListener} on create, as a
 * built-in listener (it runs before the model's own listeners). A designer who adds a task
 * in Camunda Modeler gets the customer context in its form without touching Java.
 */
@Component
public class CaseTaskFormPlugin extends AbstractProcessEnginePlugin {

  static final String LISTENER_BEAN = "${taskFormContextListener}";

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
        TaskListener listener = new DelegateExpressionTaskListener(
            configuration.getExpressionManager().createExpression(LISTENER_BEAN), List.of());
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
      }
    });
  }
}
