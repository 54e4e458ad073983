package io.careflow.reporting;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV for the exports. A cell that a spreadsheet would run as a formula (starting
 * with {@code = + - @}, tab or carriage return) gets a leading apostrophe: contact text is
 * written by customers, and an export must never execute it.
 */
final class Csv {

  static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

  private Csv() {}

  static String line(List<?> cells) {
    return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
