package io.careflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;

/**
 * Topics are data: no main Java source names a topic of the shipped classification table, so a
 * designer who renames or adds one never meets Java that expects the old list. Demo data and
 * the designer's files name topics; code does not.
 */
class NoTopicInJavaTest {

  @Test
  void shouldFindNoTopicOfTheClassificationTableInMainJava() throws IOException {
    List<String> topics;
    try (InputStream table = Files.newInputStream(Path.of("processes/contact-classification.dmn"))) {
      topics = TopicCatalog.topicsOf(DecisionRows.of(Dmn.readModelFromStream(table), TopicCatalog.DECISION)
          .orElseThrow()).stream().map(TopicCatalog.Topic::name).toList();
    }
    assertThat(topics).isNotEmpty();
    Pattern named = Pattern.compile("\\b(" + String.join("|", topics) + ")\\b");
    var found = new ArrayList<String>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (named.matcher(lines.get(i)).find()) {
            found.add(source + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(found).as("main Java naming a topic of processes/contact-classification.dmn").isEmpty();
  }
}
