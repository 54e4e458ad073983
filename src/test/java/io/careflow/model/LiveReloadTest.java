package io.careflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.OwnCareflow;
import io.careflow.support.WorkingCopy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Designing with careflow running (profile demo): a saved model is deployed within 2 seconds and
 * the log names its new version; a broken one is refused with its file, line and reason while the
 * running version stays; saving an unchanged file deploys nothing; a text in templates/ is read
 * again. careflow runs on a working copy in a temporary folder, as {@code ./mvnw spring-boot:run}
 * runs on the checkout.
 */
@Tag(OwnCareflow.TAG)
@ExtendWith(OutputCaptureExtension.class)
class LiveReloadTest {

  static final Duration WITHIN = Duration.ofSeconds(2);

  @TempDir
  Path copy;

  @Test
  void shouldDeployASavedModelAndRefuseABrokenOne(CapturedOutput log) throws Exception {
    WorkingCopy.copyInto(copy);
    try (ConfigurableApplicationContext careflow = WorkingCopy.start(copy,
        "--careflow.designer.live-reload.enabled=true", "--careflow.designer.live-reload.root=" + copy.toAbsolutePath(),
        "--logging.level.io.careflow.model=INFO")) {
      ProcessEngine engine = careflow.getBean(ProcessEngine.class);
      Path inquiry = copy.resolve("processes/inquiry.bpmn");
      String original = Files.readString(inquiry, StandardCharsets.UTF_8);
      assertThat(version(engine, "inquiry")).isEqualTo(1);

      // saved with a change: a new version within 2 s, named in the log
      long saved = System.nanoTime();
      Files.writeString(inquiry, original.replace("name=\"Answer the customer\"", "name=\"Answer the customer now\""));
      assertThat(within(WITHIN, () -> version(engine, "inquiry") == 2)).as("inquiry version 2 within 2 s").isTrue();
      System.out.printf("===== live reload: new version deployed %d ms after the save%n",
          (System.nanoTime() - saved) / 1_000_000);
      assertThat(within(WITHIN, () -> log.getOut().contains("Live reload: processes/inquiry.bpmn deployed: inquiry "
          + "version 2"))).isTrue();

      // broken XML: refused with file and line, version 2 keeps running
      Files.writeString(inquiry, original.replace("<bpmn:process id=\"inquiry\"", "<bpmn:process id=\"inquiry\" <"));
      assertThat(within(Duration.ofSeconds(5), () -> log.getOut().contains("Live reload refused processes/inquiry.bpmn")))
          .isTrue();
      assertThat(log.getOut()).containsPattern("processes/inquiry.bpmn line \\d+, column \\d+");
      assertThat(version(engine, "inquiry")).isEqualTo(2);

      // a table careflow's checks refuse: named by file and row, the running version stays
      Path classification = copy.resolve("processes/contact-classification.dmn");
      Files.writeString(classification, Files.readString(classification)
          .replace("<text>\"return\"</text>", "<text>\"returns\"</text>"));
      assertThat(within(Duration.ofSeconds(5), () -> log.getOut().contains(
          "Live reload refused processes/contact-classification.dmn"))).isTrue();
      assertThat(log.getOut()).contains("rule_hint_return").contains("protocol 'returns'");
      assertThat(version(engine, "contact-classification")).isEqualTo(1);

      // saved unchanged: nothing deployed
      Path contact = copy.resolve("processes/contact.bpmn");
      Files.writeString(contact, Files.readString(contact));
      assertThat(within(Duration.ofSeconds(5), () -> log.getOut().contains(
          "Live reload: processes/contact.bpmn unchanged, nothing deployed"))).isTrue();
      assertThat(version(engine, "contact")).isEqualTo(1);

      // a topic's name in templates/: read again
      TopicCatalog topics = careflow.getBean(TopicCatalog.class);
      assertThat(topics.label("RETURN", "en")).isEqualTo("Return");
      Path names = copy.resolve("templates/topics_en.properties");
      Files.writeString(names, Files.readString(names).replace("RETURN=Return", "RETURN=Return an item"));
      assertThat(within(WITHIN, () -> topics.label("RETURN", "en").equals("Return an item"))).isTrue();
    }
  }

  private static int version(ProcessEngine engine, String key) {
    var repository = engine.getRepositoryService();
    var process = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    if (process != null) {
      return process.getVersion();
    }
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult()
        .getVersion();
  }

  private static boolean within(Duration time, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + time.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }

}
