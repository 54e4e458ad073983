package io.careflow.form;

import io.careflow.system.EngineRefusalPlugin;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The refusals of the rules a form cannot express (rules across fields, kept in the Java complete
 * listeners of the task), asked for when the form itself already refuses the completion: so one
 * submit names every refused field, the form's and Java's, instead of the Java rules speaking only
 * in a second round.
 *
 * <p>It runs the task's complete listeners that come after the form's check, catching what they
 * refuse. The completion is refused in any case, so the engine rolls back whatever they did in the
 * meantime (no listener sends anything itself: outside calls are asynchronous service tasks). A
 * listener that cannot even read the values the form refuses (a number that is text) fails in its
 * own way; that says nothing the form's refusal does not, and is left out. A field the form
 * already refuses keeps the form's words.
 */
@Component
public class CrossFieldRules {

  private static final Logger LOG = LoggerFactory.getLogger(CrossFieldRules.class);

  private final FormRefusals refusals;

  public CrossFieldRules(FormRefusals refusals) {
    this.refusals = refusals;
  }

  /**
   * @param after   the delegate expression of the listener whose followers run ({@code ${enforceTaskFormListener}})
   * @param refused the fields already refused: their refusals by Java are left out
   * @return the refusals of the listeners after {@code after}, one per listener at most, in their order
   */
  List<FormViolation> refusals(DelegateTask task, String after, Set<String> refused) {
    if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
      return List.of();
    }
    List<TaskListener> listeners = entity.getTaskDefinition().getAllTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
    var found = new ArrayList<FormViolation>();
    boolean following = false;
    for (TaskListener listener : List.copyOf(listeners)) {
      if (!following) {
        following = listener instanceof DelegateExpressionTaskListener named && after.equals(named.getExpressionText());
        continue;
      }
      try {
        listener.notify(task);
      } catch (RuntimeException e) {
        FormFieldValidationException refusal = EngineRefusalPlugin.refusal(e);
        if (refusal == null) {
          LOG.debug("A complete listener of task {} cannot read the values its form refuses: {}", task.getId(),
              e.toString());
          continue;
        }
        violations(task, refusal).stream().filter(v -> !refused.contains(v.key())).forEach(found::add);
      }
    }
    return found;
  }

  private List<FormViolation> violations(DelegateTask task, FormFieldValidationException refusal) {
    if (refusal instanceof FormRefusal known) {
      return known.violations();
    }
    // refused by TaskFormInput.reject without the form's labels: "key: message"
    Object detail = refusal.getDetail();
    Collection<?> keys = detail instanceof Collection<?> many ? many : detail == null ? List.of() : List.of(detail);
    String key = keys.isEmpty() ? "" : keys.iterator().next().toString();
    String message = refusal.getMessage() == null ? "is refused" : refusal.getMessage();
    if (message.startsWith(key + ": ")) {
      message = message.substring(key.length() + 2);
    }
    return List.of(new FormViolation(key, refusals.label(task, key), message));
  }
}
