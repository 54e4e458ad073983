package io.careflow.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.casefile.CaseVariables;
import io.careflow.system.TextFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The topics careflow knows: what the deployed classification decision ({@code
 * processes/contact-classification.dmn}, decision {@code contact-classification}) can return
 * as {@code topic}, each with the {@code protocolKey} and {@code team} of its rows. No Java
 * lists them: a designer adds a topic by adding rows there. Their names for staff, per
 * language, are {@code templates/topics_<lang>.properties} (a topic without a name shows its
 * code). That the rows of one topic agree, and name a deployed protocol, is checked when the
 * table is deployed ({@link io.careflow.deployment.ModelChecks}).
 */
@BuildingBlock(value = "The topics in a form", inputs = TopicCatalog.FORM_OPTIONS, required = TopicCatalog.FORM_OPTIONS)
@Service
public class TopicCatalog {

  public static final String DECISION = "contact-classification";
  /** The variable a form's topic select reads its options from ({@code valuesKey}). */
  public static final String FORM_OPTIONS = "topicOptions";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DeployedModels models;
  private final TextFiles files;
  private final String staffLanguage;
  private final Map<String, Properties> labels = new ConcurrentHashMap<>();

  public TopicCatalog(DeployedModels models, TextFiles files,
      @Value("${careflow.staff-language:en}") String staffLanguage) {
    this.models = models;
    this.files = files;
    this.staffLanguage = staffLanguage;
  }

  /** A topic, the protocol (process key) that handles it and the team that runs it. */
  public record Topic(String name, String protocolKey, String team) {}

  /** An option of a select in a task form ({@code valuesKey}): what staff read, what is stored. */
  public record Option(String label, String value) {}

  @org.springframework.context.event.EventListener
  void templatesChanged(LiveReload.TemplatesChanged changed) {
    labels.clear();
  }

  /** The topics of the latest deployed classification, in the order of their first row. */
  public List<Topic> topics() {
    return models.latestRows(DECISION).map(TopicCatalog::topicsOf).orElse(List.of());
  }

  public Optional<Topic> find(String name) {
    return name == null ? Optional.empty() : topics().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public List<String> names() {
    return topics().stream().map(Topic::name).toList();
  }

  /** The topic's name for staff in {@code language} (else English, else its code). */
  public String label(String topic, String language) {
    for (String candidate : new String[] {language, staffLanguage, "en"}) {
      if (candidate == null) {
        continue;
      }
      String label = labels.computeIfAbsent(candidate.toLowerCase(Locale.ROOT),
          l -> files.load("topics_" + l + ".properties")).getProperty(topic);
      if (label != null && !label.isBlank()) {
        return label.strip();
      }
    }
    return topic;
  }

  /** The topics as the options of a select, labelled in the staff's language. */
  public List<Option> options() {
    return topics().stream().map(t -> new Option(label(t.name(), staffLanguage), t.name())).toList();
  }

  /**
   * The options as a Json variable, for a form's select with {@code valuesKey}: a task that lets
   * the agent choose a topic gets them as an input, {@code topicOptions = ${topicCatalog.formOptions()}}.
   */
  public JsonValue formOptions() {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(options())).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every topic the rows name, with the protocol and team of the first row that names it.
   * Rows that disagree are a deployment error ({@link io.careflow.deployment.ModelChecks}), not resolved here.
   */
  public static List<Topic> topicsOf(DecisionRows table) {
    var byName = new LinkedHashMap<String, Topic>();
    for (DecisionRows.Row row : table.rows()) {
      row.literalOutput(CaseVariables.TOPIC).ifPresent(topic -> byName.putIfAbsent(topic, new Topic(topic,
          row.literalOutput(CaseVariables.PROTOCOL_KEY).orElse(null),
          row.literalOutput(CaseVariables.TEAM).orElse(null))));
    }
    return new ArrayList<>(byName.values());
  }
}
