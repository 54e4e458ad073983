package io.careflow.routing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The listener that routes every new task: on creation of every user task of every model
 * (added by {@code contact.CaseTaskFormPlugin}, after the form context) it hands the task to
 * {@link NewTaskRouting} — routing.dmn names its team and skills, {@link AgentPicker} its agent
 * or the team queue, and the reason goes into the form. A designer's new task is routed
 * without touching Java.
 */
@Component
public class RouteTaskListener implements TaskListener {

  private final NewTaskRouting routing;

  public RouteTaskListener(NewTaskRouting routing) {
    this.routing = routing;
  }

  @Override
  public void notify(DelegateTask task) {
    routing.route(task);
  }
}
