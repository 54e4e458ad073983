package io.careflow.model.templates;

import io.careflow.model.templates.ElementTemplate.Listener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The models that use careflow's templates carry what a Camunda 7 template cannot set and asks the
 * designer to add by hand: the task listener of a block that is one, the retry cycle of a send.
 * Camunda Modeler marks an element that uses a template with {@code camunda:modelerTemplate}; an
 * element without the mark is the designer's own and not looked at here.
 */
final class TemplatedElementsCheck {

  static final String PREFIX = "io.careflow.";

  private final Map<String, ElementTemplate> templates;

  TemplatedElementsCheck(Collection<ElementTemplate> templates) {
    this.templates = templates.stream().collect(Collectors.toMap(ElementTemplate::id, Function.identity()));
  }

  List<String> problems(String file, BpmnModelInstance model) {
    var problems = new ArrayList<String>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String id = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "modelerTemplate");
      if (id == null || !id.startsWith(PREFIX)) {
        continue;
      }
      String where = file + " (" + element.getId() + ")";
      ElementTemplate template = templates.get(id);
      if (template == null) {
        problems.add(where + " uses template " + id + ", which element-templates/ does not have (renamed or "
            + "removed?): apply a template that exists, or unlink it in Camunda Modeler");
        continue;
      }
      for (Listener listener : template.taskListeners()) {
        boolean present = extensions(element, CamundaTaskListener.class).stream().anyMatch(l ->
            listener.event().equals(l.getCamundaEvent())
                && listener.delegateExpression().equals(l.getCamundaDelegateExpression()));
        if (!present) {
          problems.add(where + " uses " + id + ": add the task listener " + listener.delegateExpression() + " on "
              + listener.event() + " (Task listeners; a Camunda 7 template cannot set it)");
        }
      }
      if (template.retryTimeCycle() != null) {
        boolean present = extensions(element, CamundaFailedJobRetryTimeCycle.class).stream()
            .anyMatch(c -> template.retryTimeCycle().equals(c.getTextContent().strip()));
        if (!present) {
          problems.add(where + " uses " + id + ": set the retry time cycle " + template.retryTimeCycle()
              + " (Job execution; a Camunda 7 template cannot set it)");
        }
      }
    }
    return problems;
  }

  private static <T extends ModelElementInstance> List<T> extensions(BaseElement element, Class<T> type) {
    if (element.getExtensionElements() == null) {
      return List.of();
    }
    return element.getExtensionElements().getElementsQuery().filterByType(type).list();
  }
}
