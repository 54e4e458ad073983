package io.careflow.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The rows of a decision table as a designer wrote them: per rule, the text of each input
 * entry (by the input's expression, e.g. {@code topicHint}) and each output entry (by the
 * output's name, e.g. {@code protocolKey}). careflow reads the closed value sets it needs —
 * topics, protocols, steps — from the literal texts (a code in quotes).
 */
public record DecisionRows(String decisionId, List<Row> rows) {

  private static final Pattern STRING_LITERAL = Pattern.compile("\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

  /** One rule: its id, the designer's description, inputs and outputs as written (blank = "-"). */
  public record Row(String ruleId, String description, Map<String, String> inputs, Map<String, String> outputs) {

    /** The output's value when it is one text in quotes; empty for "-" or an expression. */
    public Optional<String> literalOutput(String name) {
      return literal(outputs.get(name));
    }

    /** The texts in quotes of an input entry ({@code "EMAIL","SMS"}); empty for "-" or an expression. */
    public List<String> literalInputs(String expression) {
      return literals(inputs.get(expression));
    }

    public boolean isBlankOutput(String name) {
      String text = outputs.get(name);
      return text == null || text.isBlank();
    }

    public boolean isBlankInput(String expression) {
      String text = inputs.get(expression);
      return text == null || text.isBlank() || text.strip().equals("-");
    }

    /** How a designer finds the row in Modeler: its description, else its id. */
    public String name() {
      return description == null || description.isBlank() ? ruleId : ruleId + " (" + description.strip() + ")";
    }
  }

  /** The table of decision {@code decisionId} in the model; empty when the model has no such table. */
  public static Optional<DecisionRows> of(DmnModelInstance model, String decisionId) {
    var element = model.getModelElementById(decisionId);
    if (!(element instanceof Decision decision) || !(decision.getExpression() instanceof DecisionTable table)) {
      return Optional.empty();
    }
    List<String> inputs = table.getInputs().stream().map(DecisionRows::expression).toList();
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    var rows = new ArrayList<Row>();
    for (Rule rule : table.getRules()) {
      var in = new LinkedHashMap<String, String>();
      int i = 0;
      for (InputEntry entry : rule.getInputEntries()) {
        if (i < inputs.size()) {
          in.put(inputs.get(i), entry.getText() == null ? "" : entry.getText().getTextContent());
        }
        i++;
      }
      var out = new LinkedHashMap<String, String>();
      i = 0;
      for (OutputEntry entry : rule.getOutputEntries()) {
        if (i < outputs.size() && outputs.get(i) != null) {
          out.put(outputs.get(i), entry.getText() == null ? "" : entry.getText().getTextContent());
        }
        i++;
      }
      rows.add(new Row(rule.getId(), rule.getDescription() == null ? null : rule.getDescription().getTextContent(),
          in, out));
    }
    return Optional.of(new DecisionRows(decisionId, List.copyOf(rows)));
  }

  /** The input expressions of the table, in order ({@code slaStep}, {@code channel}, …). */
  public static List<String> inputExpressions(DmnModelInstance model, String decisionId) {
    var element = model.getModelElementById(decisionId);
    if (!(element instanceof Decision decision) || !(decision.getExpression() instanceof DecisionTable table)) {
      return List.of();
    }
    return table.getInputs().stream().map(DecisionRows::expression).toList();
  }

  static Optional<String> literal(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = STRING_LITERAL.matcher(text);
    return m.matches() ? Optional.of(m.group(1).replace("\\\"", "\"")) : Optional.empty();
  }

  static List<String> literals(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    var values = new ArrayList<String>();
    for (String part : text.split(",")) {
      Optional<String> value = literal(part);
      if (value.isEmpty()) {
        return List.of(); // an expression, not a list of texts
      }
      values.add(value.get());
    }
    return values;
  }

  private static String expression(Input input) {
    var expression = input.getInputExpression();
    return expression == null || expression.getText() == null ? "" : expression.getText().getTextContent().strip();
  }
}
