package io.careflow.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's charts, drawn on the server as SVG: no script, no chart library, nothing
 * fetched at run time (machines may be offline), and every label goes through the escaping
 * of the {@code .ftlh} template like any other text. This class only computes geometry; the
 * template {@code reporting/dashboard.ftlh} writes the shapes (public, so the template can
 * read the records).
 */
public final class SvgCharts {

  static final int WIDTH = 640;

  private SvgCharts() {}

  /** One SVG element: {@code kind} is rect, line, text, polyline or circle; coordinates preformatted. */
  public record Shape(String kind, String x, String y, String w, String h, String cls, String text, String title,
      String points, String anchor) {}

  /** A chart: its shapes, how many data points it shows (0: the page says "no data"), a summary line. */
  public record Chart(String id, String title, String summary, int width, int height, int points, List<Shape> shapes) {}

  public record Bar(String label, double value, String valueText) {}

  public record Series(String name, String cls) {}

  public record Group(String label, List<Double> values) {}

  public record Point(String label, Double value) {}

  /** Horizontal bars, one row per label, scaled to {@code max} (the largest value when null). */
  static Chart bars(String id, String title, String summary, List<Bar> bars, Double max) {
    int labelWidth = 190;
    int valueWidth = 90;
    int rowHeight = 26;
    double barArea = WIDTH - labelWidth - valueWidth;
    double top = max != null ? max : bars.stream().mapToDouble(Bar::value).max().orElse(0);
    var shapes = new ArrayList<Shape>();
    int points = 0;
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = i * rowHeight;
      double w = top <= 0 ? 0 : barArea * bar.value() / top;
      shapes.add(text(labelWidth - 8, y + 17, bar.label(), "label", "end"));
      shapes.add(rect(labelWidth, y + 4, Math.max(w, bar.value() > 0 ? 1 : 0), rowHeight - 8, "bar",
          bar.label() + ": " + bar.valueText()));
      shapes.add(text(labelWidth + w + 6, y + 17, bar.valueText(), "value", "start"));
      points += bar.value() > 0 ? 1 : 0;
    }
    return new Chart(id, title, summary, WIDTH, Math.max(rowHeight, bars.size() * rowHeight), points, shapes);
  }

  /**
   * Vertical grouped bars: per group (e.g. a team) one bar per series (open, due soon,
   * breached), with a legend.
   */
  static Chart groupedBars(String id, String title, String summary, List<Series> series, List<Group> groups) {
    int height = 240;
    int bottom = 200;
    int left = 40;
    double max = groups.stream().flatMap(g -> g.values().stream()).mapToDouble(Double::doubleValue).max().orElse(0);
    var shapes = new ArrayList<Shape>();
    axis(shapes, left, bottom, max, 0);
    double groupWidth = groups.isEmpty() ? 0 : (WIDTH - left - 10.0) / groups.size();
    double barWidth = Math.min(28, groupWidth * 0.8 / Math.max(1, series.size()));
    int points = 0;
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      double x0 = left + g * groupWidth + (groupWidth - barWidth * series.size()) / 2;
      for (int s = 0; s < series.size(); s++) {
        double value = group.values().get(s);
        double h = max <= 0 ? 0 : (bottom - 20) * value / max;
        shapes.add(rect(x0 + s * barWidth, bottom - h, barWidth - 2, h, series.get(s).cls(),
            group.label() + " · " + series.get(s).name() + ": " + format(value, 0)));
        points += value > 0 ? 1 : 0;
      }
      shapes.add(text(left + g * groupWidth + groupWidth / 2, bottom + 16, group.label(), "label", "middle"));
    }
    for (int s = 0; s < series.size(); s++) {
      shapes.add(rect(left + s * 130, height - 14, 10, 10, series.get(s).cls(), series.get(s).name()));
      shapes.add(text(left + s * 130 + 14, height - 5, series.get(s).name(), "legend", "start"));
    }
    return new Chart(id, title, summary, WIDTH, height, points, shapes);
  }

  /**
   * A histogram of equal bins with vertical markers (e.g. median and 90th percentile) at
   * positions in the bins' unit; a marker beyond the last bound sits in the last bin.
   */
  static Chart histogram(String id, String title, String summary, List<Bar> bins, double binWidthUnits,
      List<Bar> markers) {
    int height = 250;
    int bottom = 200;
    int left = 40;
    double max = bins.stream().mapToDouble(Bar::value).max().orElse(0);
    var shapes = new ArrayList<Shape>();
    axis(shapes, left, bottom, max, 0);
    double w = bins.isEmpty() ? 0 : (WIDTH - left - 10.0) / bins.size();
    int points = 0;
    for (int i = 0; i < bins.size(); i++) {
      Bar bin = bins.get(i);
      double h = max <= 0 ? 0 : (bottom - 30) * bin.value() / max;
      shapes.add(rect(left + i * w + 1, bottom - h, w - 2, h, "bar", bin.label() + ": " + bin.valueText()));
      if (i % 2 == 0) {
        shapes.add(text(left + i * w, bottom + 14, bin.label().replaceAll("[–+].*", ""), "tick", "middle"));
      }
      points += bin.value() > 0 ? 1 : 0;
    }
    shapes.add(text(WIDTH - 10, bottom + 30, "working minutes to the first reply", "tick", "end"));
    for (int m = 0; m < markers.size(); m++) {
      Bar marker = markers.get(m);
      double x = left + Math.min(marker.value() / binWidthUnits, bins.size() - 0.5) * w;
      shapes.add(line(x, 12, x, bottom, "marker marker-" + m, marker.label() + ": " + marker.valueText()));
      shapes.add(text(x + 4, 12 + m * 14, marker.label() + " " + marker.valueText(), "marker-label marker-" + m,
          "start"));
    }
    return new Chart(id, title, summary, WIDTH, height, points, shapes);
  }

  /** A line over days; a day without a value breaks the line. The y axis runs from {@code min} to {@code max}. */
  static Chart line(String id, String title, String summary, List<Point> points, double min, double max,
      int decimals) {
    int height = 200;
    int bottom = 170;
    int top = 10;
    int left = 40;
    var shapes = new ArrayList<Shape>();
    for (double v : new double[] {min, (min + max) / 2, max}) {
      double y = bottom - (bottom - top) * (v - min) / (max - min);
      shapes.add(line(left, y, WIDTH - 10, y, "grid", null));
      shapes.add(text(left - 4, y + 4, format(v, 0), "tick", "end"));
    }
    double step = points.size() <= 1 ? 0 : (WIDTH - left - 20.0) / (points.size() - 1);
    var segment = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double x = left + 10 + i * step;
      if (i == 0 || i == points.size() - 1 || i == points.size() / 2) {
        shapes.add(text(x, bottom + 16, p.label(), "tick",
            i == 0 ? "start" : i == points.size() - 1 ? "end" : "middle"));
      }
      if (p.value() == null) {
        flush(shapes, segment);
        continue;
      }
      double y = bottom - (bottom - top) * (p.value() - min) / (max - min);
      segment.append(segment.length() == 0 ? "" : " ").append(format(x, 1)).append(',').append(format(y, 1));
      shapes.add(new Shape("circle", format(x, 1), format(y, 1), "3", null, "dot", null,
          p.label() + ": " + format(p.value(), decimals), null, null));
      shown++;
    }
    flush(shapes, segment);
    return new Chart(id, title, summary, WIDTH, height, shown, shapes);
  }

  private static void flush(List<Shape> shapes, StringBuilder segment) {
    if (segment.length() > 0) {
      shapes.add(0, new Shape("polyline", null, null, null, null, "line", null, null, segment.toString(), null));
      segment.setLength(0);
    }
  }

  private static void axis(List<Shape> shapes, int left, int bottom, double max, int decimals) {
    shapes.add(line(left, bottom, WIDTH - 10, bottom, "axis", null));
    shapes.add(text(left - 4, bottom, "0", "tick", "end"));
    if (max > 0) {
      shapes.add(text(left - 4, 24, format(max, decimals), "tick", "end"));
    }
  }

  private static Shape rect(double x, double y, double w, double h, String cls, String title) {
    return new Shape("rect", format(x, 1), format(y, 1), format(w, 1), format(h, 1), cls, null, title, null, null);
  }

  private static Shape line(double x1, double y1, double x2, double y2, String cls, String title) {
    return new Shape("line", format(x1, 1), format(y1, 1), format(x2, 1), format(y2, 1), cls, null, title, null,
        null);
  }

  private static Shape text(double x, double y, String text, String cls, String anchor) {
    return new Shape("text", format(x, 1), format(y, 1), null, null, cls, text, null, null, anchor);
  }

  /** Numbers in SVG and labels the same everywhere: a dot for decimals, no grouping. */
  static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
