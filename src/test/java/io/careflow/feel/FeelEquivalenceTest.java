package io.careflow.feel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Text;
import org.junit.jupiter.api.Test;

/**
 * careflow's FEEL engine decides as the DMN engine's own: every decision of every table in
 * {@code processes/*.dmn}, evaluated by both engines over the same inputs, gives the same
 * outputs, the same matching rules and the same failures. The inputs are made from the tables
 * themselves: every text, number and boolean the rows name, alone, inside a sentence and two
 * at a time, and null. The outcomes are also written to {@code target/feel-equivalence.txt},
 * so two FEEL versions can be compared run against run.
 */
class FeelEquivalenceTest {

  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "null", "upper", "lower",
      "case", "distinct", "values", "some", "every", "in", "satisfies", "and", "or", "not", "true", "false",
      "for", "return", "contains", "starts", "ends", "with", "string", "length", "count", "list");
  private static final int RANDOM_INPUTS = 150;

  private final List<String> matched = new ArrayList<>();

  @Test
  void everyDecisionOfEveryTableDecidesAsTheEngineOwnFeel() throws IOException {
    DmnEngine engines = engine(new DefaultDmnEngineConfiguration());
    var careflowConfiguration = FeelEnginePlugin.use(new DefaultDmnEngineConfiguration());
    DmnEngine careflow = engine(careflowConfiguration);
    var careflowFeel = (CareflowFeelEngine) careflowConfiguration.getFeelEngine();

    List<Path> files;
    try (Stream<Path> dmn = Files.list(Path.of("processes"))) {
      files = dmn.filter(path -> path.toString().endsWith(".dmn")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    StringBuilder dump = new StringBuilder();
    int evaluations = 0;
    int decisions = 0;
    for (Path file : files) {
      DmnModelInstance model;
      try (InputStream in = Files.newInputStream(file)) {
        model = Dmn.readModelFromStream(in);
      }
      Map<String, List<Object>> values = valuesFor(model);
      List<DmnDecision> own = engines.parseDecisions(model);
      List<DmnDecision> ours = careflow.parseDecisions(model);
      for (int d = 0; d < own.size(); d++) {
        decisions++;
        for (Map<String, Object> input : inputs(values, new Random(file.getFileName().toString().hashCode() + d))) {
          String expected = outcome(engines, own.get(d), input);
          String actual = outcome(careflow, ours.get(d), input);
          assertThat(actual).as("%s %s %s", file.getFileName(), own.get(d).getKey(), input).isEqualTo(expected);
          dump.append(file.getFileName()).append(' ').append(own.get(d).getKey()).append(' ')
              .append(new TreeMap<>(input)).append(" -> ").append(actual).append('\n');
          evaluations++;
        }
      }
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/feel-equivalence.txt"), dump);

    assertThat(decisions).isGreaterThanOrEqualTo(files.size());
    assertThat(evaluations).isGreaterThan(1_000);
    // the cells were parsed once each, not once per evaluation
    assertThat(careflowFeel.parses()).isPositive().isLessThan(evaluations / 10);
  }

  private DmnEngine engine(DefaultDmnEngineConfiguration configuration) {
    configuration.setCustomPostDecisionTableEvaluationListeners(List.of(event ->
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matched::add)));
    return configuration.buildEngine();
  }

  private String outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> input) {
    matched.clear();
    try {
      var result = engine.evaluateDecision(decision, new HashMap<>(input));
      return result.getResultList() + " rules " + matched;
    } catch (RuntimeException failure) {
      return failure.getClass().getSimpleName() + ": " + failure.getMessage() + " rules " + matched;
    }
  }

  /** Every variable the tables' input expressions read, with the values worth trying for it. */
  private static Map<String, List<Object>> valuesFor(DmnModelInstance model) {
    Set<String> texts = new LinkedHashSet<>();
    Set<Object> numbers = new LinkedHashSet<>();
    for (Text text : model.getModelElementsByType(Text.class)) {
      String content = text.getTextContent();
      Matcher quoted = QUOTED.matcher(content);
      while (quoted.find()) {
        texts.add(quoted.group(1));
      }
      Matcher number = NUMBER.matcher(content.replaceAll(QUOTED.pattern(), ""));
      while (number.find()) {
        double value = Double.parseDouble(number.group());
        numbers.add(value);
      }
    }
    Set<String> computed = new LinkedHashSet<>();
    model.getModelElementsByType(Output.class).forEach(output -> computed.add(output.getName()));
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
      for (Input input : table.getInputs()) {
        String expression = input.getInputExpression().getText().getTextContent();
        String typeRef = input.getInputExpression().getTypeRef();
        Matcher name = NAME.matcher(expression.replaceAll(QUOTED.pattern(), ""));
        while (name.find()) {
          String variable = name.group();
          if (!FEEL_WORDS.contains(variable) && !computed.contains(variable)) {
            boolean whole = variable.equals(expression.trim());
            values.merge(variable, candidates(whole ? typeRef : null, texts, numbers), (a, b) -> a);
          }
        }
      }
    }
    return values;
  }

  private static List<Object> candidates(String typeRef, Set<String> texts, Set<Object> numbers) {
    List<Object> values = new ArrayList<>();
    values.add(null);
    switch (typeRef == null ? "" : typeRef) {
      case "boolean" -> values.addAll(List.of(true, false));
      case "integer", "long" -> {
        values.addAll(List.of(0, 1, -1));
        numbers.forEach(n -> {
          int value = ((Double) n).intValue();
          values.addAll(List.of(value - 1, value, value + 1));
        });
      }
      case "double" -> {
        values.addAll(List.of(0.0, -1.5));
        numbers.forEach(n -> {
          double value = (Double) n;
          values.addAll(List.of(value - 0.01, value, value + 0.01));
        });
      }
      case "string" -> {
        values.add("");
        values.addAll(texts);
        texts.forEach(text -> values.add("hello, " + text + " and more"));
        values.add("nothing that any row names");
      }
      default -> {
        values.addAll(List.of("2026-01-05T10:00:00", true, "x"));
        values.addAll(texts.stream().limit(5).toList());
      }
    }
    return values;
  }

  /** Each value of each variable once (the others chosen at random), then random mixes, some of two texts. */
  private static List<Map<String, Object>> inputs(Map<String, List<Object>> values, Random random) {
    List<Map<String, Object>> inputs = new ArrayList<>();
    values.forEach((variable, candidates) -> candidates.forEach(value -> {
      Map<String, Object> input = randomInput(values, random);
      input.put(variable, value);
      inputs.add(input);
    }));
    for (int i = 0; i < RANDOM_INPUTS; i++) {
      Map<String, Object> input = randomInput(values, random);
      values.forEach((variable, candidates) -> {
        Object first = input.get(variable);
        Object second = candidates.get(random.nextInt(candidates.size()));
        if (first instanceof String a && second instanceof String b && random.nextBoolean()) {
          input.put(variable, a + " " + b);
        }
      });
      inputs.add(input);
    }
    return inputs;
  }

  private static Map<String, Object> randomInput(Map<String, List<Object>> values, Random random) {
    Map<String, Object> input = new HashMap<>();
    values.forEach((variable, candidates) -> input.put(variable, candidates.get(random.nextInt(candidates.size()))));
    return input;
  }
}
