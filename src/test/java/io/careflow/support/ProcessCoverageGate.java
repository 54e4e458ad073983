package io.careflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * The build's check of process coverage: every model in {@code processes/} must have at least
 * 90% of its flow nodes passed by the tests. camunda-process-test-coverage records the nodes
 * per test class (target/process-test-coverage/&lt;class&gt;/report.json); this adds them up per
 * process across all classes and JVMs, prints the table and fails the build below the line.
 * Run by {@code ./mvnw verify} after the tests (exec-maven-plugin).
 */
public final class ProcessCoverageGate {

  static final double MINIMUM = 0.90;

  public static void main(String[] args) throws IOException {
    Path reports = Path.of(args.length > 0 ? args[0] : "target/process-test-coverage");
    Path models = Path.of(args.length > 1 ? args[1] : "processes");
    Map<String, Set<String>> covered = new HashMap<>();
    if (Files.isDirectory(reports)) {
      try (Stream<Path> files = Files.walk(reports)) {
        for (Path report : files.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
          JsonNode json = new ObjectMapper().readTree(report.toFile());
          for (JsonNode suite : json.path("suites")) {
            for (JsonNode run : suite.path("runs")) {
              for (JsonNode event : run.path("events")) {
                if ("FLOW_NODE".equals(event.path("source").asText())) {
                  covered.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                      .add(event.path("definitionKey").asText());
                }
              }
            }
          }
        }
      }
    }
    Map<String, Set<String>> nodes = new TreeMap<>();
    try (Stream<Path> files = Files.list(models)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(
            Files.readString(file, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
        String key = model.getModelElementsByType(Process.class).iterator().next().getId();
        Set<String> ids = new HashSet<>();
        model.getModelElementsByType(FlowNode.class).forEach(node -> ids.add(node.getId()));
        nodes.put(key, ids);
      }
    }
    boolean failed = false;
    System.out.println();
    System.out.println("Process coverage (flow nodes passed by the tests, at least " + Math.round(MINIMUM * 100) + "%)");
    System.out.printf("%-22s %8s %8s %9s  %s%n", "process", "nodes", "passed", "coverage", "not passed");
    for (var entry : nodes.entrySet()) {
      Set<String> all = entry.getValue();
      Set<String> passed = new HashSet<>(covered.getOrDefault(entry.getKey(), Set.of()));
      passed.retainAll(all);
      double coverage = all.isEmpty() ? 1 : (double) passed.size() / all.size();
      Set<String> missing = new TreeMap<String, String>() {{
        all.stream().filter(id -> !passed.contains(id)).forEach(id -> put(id, id));
      }}.keySet();
      boolean below = coverage < MINIMUM;
      failed |= below;
      System.out.printf("%-22s %8d %8d %8.1f%%  %s%s%n", entry.getKey(), all.size(), passed.size(), coverage * 100,
          missing.isEmpty() ? "-" : String.join(", ", missing), below ? "   << below " + Math.round(MINIMUM * 100) + "%" : "");
    }
    if (failed) {
      System.out.println("Process coverage below " + Math.round(MINIMUM * 100) + "% — add tests for the paths above.");
      System.exit(1);
    }
  }

  private ProcessCoverageGate() {}
}
