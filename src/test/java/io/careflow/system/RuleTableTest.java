package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's table "Every rule of SPEC, where it lives and the test that proves it" stays
 * true: every row names at least one test, and every test method, class, model element and file
 * it names exists — a renamed test or a moved rule fails here instead of leaving the table lying.
 */
class RuleTableTest {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern TEST = Pattern.compile("([A-Z][A-Za-z0-9]*)\\.(should[A-Za-z0-9]*)");
  private static final Pattern MAIN_CLASS = Pattern.compile("((?:[a-z]+\\.)+)([A-Z][A-Za-z0-9]*)(?:\\.([a-z][A-Za-z0-9]*))?");
  private static final Pattern ELEMENT = Pattern.compile("[a-z]+_[a-z0-9_]+|[a-z]+-[a-z-]+");

  @Test
  void shouldNameOnlyTestsClassesElementsAndFilesThatExist() throws IOException {
    List<String> rows = rows();
    assertThat(rows).as("rows of the rule table").hasSizeGreaterThan(40);
    String models = modelsText();
    var problems = new ArrayList<String>();
    for (String row : rows) {
      String[] cells = row.split("\\|");
      String rule = cells[1].strip();
      String where = cells[2];
      String tests = cells[3];
      if (!TEST.matcher(tests).find() && !tests.contains("processes/scenarios/")) {
        problems.add(rule + ": names no test");
      }
      for (String code : codes(tests)) {
        Matcher test = TEST.matcher(code);
        if (test.matches()) {
          Optional<Path> file = find(Path.of("src/test/java"), test.group(1) + ".java");
          if (file.isEmpty() || !Files.readString(file.get()).contains("void " + test.group(2) + "(")) {
            problems.add(rule + ": no test " + code);
          }
        } else if (code.startsWith("processes/") && !Files.exists(Path.of(code))) {
          problems.add(rule + ": no file " + code);
        }
      }
      for (String code : codes(where)) {
        Matcher main = MAIN_CLASS.matcher(code);
        if (code.matches("(processes|forms|templates|src)/.*")) {
          if (!Files.exists(Path.of(code.split(" ")[0]))) {
            problems.add(rule + ": no file " + code);
          }
        } else if (main.matches() && !code.startsWith("careflow.")) {
          Path source = Path.of("src/main/java/io/careflow", main.group(1).replace('.', '/'), main.group(2) + ".java");
          if (!Files.exists(source)) {
            problems.add(rule + ": no class " + code);
          } else if (main.group(3) != null && !Files.readString(source).contains(" " + main.group(3) + "(")) {
            problems.add(rule + ": no method " + code);
          }
        } else if (ELEMENT.matcher(code).matches() && !models.contains("\"" + code + "\"")) {
          problems.add(rule + ": no element or row " + code + " in processes/");
        }
      }
    }
    assertThat(problems).as("what the rule table names but the repository lacks").isEmpty();
  }

  private static List<String> rows() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("<!-- rule-table:start -->");
    int end = readme.indexOf("<!-- rule-table:end -->");
    assertThat(start).as("the README's rule table markers").isNotNegative().isLessThan(end);
    return readme.substring(start, end).lines().filter(l -> l.matches("\\| R\\d.*")).toList();
  }

  private static List<String> codes(String cell) {
    var codes = new ArrayList<String>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      codes.add(m.group(1).strip());
    }
    return codes;
  }

  private static String modelsText() throws IOException {
    var text = new StringBuilder();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(Files.readString(file));
      }
    }
    return text.toString();
  }

  private static Optional<Path> find(Path root, String fileName) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().equals(fileName)).findFirst();
    }
  }
}
