package io.careflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of careflow's code says what it is for, in its {@code package-info.java}: a
 * reader who opens a folder learns there what the package owns before reading a class. Read
 * from the sources, because a package-info with only a comment leaves no class behind.
 */
class PackageInfoTest {

  private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("src/bench/java"));

  @Test
  void shouldDescribeEveryPackageInItsPackageInfo() throws IOException {
    Map<String, Path> packages = packages();
    assertThat(packages).as("packages of %s", SOURCES).containsKeys("io.careflow", "io.careflow.system");
    assertThat(packages.entrySet().stream().filter(p -> !described(p.getKey(), p.getValue())).map(Map.Entry::getKey))
        .as("packages without a package-info.java whose comment says what the package is for")
        .isEmpty();
  }

  /** Every package of the sources that holds a class, and its folder. */
  private static Map<String, Path> packages() throws IOException {
    var found = new TreeMap<String, Path>();
    for (Path root : SOURCES) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).map(Path::getParent)
            .forEach(folder -> found.put(root.relativize(folder).toString().replace('\\', '/').replace('/', '.'),
                folder));
      }
    }
    return found;
  }

  /** A package-info of the package with a comment of a sentence or more. */
  private static boolean described(String name, Path folder) {
    Path info = folder.resolve("package-info.java");
    if (!Files.isRegularFile(info)) {
      return false;
    }
    try {
      String text = Files.readString(info);
      int start = text.indexOf("/**");
      int end = text.indexOf("*/");
      return start >= 0 && end > start && text.substring(start + 3, end).replaceAll("[\\s*]+", " ").strip().length() > 40
          && text.contains("package " + name + ";");
    } catch (IOException e) {
      return false;
    }
  }
}
