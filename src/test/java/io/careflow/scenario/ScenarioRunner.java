package io.careflow.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the process designers' scenario files ({@code *.yaml}, vocabulary in
 * {@code processes/scenarios/README.md}) against a running careflow, one JUnit dynamic test per
 * file. It needs no Spring test wiring: give it a {@link Careflow} (base URL, engine, a few
 * beans) and a directory — the shared test careflow does so in {@link ScenarioTest}; a test that
 * started careflow on its own copy of the models can do the same with its own.
 *
 * <p>Every scenario starts with the engine clock at its start instant and leaves it reset.
 */
public final class ScenarioRunner {

  /** System property naming another directory of scenario files. */
  public static final String DIRECTORY_PROPERTY = "careflow.scenarios.dir";
  /** Beside the models, in the project (the packaged application leaves them out). */
  public static final Path DEFAULT_DIRECTORY = Path.of("processes", "scenarios");

  private final Careflow careflow;

  public ScenarioRunner(Careflow careflow) {
    this.careflow = careflow;
  }

  /** {@value #DIRECTORY_PROPERTY} when set, else {@code processes/scenarios} of the project. */
  public static Path directory() {
    String configured = System.getProperty(DIRECTORY_PROPERTY);
    return configured == null || configured.isBlank() ? DEFAULT_DIRECTORY : Path.of(configured);
  }

  /** The scenario files of the directory, by name. */
  public static List<Path> files(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("No scenario directory " + directory.toAbsolutePath());
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f)).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One test per scenario file; a file that does not read is that test's failure, not the others'. */
  public Stream<DynamicTest> tests(Path directory) {
    return files(directory).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        file.toUri(), () -> run(file)));
  }

  /**
   * Reads and runs one scenario file.
   *
   * @throws AssertionError naming the file, the step and what differed
   */
  public Duration run(Path file) {
    long started = System.nanoTime();
    Scenario scenario = ScenarioReader.read(file);
    ScenarioRun run = new ScenarioRun(careflow, scenario);
    try {
      run.execute();
    } finally {
      run.resetClock();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf("scenario %s (%s): %d ms%n", scenario.file(), scenario.title() == null ? "" : scenario.title(),
        took.toMillis());
    return took;
  }
}
