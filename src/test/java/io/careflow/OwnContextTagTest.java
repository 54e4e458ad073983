package io.careflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.OwnCareflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A test class that changes careflow's configuration (its own properties, profiles, imports or
 * mocked beans) starts a second careflow. Camunda registers the engine "default" in static
 * registries the REST API, the webapps and camunda-bpm-assert read, so in the shared JVM every
 * later test would talk to the second careflow's engine and database: tasks and filters "not
 * found" all through the build. Such a class carries {@link OwnCareflow#TAG} (a JVM of its own;
 * {@code @PostgresCareflow} carries it too) or is a reliability test; an abstract one passes when
 * each of its subclasses does.
 */
class OwnContextTagTest {

  private static final Pattern OWN_CONTEXT = Pattern.compile(
      "(?m)^@(TestPropertySource|ActiveProfiles|Import|SpringBootTest|ContextConfiguration)\\b"
          + "|@DynamicPropertySource|^\\s*@(MockitoBean|MockBean|MockitoSpyBean|SpyBean)\\b");
  private static final Pattern SEPARATE_JVM = Pattern.compile(
      "@Tag\\(OwnCareflow\\.TAG\\)|@ReliabilityTest\\b|@PostgresCareflow\\b");

  @Test
  void shouldRunEveryClassThatStartsItsOwnCareflowInAJvmOfItsOwn() throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(file.getFileName().toString().replace(".java", ""), Files.readString(file));
      }
    }
    assertThat(sources).containsKey(CareflowIntegrationTest.class.getSimpleName());

    List<String> shared = new ArrayList<>();
    sources.forEach((name, source) -> {
      if (!name.equals(CareflowIntegrationTest.class.getSimpleName()) && OWN_CONTEXT.matcher(source).find()) {
        shared.addAll(inTheSharedJvm(name, sources));
      }
    });
    assertThat(shared).as("classes with a careflow of their own, run in the shared JVM: tag them "
        + "@Tag(OwnCareflow.TAG)").isEmpty();
  }

  @Test
  void shouldFindAClassWithItsOwnPropertiesAndNoTag() {
    Map<String, String> sources = Map.of("Limits", "@TestPropertySource(properties = \"a=b\")\nclass Limits {}",
        "Tagged", "@Tag(OwnCareflow.TAG)\n@TestPropertySource(properties = \"a=b\")\nclass Tagged {}",
        "Scenarios", "@TestPropertySource(properties = \"a=b\")\nabstract class Scenarios {}",
        "OnH2", "class OnH2 extends Scenarios {}");
    assertThat(inTheSharedJvm("Limits", sources)).containsExactly("Limits");
    assertThat(inTheSharedJvm("Tagged", sources)).isEmpty();
    assertThat(inTheSharedJvm("Scenarios", sources)).containsExactly("OnH2");
  }

  /** {@code name}, or the subclasses of an abstract {@code name}, that would run in the shared JVM. */
  private static List<String> inTheSharedJvm(String name, Map<String, String> sources) {
    String source = sources.get(name);
    if (SEPARATE_JVM.matcher(source).find()) {
      return List.of();
    }
    if (!source.contains("abstract class " + name)) {
      return List.of(name);
    }
    Pattern extending = Pattern.compile("\\bextends " + name + "\\b");
    List<String> untagged = new ArrayList<>();
    sources.forEach((other, text) -> {
      if (extending.matcher(text).find()) {
        untagged.addAll(inTheSharedJvm(other, sources));
      }
    });
    return untagged;
  }
}
