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
 * Gives every user task of every model the {@link TaskFormContextListener} on create and
 * the {@link TaskFormNoteListener} on complete, as built-in listeners (they run before the
 * model's own listeners). A designer who adds a task in Camunda Modeler gets the customer
 * context in its form, and the note field stored, without touching Java.
 */
@Component
public class CaseTaskFormPlugin extends AbstractProcessEnginePlugin {

  static final String LISTENER_BEAN = "${taskFormContextListener}";
  static final String NOTE_LISTENER_BEAN = "${taskFormNoteListener}";

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
        var task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener(LISTENER_BEAN));
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener(NOTE_LISTENER_BEAN));
      }

      private TaskListener listener(String bean) {
        return new DelegateExpressionTaskListener(configuration.getExpressionManager().createExpression(bean),
            List.of());
      }
    });
  }
}
