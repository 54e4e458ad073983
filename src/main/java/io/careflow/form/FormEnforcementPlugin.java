package io.careflow.form;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every user task that shows a Camunda Form ({@code camunda:formRef}) the
 * {@link EnforceTaskFormListener} on complete, in every model, so a task a designer adds in
 * Camunda Modeler is checked against its form without Java. It runs first of all complete
 * listeners: a refused completion then refuses with the form's whole verdict, before any
 * other listener has acted on the values.
 */
@Component
public class FormEnforcementPlugin extends AbstractProcessEnginePlugin {

  static final String LISTENER = "${enforceTaskFormListener}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    // first in the list, whatever order the plugins run in: built-in listeners run in the
    // order the parse listeners add them
    listeners.add(0, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        if (definition.getCamundaFormDefinitionKey() != null) {
          definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, new DelegateExpressionTaskListener(
              configuration.getExpressionManager().createExpression(LISTENER), List.of()));
        }
      }
    });
  }
}
