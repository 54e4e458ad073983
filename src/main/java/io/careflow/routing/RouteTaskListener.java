package io.careflow.routing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Route the task": on creation of every user task of every model (added by
 * {@code contact.CaseTaskFormPlugin}, after the form context), routing.dmn names its team
 * and skills and {@link TaskRouter} its agent, or the team queue; the reason goes into the
 * form. A designer's new task is routed without touching Java.
 */
@Component
public class RouteTaskListener implements TaskListener {

  private final TaskRouting routing;

  public RouteTaskListener(TaskRouting routing) {
    this.routing = routing;
  }

  @Override
  public void notify(DelegateTask task) {
    routing.routeNew(task);
  }
}
