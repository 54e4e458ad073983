package io.careflow.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.careflow.communication.MessageKind;
import io.careflow.communication.MessageStatus;
import io.careflow.casefile.ContactStatus;
import io.careflow.scenario.Scenario.Check;
import io.careflow.scenario.Scenario.CheckStep;
import io.careflow.scenario.Scenario.Classification;
import io.careflow.scenario.Scenario.ContactSent;
import io.careflow.scenario.Scenario.Customer;
import io.careflow.scenario.Scenario.CustomerAnswers;
import io.careflow.scenario.Scenario.CustomerForm;
import io.careflow.scenario.Scenario.ExpectedEmail;
import io.careflow.scenario.Scenario.ExpectedMessage;
import io.careflow.scenario.Scenario.Intake;
import io.careflow.scenario.Scenario.MissedCall;
import io.careflow.scenario.Scenario.RunDueJobs;
import io.careflow.scenario.Scenario.Step;
import io.careflow.scenario.Scenario.TaskStep;
import io.careflow.scenario.Scenario.Wait;
import io.careflow.calendar.WorkingDuration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a scenario file (YAML) into a {@link Scenario}; the vocabulary is documented in processes/scenarios/README.md. */
final class ScenarioReader {

  static final List<String> TOP = List.of("scenario", "start", "contact", "missed call", "classified as", "steps",
      "end");
  static final List<String> CONTACT = List.of("channel", "subject", "body", "topic hint", "order", "product",
      "customer");
  static final List<String> CUSTOMER = List.of("name", "email", "phone", "handle", "language");
  static final List<String> MISSED_CALL = List.of("phone");
  static final List<String> CLASSIFIED = List.of("topic", "protocol", "team");
  static final List<String> TASK = List.of("task", "assignee", "candidate group", "form", "complete", "as",
      "refused");
  static final List<String> CUSTOMER_FORM = List.of("customer fills in", "refused");
  static final List<String> CHECK = List.of("status", "outcome", "deadlines", "case ended", "messages", "emails");
  static final List<String> MESSAGE = List.of("kind", "contains", "status");
  static final List<String> EMAIL = List.of("subject", "contains", "from");
  static final String RUN_DUE_JOBS = "run due jobs";
  /** The key that says what a step does; the others of its map only add to it. */
  static final List<String> STEP_ACTIONS = List.of("task", "wait", "customer answers", "customer fills in", "parcel arrives",
      "check");
  static final Set<String> DEADLINE_STATES = Set.of("MET", "BREACHED", "OPEN");

  private static final YAMLMapper YAML = new YAMLMapper();

  private final String file;

  private ScenarioReader(String file) {
    this.file = file;
  }

  static Scenario read(Path path) {
    String file = path.getFileName().toString();
    JsonNode root;
    try {
      root = YAML.readTree(path.toFile());
    } catch (IOException e) {
      throw new ScenarioFailure(file, null, "not readable as YAML: " + e.getMessage(), e);
    }
    return new ScenarioReader(file).scenario(root);
  }

  private Scenario scenario(JsonNode root) {
    Fields top = Fields.of(root, file, null, TOP);
    if (top.has("contact") == top.has("missed call")) {
      throw top.invalid("say either 'contact' or 'missed call' (exactly one)");
    }
    Intake intake = top.has("contact") ? contact(top.node("contact")) : missedCall(top.node("missed call"));
    Classification classified = top.has("classified as") ? classification(top.node("classified as")) : null;
    List<Step> steps = new ArrayList<>();
    List<JsonNode> stepNodes = top.list("steps");
    for (int i = 0; i < stepNodes.size(); i++) {
      steps.add(step(stepNodes.get(i), "step " + (i + 1)));
    }
    Check end = top.has("end") ? check(top.node("end"), "end") : null;
    return new Scenario(file, top.text("scenario"), top.text("start"), intake, classified, List.copyOf(steps), end);
  }

  private ContactSent contact(JsonNode node) {
    Fields contact = Fields.of(node, file, "contact", CONTACT);
    Fields customer = Fields.of(contact.node("customer"), file, "contact customer", CUSTOMER);
    return new ContactSent(contact.required("channel").trim().toUpperCase(), contact.text("subject"),
        contact.text("body"), contact.text("topic hint"), contact.text("order"), contact.text("product"),
        new Customer(customer.text("name"), customer.text("email"), customer.text("phone"), customer.text("handle"),
            customer.text("language")));
  }

  private MissedCall missedCall(JsonNode node) {
    return new MissedCall(Fields.of(node, file, "missed call", MISSED_CALL).required("phone"));
  }

  private Classification classification(JsonNode node) {
    Fields classified = Fields.of(node, file, "classified as", CLASSIFIED);
    String topic = classified.text("topic");
    return new Classification(topic == null ? null : topic.trim().toUpperCase(), classified.text("protocol"),
        classified.text("team"));
  }

  private Step step(JsonNode node, String where) {
    if (node.isTextual()) {
      if (node.asText().trim().equalsIgnoreCase(RUN_DUE_JOBS)) {
        return new RunDueJobs();
      }
      throw new ScenarioFailure(file, where, "unknown step '" + node.asText() + "' (a step is '" + RUN_DUE_JOBS
          + "' or starts with one of: " + String.join(", ", STEP_ACTIONS) + ")");
    }
    String action = action(node, where);
    return switch (action) {
      case "task" -> task(Fields.of(node, file, where, TASK));
      case "wait" -> waitStep(Fields.of(node, file, where, List.of("wait")));
      case "customer answers" -> new CustomerAnswers(
          Fields.of(node, file, where, List.of("customer answers")).required("customer answers"));
      case "parcel arrives" -> new Scenario.ParcelArrives(
          Fields.of(node, file, where, List.of("parcel arrives")).required("parcel arrives"));
      case "customer fills in" -> customerForm(Fields.of(node, file, where, CUSTOMER_FORM), where);
      case "check" -> {
        Fields.of(node, file, where, List.of("check"));
        yield new CheckStep(check(node.get("check"), where + " check"));
      }
      default -> throw new IllegalStateException(action);
    };
  }

  /** The one key of the step's map that says what it does. */
  private String action(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new ScenarioFailure(file, where, "expected a step, found " + Fields.describe(node));
    }
    List<String> actions = new ArrayList<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (STEP_ACTIONS.contains(name)) {
        actions.add(name);
      }
    }
    if (actions.size() != 1) {
      throw new ScenarioFailure(file, where, (actions.isEmpty() ? "no step among " + Fields.describe(node)
          : "one step at a time, found " + actions) + " (a step is '" + RUN_DUE_JOBS + "' or starts with one of: "
          + String.join(", ", STEP_ACTIONS) + ")");
    }
    return actions.get(0);
  }

  private TaskStep task(Fields step) {
    Map<String, Object> values = null;
    if (step.has("complete")) {
      values = formValues(step, step.node("complete"));
    }
    String refused = step.text("refused");
    if (refused != null && values == null) {
      values = Map.of();
    }
    if (step.has("as") && values == null) {
      throw step.invalid("'as' says who completes the task: add 'complete'");
    }
    return new TaskStep(step.required("task"), step.text("assignee"), step.text("candidate group"),
        step.text("form"), values, step.text("as"), refused);
  }

  /** What the agent types into the form: single values (text, numbers, yes/no as true/false). */
  private Map<String, Object> formValues(Fields step, JsonNode node) {
    if (!node.isObject()) {
      throw step.invalid("complete: expected the form's fields and their values, found " + Fields.describe(node));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    node.fields().forEachRemaining(field -> {
      JsonNode value = field.getValue();
      if (!value.isValueNode()) {
        throw step.invalid("complete: " + field.getKey() + " must be a single value, found " + Fields.describe(value));
      }
      values.put(field.getKey(), value.isNull() ? null
          : value.isBoolean() ? value.booleanValue()
          : value.isIntegralNumber() ? (value.canConvertToInt() ? (Object) value.intValue() : value.longValue())
          : value.isNumber() ? value.doubleValue()
          : value.asText());
    });
    return values;
  }

  private Wait waitStep(Fields step) {
    String text = step.required("wait");
    try {
      return new Wait(text.trim(), WorkingDuration.parse(text));
    } catch (IllegalArgumentException e) {
      throw step.invalid("wait: " + e.getMessage());
    }
  }

  private CustomerForm customerForm(Fields step, String where) {
    JsonNode node = step.node("customer fills in");
    if (node == null || !node.isObject()) {
      throw step.invalid("customer fills in: expected the page's fields and their values, found "
          + Fields.describe(node));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    node.fields().forEachRemaining(field -> {
      if (!field.getValue().isValueNode()) {
        throw new ScenarioFailure(file, where, "customer fills in: " + field.getKey() + " must be a single value");
      }
      fields.put(field.getKey(), field.getValue().isNull() ? "" : field.getValue().asText());
    });
    Boolean refused = step.yesNo("refused");
    return new CustomerForm(fields, Boolean.TRUE.equals(refused));
  }

  private Check check(JsonNode node, String where) {
    Fields check = Fields.of(node, file, where, CHECK);
    List<ExpectedMessage> messages = null;
    if (check.has("messages")) {
      messages = new ArrayList<>();
      int i = 1;
      for (JsonNode item : check.list("messages")) {
        Fields message = Fields.of(item, file, where + " message " + i++, MESSAGE);
        String kind = message.text("kind");
        if (kind != null && kind.trim().equalsIgnoreCase("REPLY")) {
          throw message.invalid("kind REPLY: an agent's reply is stored as ANSWER (the clock stops) or QUESTION "
              + "(waiting for the customer)");
        }
        messages.add(new ExpectedMessage(message.oneOf("kind", names(MessageKind.values())), message.text("contains"),
            message.oneOf("status", names(MessageStatus.values()))));
      }
    }
    List<ExpectedEmail> emails = null;
    if (check.has("emails")) {
      emails = new ArrayList<>();
      int i = 1;
      for (JsonNode item : check.list("emails")) {
        Fields email = Fields.of(item, file, where + " e-mail " + i++, EMAIL);
        emails.add(new ExpectedEmail(email.text("subject"), email.text("contains"), email.text("from")));
      }
    }
    return new Check(check.oneOf("status", names(ContactStatus.values())), check.text("outcome"),
        deadlines(check), check.yesNo("case ended"), messages, emails);
  }

  /** {@code deadlines: met} for every deadline of the case, or per deadline: {@code {reply: met}}. */
  private Map<String, String> deadlines(Fields check) {
    JsonNode node = check.node("deadlines");
    if (node == null || node.isNull()) {
      return null;
    }
    Map<String, String> expected = new LinkedHashMap<>();
    if (node.isValueNode()) {
      expected.put(Check.EVERY_DEADLINE, check.oneOf("deadlines", DEADLINE_STATES));
      return expected;
    }
    if (!node.isObject()) {
      throw check.invalid("deadlines: expected met / breached / open, or each deadline with its state");
    }
    node.fields().forEachRemaining(field -> {
      String state = field.getValue().asText().trim().toUpperCase();
      if (!field.getValue().isValueNode() || !DEADLINE_STATES.contains(state)) {
        throw check.invalid("deadlines: " + field.getKey() + " must be met, breached or open, found "
            + Fields.describe(field.getValue()));
      }
      expected.put(field.getKey(), state);
    });
    return expected;
  }

  private static Set<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
  }
}
