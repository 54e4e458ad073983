package io.careflow.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.communication.MessageTemplates;
import io.careflow.casefile.CaseVariables;
import io.careflow.form.CamundaForms;
import io.careflow.form.FormProblem;
import io.careflow.model.BuildingBlock;
import io.careflow.model.DecisionRows;
import io.careflow.model.TopicCatalog;
import io.careflow.sla.GuardedStepListener;
import io.careflow.sla.SlaPolicy;
import io.careflow.sla.SlaVariables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import io.careflow.communication.SendCustomerNoticeDelegate;
import io.careflow.contact.RecordOutcomeDelegate;
import io.careflow.contact.StartProtocolDelegate;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * Refuses a set of designer's files that do not fit together, naming the file and the element,
 * before any contact meets them (at start, or on a deploy request from Camunda Modeler or
 * {@code /engine-rest/deployment/create}, which answers 400 with the problems):
 * <ul>
 *   <li>the classification table: a topic that is not a code in quotes, a topic without a
 *       protocol, two rows giving one topic different protocols or teams, a protocol (also in
 *       the routing table) that no process has, a suggested topic the table does not know;</li>
 *   <li>a user task naming a form ({@code camunda:formRef}) that does not exist, a guarded
 *       step ({@code deadline} property, or a clock step's {@code deadline} input) for which
 *       {@code sla-policy.dmn} has no row;</li>
 *   <li>a notice ({@code ${sendCustomerNoticeDelegate}}, input {@code notice}) whose template
 *       {@code templates/mail/<notice>_<language>.ftlh} is missing in a language the shop writes
 *       in ({@code careflow.languages});</li>
 *   <li>a delegate expression naming a bean careflow does not have; a building block without an
 *       input it requires, or with one it does not read (as its {@link BuildingBlock} says);
 *       "Start another protocol" with a topic the table does not know; a call activity naming a
 *       process that does not exist;</li>
 *   <li>a form careflow cannot read, or one whose rules the server cannot enforce (a dynamic list,
 *       a group with a path, options from an expression, …: {@link CamundaForms#problems}).</li>
 * </ul>
 * Only literal values are checked; an expression (${…}) is the designer's to get right.
 */
@Component
public class ModelChecks {

  static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,59}");
  private static final Pattern BEAN = Pattern.compile("\\s*\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MessageTemplates templates;
  private final List<String> languages;
  private final Function<String, Optional<Class<?>>> beanTypes;

  @Autowired
  public ModelChecks(MessageTemplates templates, @Value("${careflow.languages:pl,en,ru}") List<String> languages,
      ListableBeanFactory beans) {
    // the type only: the check runs while the engine is built, before the blocks themselves exist
    this(templates, languages, name -> beans.containsBean(name) ? Optional.ofNullable(beans.getType(name, false))
        : Optional.empty());
  }

  /** With careflow's beans (by name) from elsewhere, e.g. a scan of the classes in a test. */
  ModelChecks(MessageTemplates templates, List<String> languages, Function<String, Optional<Class<?>>> beanTypes) {
    this.templates = templates;
    this.languages = languages;
    this.beanTypes = beanTypes;
  }

  /** One thing wrong, where a designer finds it: the file and the element. */
  record ModelProblem(String resource, String element, String message) implements Problem {
    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return element;
    }

    @Override
    public List<String> getElementIds() {
      return element == null ? List.of() : List.of(element);
    }

    @Override
    public String toString() {
      return resource + (element == null ? "" : " (" + element + ")") + ": " + message;
    }
  }

  /**
   * The problems of {@code set}; the processes and forms checked are the incoming ones (all when
   * {@code all}), the tables always.
   *
   * @param formExists whether a form of that id is deployed or in the set
   */
  List<ModelProblem> problems(ModelSet set, boolean all, Predicate<String> formExists) {
    var problems = new ArrayList<ModelProblem>();
    Map<String, TopicCatalog.Topic> topics = classification(set, problems);
    routing(set, problems);
    for (var process : set.processes.entrySet()) {
      if (all || process.getValue().incoming()) {
        process(process.getValue().resource(), process.getValue().model(), set, topics, formExists, problems);
      }
    }
    for (var form : set.incomingForms.entrySet()) {
      form(form.getKey(), form.getValue(), problems);
    }
    return problems;
  }

  /** Throws the engine's parse exception (REST: 400 with the problems) when there are any. */
  static void refuse(List<ModelProblem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    var text = new StringBuilder("careflow refuses these models: ");
    for (int i = 0; i < problems.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(problems.get(i));
    }
    throw new ParseException(text.toString(), problems.get(0).resource(), List.copyOf(problems), List.of());
  }

  private Map<String, TopicCatalog.Topic> classification(ModelSet set, List<ModelProblem> problems) {
    String file = set.decisionResource(TopicCatalog.DECISION);
    Optional<DecisionRows> table = set.table(TopicCatalog.DECISION);
    var topics = new LinkedHashMap<String, TopicCatalog.Topic>();
    if (table.isEmpty()) {
      if (set.decisions.containsKey(TopicCatalog.DECISION)) {
        problems.add(new ModelProblem(file, TopicCatalog.DECISION, "must be a decision table"));
      }
      return topics;
    }
    for (DecisionRows.Row row : table.get().rows()) {
      String topicText = row.outputs().get(CaseVariables.TOPIC);
      Optional<String> topic = row.literalOutput(CaseVariables.TOPIC);
      Optional<String> protocol = row.literalOutput(CaseVariables.PROTOCOL_KEY);
      if (!row.isBlankOutput(CaseVariables.TOPIC) && topic.isEmpty()) {
        problems.add(new ModelProblem(file, row.ruleId(), "the topic must be a code in quotes (letters, digits, _ and -), not "
            + topicText.strip()));
        continue;
      }
      if (!row.isBlankOutput(CaseVariables.PROTOCOL_KEY) && protocol.isEmpty()) {
        problems.add(new ModelProblem(file, row.ruleId(), "the protocol must be a process key in quotes, e.g. "
            + "\"return\""));
        continue;
      }
      if (protocol.isPresent() && !set.processes.containsKey(protocol.get())) {
        problems.add(new ModelProblem(file, row.ruleId(), "row " + row.name() + " names protocol '" + protocol.get()
            + "', but no process has that key: add processes/" + protocol.get() + ".bpmn or correct the row"));
      }
      if (topic.isEmpty()) {
        continue;
      }
      if (!CODE.matcher(topic.get()).matches()) {
        problems.add(new ModelProblem(file, row.ruleId(), "topic '" + topic.get()
            + "' must be a code of letters, digits, _ and - (at most 60)"));
      }
      if (protocol.isEmpty()) {
        problems.add(new ModelProblem(file, row.ruleId(), "row " + row.name() + " gives topic " + topic.get()
            + " without a protocol: every topic needs the process that handles it"));
        continue;
      }
      String team = row.literalOutput(CaseVariables.TEAM).orElse(null);
      TopicCatalog.Topic known = topics.get(topic.get());
      if (known == null) {
        topics.put(topic.get(), new TopicCatalog.Topic(topic.get(), protocol.get(), team));
      } else if (!known.protocolKey().equals(protocol.get()) || (team != null && known.team() != null
          && !known.team().equals(team))) {
        problems.add(new ModelProblem(file, row.ruleId(), "row " + row.name() + " gives topic " + topic.get()
            + " protocol " + protocol.get() + " and team " + team + ", an earlier row " + known.protocolKey()
            + " and " + known.team() + ": one topic, one protocol and team"));
      }
    }
    for (DecisionRows.Row row : table.get().rows()) {
      row.literalOutput("suggestedTopic").filter(t -> !topics.containsKey(t)).ifPresent(t -> problems.add(
          new ModelProblem(file, row.ruleId(), "suggests topic " + t + ", which no row gives")));
    }
    return topics;
  }

  private static void routing(ModelSet set, List<ModelProblem> problems) {
    String file = set.decisionResource("routing");
    set.table("routing").ifPresent(table -> {
      for (DecisionRows.Row row : table.rows()) {
        for (String protocol : row.literalInputs(CaseVariables.PROTOCOL_KEY)) {
          if (!set.processes.containsKey(protocol)) {
            problems.add(new ModelProblem(file, row.ruleId(), "row " + row.name() + " names protocol '" + protocol
                + "', but no process has that key"));
          }
        }
      }
    });
  }

  private void process(String file, BpmnModelInstance model, ModelSet set, Map<String, TopicCatalog.Topic> topics,
      Predicate<String> formExists, List<ModelProblem> problems) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getCamundaFormRef();
      if (formRef != null && !formRef.contains("${") && !formRef.contains("#{") && !formExists.test(formRef)) {
        problems.add(new ModelProblem(file, task.getId(), "names form '" + formRef
            + "', but no form has that id: add forms/" + formRef + ".form (its \"id\" is what formRef names)"));
      }
      property(task, GuardedStepListener.PROPERTY).ifPresent(step -> deadlineStep(file, task, step, set, problems));
    }
    listenerBeans(file, model, problems);
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      Optional<String> bean = bean(file, task, task.getCamundaDelegateExpression(), problems);
      if (bean.isEmpty()) {
        continue;
      }
      Map<String, String> inputs = inputs(task);
      Optional<BuildingBlock> block = beanTypes.apply(bean.get())
          .map(type -> AnnotationUtils.findAnnotation(type, BuildingBlock.class));
      block.ifPresent(b -> blockInputs(file, task, b, inputs, problems));
      // what only the designer's other files can tell
      switch (bean.get()) {
        case "sendCustomerNoticeDelegate" -> notice(file, task, inputs.get(SendCustomerNoticeDelegate.NOTICE), problems);
        case "startDeadlineDelegate", "completeDeadlineDelegate", "pauseDeadlineDelegate", "resumeDeadlineDelegate",
             "closeUnansweredDelegate" -> {
          String step = inputs.get(SlaVariables.DEADLINE);
          if (step != null && !step.isBlank() && !isExpression(step)) {
            deadlineStep(file, task, step, set, problems);
          }
        }
        case "startProtocolDelegate" -> {
          String topic = inputs.get(StartProtocolDelegate.TOPIC);
          if (topic != null && !topic.isBlank() && !isExpression(topic) && !topics.containsKey(topic.strip())) {
            problems.add(new ModelProblem(file, task.getId(), "starts topic " + topic.strip()
                + ", which the classification table does not know; known: " + topics.keySet()));
          }
        }
        case "recordOutcomeDelegate" -> {
          String ends = inputs.get(RecordOutcomeDelegate.CASE_ENDS);
          if (ends != null && !ends.isBlank() && !isExpression(ends)
              && !RecordOutcomeDelegate.CASE_ENDINGS.contains(ends.strip())) {
            problems.add(new ModelProblem(file, task.getId(), "caseEnds must be one of "
                + RecordOutcomeDelegate.CASE_ENDINGS + ", was " + ends));
          }
        }
        default -> { }
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      String called = call.getCalledElement();
      if (called != null && !isExpression(called) && !set.processes.containsKey(called)) {
        problems.add(new ModelProblem(file, call.getId(), "calls process '" + called + "', which does not exist"));
      }
    }
  }

  /**
   * The problems of an earlier version that running cases still use: only what would stop them
   * (a bean careflow no longer has, which an agent meets as an error on completing the task).
   * Everything else was checked when that version came, by the careflow of its day.
   *
   * @param version what to name in the message, e.g. {@code processes/complaint.bpmn version 3}
   */
  List<ModelProblem> runningVersionProblems(String version, BpmnModelInstance model) {
    var problems = new ArrayList<ModelProblem>();
    listenerBeans(version, model, problems);
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      bean(version, task, task.getCamundaDelegateExpression(), problems);
    }
    return problems;
  }

  private void listenerBeans(String file, BpmnModelInstance model, List<ModelProblem> problems) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getExtensionElements() != null) {
        for (CamundaTaskListener listener : task.getExtensionElements().getElementsQuery()
            .filterByType(CamundaTaskListener.class).list()) {
          bean(file, task, listener.getCamundaDelegateExpression(), problems);
        }
      }
    }
  }

  /**
   * The bean a {@code ${name}} delegate expression names; a problem when careflow has no such
   * bean (a typo would otherwise be an incident on the first case). Empty for no expression or
   * one that is not a plain bean name.
   */
  private Optional<String> bean(String file, BaseElement element, String expression, List<ModelProblem> problems) {
    if (expression == null) {
      return Optional.empty();
    }
    Matcher name = BEAN.matcher(expression);
    if (!name.matches()) {
      return Optional.empty();
    }
    if (beanTypes.apply(name.group(1)).isEmpty()) {
      problems.add(new ModelProblem(file, element.getId(), "names " + expression.strip()
          + ", but careflow has no such building block or bean (docs/designers.md, \"The building blocks\")"));
      return Optional.empty();
    }
    return Optional.of(name.group(1));
  }

  /** The inputs a building block requires, and none it does not read — as the block declares them. */
  private static void blockInputs(String file, ServiceTask task, BuildingBlock block, Map<String, String> inputs,
      List<ModelProblem> problems) {
    for (String required : block.required()) {
      String value = inputs.get(required);
      if (List.of(block.inputs()).contains(required) && (value == null || value.isBlank())) {
        problems.add(new ModelProblem(file, task.getId(), block.value() + " needs the input " + required));
      }
    }
    for (String given : inputs.keySet()) {
      if (!List.of(block.inputs()).contains(given)) {
        problems.add(new ModelProblem(file, task.getId(), block.value() + " does not read the input " + given
            + "; it reads " + String.join(", ", block.inputs())));
      }
    }
  }

  private static void deadlineStep(String file, BaseElement element, String step, ModelSet set,
      List<ModelProblem> problems) {
    Optional<DecisionRows> policy = set.table(SlaPolicy.DECISION);
    if (policy.isEmpty()) {
      problems.add(new ModelProblem(file, element.getId(), "guards step " + step + ", but sla-policy is not deployed"));
      return;
    }
    boolean covered = policy.get().rows().stream().anyMatch(row -> row.isBlankInput(SlaVariables.STEP)
        || row.literalInputs(SlaVariables.STEP).contains(step.strip()));
    if (!covered) {
      problems.add(new ModelProblem(file, element.getId(), "guards step '" + step.strip() + "', but "
          + set.decisionResource(SlaPolicy.DECISION) + " has no row for it: add one with its target"));
    }
  }

  private void notice(String file, ServiceTask task, String notice, List<ModelProblem> problems) {
    if (notice == null || notice.isBlank() || isExpression(notice)) {
      return;
    }
    var missing = languages.stream().filter(language -> !templates.exists(notice.strip(), language)).toList();
    if (!missing.isEmpty()) {
      problems.add(new ModelProblem(file, task.getId(), "sends notice '" + notice.strip() + "', but templates/mail/"
          + notice.strip() + "_<language>.ftlh is missing for " + String.join(", ", missing)));
    }
  }

  private static void form(String file, String json, List<ModelProblem> problems) {
    for (FormProblem problem : CamundaForms.problems(json)) {
      problems.add(new ModelProblem(file, problem.componentId(), problem.message()));
    }
  }

  /** The form ids of the new deployment's forms. */
  static Collection<String> formIds(ModelSet set) {
    var ids = new ArrayList<String>();
    for (String json : set.incomingForms.values()) {
      try {
        JsonNode id = JSON.readTree(json).get("id");
        if (id != null) {
          ids.add(id.asText());
        }
      } catch (Exception e) {
        // reported by the form check
      }
    }
    return ids;
  }

  private static Optional<String> property(UserTask task, String name) {
    if (task.getExtensionElements() == null) {
      return Optional.empty();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(
            org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }

  private static Map<String, String> inputs(ServiceTask task) {
    var inputs = new LinkedHashMap<String, String>();
    if (task.getExtensionElements() == null) {
      return inputs;
    }
    for (CamundaInputParameter input : task.getExtensionElements().getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream()).toList()) {
      inputs.put(input.getCamundaName(), input.getTextContent());
    }
    return inputs;
  }

  private static boolean isExpression(String value) {
    return value.contains("${") || value.contains("#{");
  }
}
