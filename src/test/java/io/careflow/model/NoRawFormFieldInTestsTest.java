package io.careflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tests name the forms' fields through the constants of the process descriptors and step classes
 * ({@code ComplaintProcess.COMPENSATION_AMOUNT}, {@code ReplyStep.REPLY_TEXT},
 * {@code PlanFollowUpListener.TYPE} …), never as a raw key: when a designer renames a field, the
 * constant and the tests fail together instead of a test completing a task with a variable no
 * form has any more.
 *
 * <p>What counts as raw: a Java string literal that is exactly a field key of {@code forms/*.form}
 * or {@code forms/blocks/*.json}, and inside a text block the engine's submit shape
 * {@code "key": {"value": …}}. Other text blocks are request bodies of careflow's own API, whose
 * field names are the API's contract (API.md), not the forms'. Several keys are also API or
 * template field names ({@code orderId} in {@code POST /api/contacts}, {@code customerName} in a
 * message template's model): such a literal is allowed in one file for the keys named, each entry
 * with its reason, and an entry that matches nothing any more fails too.
 */
class NoRawFormFieldInTestsTest {

  /** Field types that hold no value of their own (layout). */
  private static final Set<String> LAYOUT = Set.of("default", "group", "text", "html", "spacer", "separator",
      "iframe", "image", "button", "dynamiclist", "table");
  private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z_][\\w-]*)\"");
  private static final Pattern SUBMITTED = Pattern.compile("\"([A-Za-z_]\\w*)\"\\s*:\\s*\\{\\s*\"value\"");
  private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);

  record Allowed(String file, Set<String> keys, String reason) {}

  static final List<Allowed> ALLOWED = List.of(
      new Allowed("cases/CaseSearchScenarios.java", Set.of("customerName"),
          "a field of the /api/cases answer"),
      new Allowed("communication/CannedRepliesTest.java", Set.of("orderId", "customerName"),
          "placeholders of a canned reply's text (templates/replies), filled by the test"),
      new Allowed("communication/MessageTemplatesTest.java", Set.of("customerName", "replyText"),
          "the model of a message template, built by the test"),
      new Allowed("communication/NoticeSignatureTest.java", Set.of("customerName"),
          "the model of a notice template, built by the test"),
      new Allowed("shipment/ShipmentTemplatesTest.java", Set.of("customerName"),
          "the model of a shipment notice template, built by the test"),
      new Allowed("contact/AngerScenarios.java", Set.of("dissatisfaction"),
          "the field of POST /api/contacts named in its problem+json"),
      new Allowed("form/FormBlocksTest.java", Set.of("replyText", "dialogueListen", "dialogueSkippedReason"),
          "forms and blocks the test declares itself, and the block's text searched for its keys"),
      new Allowed("form/FormValidatorTest.java", Set.of("compensationAmount", "dissatisfaction", "reviewDecision",
          "rejectionReason", "itemReceived", "followUpDate", "nextAttemptAt", "productSku", "topicHint"),
          "values checked against forms the test declares itself (text blocks), one key per field"),
      new Allowed("form/ConversationChecklistTest.java", Set.of("dialogueListen"),
          "searched for as text in a form file"),
      new Allowed("reporting/KpiScenarios.java", Set.of("productSku"),
          "a field of the /api/kpis answer"),
      new Allowed("scenario/ScenarioReaderTest.java", Set.of("replyText", "resolvedInFirstContact",
          "compensationAmount"), "what the scenario reader parses out of a scenario's text"),
      new Allowed("scenario/TheCustomer.java", Set.of("orderId", "productSku", "parcelNotes"),
          "fields of POST /api/contacts and POST /api/returns/{id}/arrival"),
      new Allowed("shipment/ShipmentEventApiTest.java", Set.of("orderId", "trackingId"),
          "fields of POST /api/shipment-events and its problem+json"),
      new Allowed("shipment/ShipmentTestSupport.java", Set.of("orderId", "trackingId"),
          "fields of POST /api/shipment-events"),
      new Allowed("shipment/ShipmentScenarios.java", Set.of("trackingId"),
          "a field of the shipment event the test posted"),
      new Allowed("system/HostileInputTest.java", Set.of("orderId", "productSku", "trackingId"),
          "fields of POST /api/contacts and POST /api/shipment-events"),
      new Allowed("protocol/returns/ReturnProcessTest.java", Set.of("parcelNotes"),
          "the field of POST /api/returns/{id}/arrival and its problem+json"));

  static Set<String> formFieldKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    var json = new ObjectMapper();
    try (Stream<Path> forms = Stream.concat(Files.list(Path.of("forms")), Files.list(Path.of("forms", "blocks")))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form") || p.toString().endsWith(".json")).toList()) {
        collect(json.readTree(form.toFile()), keys);
      }
    }
    return keys;
  }

  private static void collect(JsonNode node, Set<String> keys) {
    if (node.isObject() && node.hasNonNull("key") && node.hasNonNull("type")
        && !LAYOUT.contains(node.get("type").asText())) {
      keys.add(node.get("key").asText());
    }
    node.forEach(child -> collect(child, keys));
  }

  @Test
  void shouldNameEveryFormFieldThroughItsConstant() throws Exception {
    Set<String> keys = formFieldKeys();
    assertThat(keys).as("the forms' field keys").contains("compensationAmount", "replyText", "followUpType")
        .hasSizeGreaterThan(50);
    Path root = Path.of("src", "test", "java", "io", "careflow");
    List<String> raw = new ArrayList<>();
    Set<Allowed> used = new LinkedHashSet<>();
    try (Stream<Path> sources = Files.walk(root)) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (source.getFileName().toString().equals(getClass().getSimpleName() + ".java")) {
          continue;
        }
        String file = root.relativize(source).toString().replace('\\', '/');
        String text = Files.readString(source);
        for (String key : rawKeys(text, keys)) {
          Allowed allowed = ALLOWED.stream().filter(a -> a.file().equals(file) && a.keys().contains(key))
              .findFirst().orElse(null);
          if (allowed == null) {
            raw.add(source + ": \"" + key + "\"");
          } else {
            used.add(allowed);
          }
        }
      }
    }
    assertThat(raw).as("raw form-field keys in tests: use the descriptor's or the step's constant").isEmpty();
    assertThat(ALLOWED).as("allowed raw keys that no test uses any more: remove them from the list")
        .allSatisfy(a -> assertThat(used).contains(a));
  }

  /** The form-field keys a source names raw: plain literals, and the submit shape inside text blocks. */
  static List<String> rawKeys(String source, Set<String> keys) {
    var found = new ArrayList<String>();
    Matcher block = TEXT_BLOCK.matcher(source);
    var code = new StringBuilder();
    int end = 0;
    while (block.find()) {
      code.append(source, end, block.start()).append(" ");
      Matcher submitted = SUBMITTED.matcher(block.group(1));
      while (submitted.find()) {
        if (keys.contains(submitted.group(1))) {
          found.add(submitted.group(1));
        }
      }
      end = block.end();
    }
    code.append(source.substring(end));
    Matcher literal = LITERAL.matcher(code);
    while (literal.find()) {
      if (keys.contains(literal.group(1))) {
        found.add(literal.group(1));
      }
    }
    return found;
  }

  @Test
  void shouldTellARawKeyInACompletionFromAnApiBody() {
    Set<String> keys = Set.of("followUpType", "orderId");
    assertThat(rawKeys("complete(pi, \"boris\", BORIS, Map.of(\"followUpType\", \"NONE\"));", keys))
        .containsExactly("followUpType");
    assertThat(rawKeys("post(\"\"\"\n  {\"variables\": {\"followUpType\": {\"value\": \"NONE\"}}}\"\"\");", keys))
        .containsExactly("followUpType");
    assertThat(rawKeys("post(\"\"\"\n  {\"orderId\": \"PL-1\", \"channel\": \"EMAIL\"}\"\"\");", keys)).isEmpty();
    assertThat(rawKeys("complete(pi, Map.of(PlanFollowUpListener.TYPE, \"NONE\"));", keys)).isEmpty();
  }
}
