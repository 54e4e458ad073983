package io.careflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The SQL scripts the engine's jar ships for its own tables (Camunda's documented way to create
 * and upgrade them, the same files as the distribution's {@code sql/} folder): the create scripts
 * of the jar's version and the upgrade scripts from every earlier version, for one database
 * ({@code h2}, {@code postgres}). Read from the classpath, so a careflow release that moves the
 * engine to a newer version (or to a compatible fork with the same layout) brings its scripts
 * with it and nothing is copied into careflow.
 *
 * <p>An upgrade script is either a minor step ({@code postgres_engine_7.23_to_7.24.sql}: to
 * 7.24.0) or a patch within one minor line ({@code postgres_engine_7.24_patch_7.24.0_to_7.24.1.sql},
 * sometimes in parts {@code _1}, {@code _2}). As in Camunda's own changelog, a move across minor
 * lines takes the minor steps only (each contains the patches of the line before it); patch
 * scripts count only within the jar's own minor line.
 */
public final class EngineScripts {

  /** Where the engine jar keeps them. */
  static final String ROOT = "org/camunda/bpm/engine/db/";
  /** Camunda's order of the create scripts (the engine's own schema creation uses the same). */
  static final List<String> CREATE_PARTS = List.of("engine", "history", "identity", "case.engine",
      "case.history", "decision.engine", "decision.history");

  private static final Pattern MINOR = Pattern.compile("(\\w+)_engine_(\\d+\\.\\d+)_to_(\\d+\\.\\d+)\\.sql");
  private static final Pattern PATCH =
      Pattern.compile("(\\w+)_engine_(\\d+\\.\\d+)_patch_(\\d+\\.\\d+\\.\\d+)_to_(\\d+\\.\\d+\\.\\d+)(?:_(\\d+))?\\.sql");

  /**
   * One upgrade script: the version it brings the schema to, its part number, where it is. Its
   * text is read only when it is applied: a start reads the names of the scripts (66 for PostgreSQL in 7.24), not their text.
   */
  public record Upgrade(Version target, int part, String fileName, Resource resource) {

    /** The script's text. */
    public String sql() {
      try {
        return read(resource);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read the engine's " + fileName, e);
      }
    }

    /** What Flyway records, e.g. "camunda engine 7.23 to 7.24". */
    public String description() {
      return "camunda " + fileName.replaceFirst("^[a-z0-9]+_", "").replace(".sql", "").replace('_', ' ');
    }
  }

  private final String database;
  private final List<Upgrade> upgrades;
  private final Version version;

  private EngineScripts(String database, List<Upgrade> upgrades) {
    this.database = database;
    this.upgrades = upgrades;
    this.version = upgrades.stream().map(Upgrade::target).max(Comparator.naturalOrder())
        .orElseThrow(() -> new IllegalStateException("The engine's jar has no upgrade scripts for " + database
            + " below " + ROOT + "upgrade/: careflow cannot tell which schema version it creates"));
  }

  /** The scripts for one database, as Camunda names it ({@code h2}, {@code postgres}). */
  public static EngineScripts of(String database) {
    List<Upgrade> minors = new ArrayList<>();
    List<Upgrade> patches = new ArrayList<>();
    try {
      Resource[] found = new PathMatchingResourcePatternResolver(EngineScripts.class.getClassLoader())
          .getResources("classpath*:" + ROOT + "upgrade/" + database + "_engine_*.sql");
      for (Resource resource : found) {
        String name = resource.getFilename();
        Matcher minor = MINOR.matcher(name);
        Matcher patch = PATCH.matcher(name);
        if (minor.matches() && minor.group(1).equals(database)) {
          minors.add(new Upgrade(Version.of(minor.group(3) + ".0"), 0, name, resource));
        } else if (patch.matches() && patch.group(1).equals(database)) {
          int part = patch.group(5) == null ? 0 : Integer.parseInt(patch.group(5));
          patches.add(new Upgrade(Version.of(patch.group(4)), part, name, resource));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the engine's upgrade scripts", e);
    }
    Version newestMinor = minors.stream().map(Upgrade::target).max(Comparator.naturalOrder())
        .orElse(Version.of("0.0.0"));
    List<Upgrade> all = new ArrayList<>(minors);
    patches.stream().filter(patch -> patch.target().sameMinor(newestMinor)).forEach(all::add);
    all.sort(Comparator.comparing(Upgrade::target).thenComparingInt(Upgrade::part));
    return new EngineScripts(database, List.copyOf(all));
  }

  /** The schema version the jar's create scripts make (the newest an upgrade script reaches). */
  public Version version() {
    return version;
  }

  /** The create scripts, joined in Camunda's order. */
  public String create() {
    StringBuilder sql = new StringBuilder();
    for (String part : CREATE_PARTS) {
      String path = ROOT + "create/activiti." + database + ".create." + part + ".sql";
      try (InputStream in = EngineScripts.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("The engine's jar has no " + path);
        }
        sql.append("-- ").append(path).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sql.toString();
  }

  /** The upgrade scripts a schema at {@code current} needs, oldest first. */
  public List<Upgrade> after(Version current) {
    return upgrades.stream().filter(upgrade -> upgrade.target().compareTo(current) > 0).toList();
  }

  private static String read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A schema version such as 7.24.0, compared number by number. */
  public record Version(int[] numbers) implements Comparable<Version> {

    public static Version of(String text) {
      String[] parts = text.trim().split("\\.");
      int[] numbers = new int[3];
      for (int i = 0; i < Math.min(3, parts.length); i++) {
        numbers[i] = Integer.parseInt(parts[i].replaceAll("\\D.*$", ""));
      }
      return new Version(numbers);
    }

    public static Optional<Version> parse(String text) {
      try {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(of(text));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    boolean sameMinor(Version other) {
      return numbers[0] == other.numbers[0] && numbers[1] == other.numbers[1];
    }

    @Override
    public int compareTo(Version other) {
      return Arrays.compare(numbers, other.numbers);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Version version && Arrays.equals(numbers, version.numbers);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(numbers);
    }

    @Override
    public String toString() {
      return numbers[0] + "." + numbers[1] + "." + numbers[2];
    }
  }
}
