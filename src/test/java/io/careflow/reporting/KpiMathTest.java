package io.careflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the KPIs and the CSV exports, without a database. */
class KpiMathTest {

  @Test
  void shouldTakeTheNearestRankPercentileOfAHistogram() {
    var histogram = new TreeMap<Long, Long>();
    assertThat(KpiService.percentile(histogram, 0.5)).isNull();
    histogram.put(7L, 1L);
    assertThat(KpiService.percentile(histogram, 0.5)).isEqualTo(7);
    assertThat(KpiService.percentile(histogram, 0.9)).isEqualTo(7);
    // 10 20 20 20 30 40 50 60 70 500: rank 5 is 30, rank 9 is 70
    histogram.clear();
    histogram.putAll(java.util.Map.of(10L, 1L, 20L, 3L, 30L, 1L, 40L, 1L, 50L, 1L, 60L, 1L, 70L, 1L, 500L, 1L));
    assertThat(KpiService.percentile(histogram, 0.5)).isEqualTo(30);
    assertThat(KpiService.percentile(histogram, 0.9)).isEqualTo(70);
    assertThat(KpiService.percentile(histogram, 1.0)).isEqualTo(500);
  }

  @Test
  void shouldScoreNpsCsiAndRates() {
    assertThat(KpiService.nps(5, 2, 10)).isEqualTo(30.0);
    assertThat(KpiService.nps(0, 3, 3)).isEqualTo(-100.0);
    assertThat(KpiService.nps(0, 0, 0)).isNull();
    assertThat(KpiService.csi(10, 2)).isEqualTo(100.0);
    assertThat(KpiService.csi(2, 2)).isEqualTo(0.0);
    assertThat(KpiService.rate(1, 3)).isEqualTo(0.3333);
    assertThat(KpiService.rate(0, 0)).isNull();
    assertThat(KpiService.average(7, 2)).isEqualTo(3.5);
  }

  @Test
  void shouldBinFirstRepliesInHalfHours() {
    var histogram = new TreeMap<Long, Long>(java.util.Map.of(0L, 1L, 29L, 1L, 30L, 2L, 479L, 1L, 480L, 3L, 9000L, 1L));
    var bins = KpiService.bins(histogram);
    assertThat(bins).hasSize(17);
    assertThat(bins.get(0).contacts()).isEqualTo(2);
    assertThat(bins.get(1).contacts()).isEqualTo(2);
    assertThat(bins.get(15).contacts()).isEqualTo(1);
    assertThat(bins.get(16).toMinutes()).isNull();
    assertThat(bins.get(16).contacts()).isEqualTo(4);
  }

  @Test
  void shouldWriteCsvThatNoSpreadsheetRuns() {
    assertThat(Csv.line(List.of("a", "b, c", "say \"hi\""))).isEqualTo("a,\"b, c\",\"say \"\"hi\"\"\"\r\n");
    assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(Csv.cell("+48 600")).isEqualTo("'+48 600");
    assertThat(Csv.cell("@sum")).isEqualTo("'@sum");
    assertThat(Csv.cell(-5)).isEqualTo("-5");
    assertThat(Csv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(Csv.cell(null)).isEmpty();
  }
}
