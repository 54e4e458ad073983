package io.careflow.model.templates;

import static io.careflow.model.templates.ElementTemplate.ATTRIBUTE;
import static io.careflow.model.templates.ElementTemplate.EXTENSION_PROPERTY;
import static io.careflow.model.templates.ElementTemplate.INPUT;

import io.careflow.model.BuildingBlock;
import io.careflow.model.templates.ElementTemplate.Listener;
import io.careflow.model.templates.ElementTemplate.Property;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A template against the code: the beans it names exist and are building blocks of the right
 * kind, every input or extension property it sets is one its blocks read, and every one they
 * require is there and cannot be left empty. A template's blocks are the bean of its delegate
 * expression, the task listeners it asks the designer to add, beans named in its fixed values
 * ({@code ${topicCatalog.formOptions()}}) and the blocks an extension property it sets switches on
 * (the guarded step's {@code deadline}).
 */
final class BlockBindingCheck {

  static final String DELEGATE_EXPRESSION = "camunda:delegateExpression";
  /** The first name of an expression: {@code ${recordOutcomeDelegate}}, {@code ${topicCatalog.formOptions()}}. */
  private static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*[.}]");
  /** Names the engine gives an expression itself; they are no beans. */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId");
  private static final Set<String> TASK_EVENTS = Set.of(TaskListener.EVENTNAME_CREATE,
      TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE,
      TaskListener.EVENTNAME_DELETE, TaskListener.EVENTNAME_TIMEOUT);

  private final BuildingBlocks beans;

  BlockBindingCheck(BuildingBlocks beans) {
    this.beans = beans;
  }

  List<String> problems(ElementTemplate template) {
    var problems = new ArrayList<String>();
    Map<String, BuildingBlock> blocks = blocksOf(template, problems);
    if (blocks.isEmpty()) {
      problems.add(template.where() + ": names no building block (a @BuildingBlock bean)");
      return problems;
    }
    Set<String> inputs = new TreeSet<>();
    Set<String> properties = new TreeSet<>();
    blocks.values().forEach(block -> {
      inputs.addAll(Arrays.asList(block.inputs()));
      properties.addAll(Arrays.asList(block.properties()));
    });
    for (Property input : template.bindings(INPUT)) {
      if (!inputs.contains(input.bindingName())) {
        problems.add(template.where() + ": sets input '" + input.bindingName() + "', which " + names(blocks)
            + " does not read; it reads " + inputs);
      }
    }
    for (Property property : template.bindings(EXTENSION_PROPERTY)) {
      if (!properties.contains(property.bindingName())) {
        problems.add(template.where() + ": sets extension property '" + property.bindingName() + "', which "
            + names(blocks) + " does not read");
      }
    }
    blocks.forEach((bean, block) -> {
      for (String required : block.required()) {
        Optional<Property> bound = template.binding(INPUT, required).or(() -> template.binding(EXTENSION_PROPERTY,
            required));
        if (bound.isEmpty()) {
          problems.add(template.where() + ": " + bean + " (" + block.value() + ") requires the input '" + required
              + "': add a property bound to it");
        } else if (!alwaysGiven(bound.get())) {
          problems.add(template.where() + ": " + bean + " requires '" + required + "', but the template lets it "
              + "stay empty: mark it notEmpty, fix its value or offer choices");
        }
      }
    });
    return problems;
  }

  /** The building blocks that none of the templates offers. */
  List<String> unoffered(Collection<ElementTemplate> templates) {
    var offered = new TreeSet<String>();
    templates.forEach(t -> offered.addAll(blocksOf(t, new ArrayList<>()).keySet()));
    var problems = new ArrayList<String>();
    beans.blocks().forEach((bean, block) -> {
      if (!offered.contains(bean)) {
        problems.add(bean + " (" + block.value() + ") is a building block that no template of element-templates/ "
            + "offers: add one");
      }
    });
    return problems;
  }

  /** The blocks the template stands for, by bean name; what is wrong with the names goes to {@code problems}. */
  Map<String, BuildingBlock> blocksOf(ElementTemplate template, List<String> problems) {
    var blocks = new LinkedHashMap<String, BuildingBlock>();
    template.binding(ATTRIBUTE, DELEGATE_EXPRESSION).ifPresent(delegate ->
        named(template, delegate.value(), JavaDelegate.class, "its delegate expression", problems)
            .ifPresent(bean -> block(template, bean, problems).ifPresent(block -> blocks.put(bean, block))));
    for (Listener listener : template.taskListeners()) {
      if (!TASK_EVENTS.contains(listener.event())) {
        problems.add(template.where() + ": task listener " + listener.delegateExpression() + " on event '"
            + listener.event() + "', which is none of " + TASK_EVENTS);
      }
      named(template, listener.delegateExpression(), TaskListener.class, "its task listener", problems)
          .ifPresent(bean -> block(template, bean, problems).ifPresent(block -> blocks.put(bean, block)));
    }
    for (Property property : template.properties()) {
      if (property.isHidden() && !DELEGATE_EXPRESSION.equals(property.bindingName())) {
        beanIn(property.value()).ifPresent(bean -> {
          if (beans.bean(bean).isEmpty()) {
            problems.add(template.where() + ": '" + property.label() + "' names bean " + bean
                + ", which careflow does not have");
          }
          beans.block(bean).ifPresent(block -> blocks.put(bean, block));
        });
      }
    }
    for (Property property : template.bindings(EXTENSION_PROPERTY)) {
      beans.blocks().forEach((bean, block) -> {
        if (Arrays.asList(block.properties()).contains(property.bindingName())) {
          blocks.put(bean, block);
        }
      });
    }
    return blocks;
  }

  /** The bean a delegate expression names, if it exists and is of the kind the place needs. */
  private Optional<String> named(ElementTemplate template, String expression, Class<?> kind, String place,
      List<String> problems) {
    Optional<String> bean = beanIn(expression).filter(name -> expression.strip().equals("${" + name + "}"));
    if (bean.isEmpty()) {
      problems.add(template.where() + ": " + place + " must be ${beanName}, was " + expression);
      return Optional.empty();
    }
    Optional<Class<?>> type = beans.bean(bean.get());
    if (type.isEmpty()) {
      problems.add(template.where() + ": " + place + " names bean " + bean.get() + ", which careflow does not have "
          + "(no @Component class " + Character.toUpperCase(bean.get().charAt(0)) + bean.get().substring(1) + ")");
      return Optional.empty();
    }
    if (!kind.isAssignableFrom(type.get())) {
      problems.add(template.where() + ": " + place + " names " + bean.get() + ", which is no " + kind.getSimpleName());
      return Optional.empty();
    }
    return bean;
  }

  private Optional<BuildingBlock> block(ElementTemplate template, String bean, List<String> problems) {
    Optional<BuildingBlock> block = beans.block(bean);
    if (block.isEmpty()) {
      problems.add(template.where() + ": " + bean + " is no building block (no @BuildingBlock): a template offers "
          + "what a designer may use without Java");
    }
    return block;
  }

  private static Optional<String> beanIn(String expression) {
    if (expression == null) {
      return Optional.empty();
    }
    Matcher m = BEAN.matcher(expression.strip());
    return m.find() && !ENGINE_NAMES.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Whether a designer cannot leave the value empty. A dropdown may start on an empty "(choose …)"
   * entry, so that nothing is chosen by accident: careflow refuses to deploy a model that keeps an
   * empty notice or topic (ModelChecks).
   */
  private static boolean alwaysGiven(Property property) {
    if (property.isHidden()) {
      return property.value() != null && !property.value().isBlank();
    }
    if (property.isDropdown()) {
      return property.choices().stream().anyMatch(choice -> !choice.isBlank());
    }
    return property.notEmpty();
  }

  private static String names(Map<String, BuildingBlock> blocks) {
    return String.join(" + ", blocks.keySet());
  }
}
