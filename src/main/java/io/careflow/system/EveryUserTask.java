package io.careflow.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * careflow's one way to give every user task of every model something of its own as the engine
 * parses the model — so a task a designer adds in Camunda Modeler gets it without Java. Built-in
 * listeners added here run before the model's own listeners, in the order they were added.
 */
public final class EveryUserTask {

  /** What to do with one user task: its definition (to add listeners) and its element (extension properties). */
  @FunctionalInterface
  public interface Parsed {
    void userTask(TaskDefinition definition, Element element);
  }

  private EveryUserTask() {}

  /** Adds the step after those added before. Call it from a plugin's {@code preInit}. */
  public static void add(ProcessEngineConfigurationImpl configuration, Parsed parsed) {
    listeners(configuration).add(listener(parsed));
  }

  /** Adds the step before every other, whatever order the plugins run in. */
  public static void addFirst(ProcessEngineConfigurationImpl configuration, Parsed parsed) {
    listeners(configuration).add(0, listener(parsed));
  }

  /** A task listener calling the bean of a delegate expression such as {@code ${taskFormNoteListener}}. */
  public static TaskListener bean(ProcessEngineConfigurationImpl configuration, String delegateExpression) {
    return new DelegateExpressionTaskListener(configuration.getExpressionManager().createExpression(delegateExpression),
        List.of());
  }

  private static List<BpmnParseListener> listeners(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    return listeners;
  }

  private static BpmnParseListener listener(Parsed parsed) {
    return new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        parsed.userTask(((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition(), userTaskElement);
      }
    };
  }
}
