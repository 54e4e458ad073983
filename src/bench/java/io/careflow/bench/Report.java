package io.careflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One table for the whole run, printed and written into BENCHMARKS.md between two markers
 * (the hand-written analysis around them stays).
 */
final class Report {

  static final String BEGIN = "<!-- bench:begin (written by ./mvnw -Pbench verify; edit outside the markers) -->";
  static final String END = "<!-- bench:end -->";

  record Row(String id, String database, String what, String careflow, String baseline, String ratio,
      String target, String holds) {}

  final List<String> header = new ArrayList<>();
  final List<Row> rows = new ArrayList<>();
  final List<String> details = new ArrayList<>();
  /** Where the table goes; written after every row too, so a stopped run leaves what it measured. */
  Path out;

  void row(String id, String database, String what, String careflow, String baseline, String ratio,
      String target, String holds) {
    rows.add(new Row(id, database, what, careflow, baseline, ratio, target, holds));
    System.out.println("[bench] " + id + " " + database + ": " + careflow + " | " + baseline + " | " + ratio
        + " | " + holds);
    if (out != null) {
      try {
        save(out, "\n_(run in progress: the rows so far)_\n");
      } catch (IOException e) {
        System.out.println("[bench] could not write " + out + ": " + e);
      }
    }
  }

  void detail(String line) {
    details.add(line);
    System.out.println("[bench]   " + line);
  }

  String render() {
    var out = new StringBuilder();
    header.forEach(line -> out.append(line).append('\n'));
    out.append('\n');
    out.append("| id | database | what | careflow | baseline | ratio | target | holds |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      out.append("| ").append(String.join(" | ", r.id(), r.database(), r.what(), r.careflow(), r.baseline(),
          r.ratio(), r.target(), r.holds())).append(" |\n");
    }
    out.append("\nFigures: median [min–max] of the runs; every run's figures:\n\n");
    details.forEach(line -> out.append("- ").append(line).append('\n'));
    return out.toString();
  }

  void write(Path file) throws IOException {
    save(file, "");
    System.out.println();
    System.out.println(render());
  }

  private void save(Path file, String note) throws IOException {
    String table = BEGIN + "\n" + render() + note + END + "\n";
    String text;
    if (Files.exists(file)) {
      String old = Files.readString(file, StandardCharsets.UTF_8);
      int b = old.indexOf(BEGIN);
      int e = old.indexOf(END);
      text = b >= 0 && e > b ? old.substring(0, b) + table + old.substring(e + END.length() + 1)
          : old + "\n" + table;
    } else {
      text = "# Benchmarks\n\n" + table;
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
