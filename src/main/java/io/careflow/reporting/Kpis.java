package io.careflow.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of a period as {@code GET /api/kpis} answers (API.md "KPIs"; definitions in
 * docs/reference.md). Rates are fractions (0.93 = 93%), NPS runs from -100 to 100; a measure without
 * data in the period is {@code null}, never 0.
 */
public record Kpis(
    OffsetDateTime from,
    OffsetDateTime to,
    Filters filters,
    long contacts,
    Double fcrRate,
    long fcrFinished,
    long fcrResolved,
    Long firstReplyMedianWorkingMinutes,
    Long firstReplyP90WorkingMinutes,
    long firstReplies,
    SlaCompliance slaCompliance,
    Double csatAverage,
    Double csi,
    Double nps,
    Double cesAverage,
    Surveys surveys,
    OffsetDateTime backlogAsOf,
    List<TeamBacklog> backlogByTeam,
    Map<String, Long> contactsByTopic,
    Map<String, Long> contactsByChannel,
    List<ReturnReasonCount> returnReasons,
    List<CategoryReturns> returnsByCategory,
    List<ProductReturns> topReturnedProducts,
    List<FirstReplyBin> firstReplyDistribution) {

  public record Filters(String channel, String team, String topic) {}

  /** Reply deadlines decided in the period (met or missed) and met, overall and per channel. */
  public record SlaCompliance(Double overall, long decided, long met, Map<String, ChannelSla> byChannel) {}

  public record ChannelSla(Double rate, long decided, long met) {}

  public record Surveys(long answers, long promoters, long passives, long detractors, long csatSatisfied) {}

  /** Open contacts of a team now ({@code team} null: not classified yet, in triage). */
  public record TeamBacklog(String team, long open, long waitingForCustomer, long dueSoon, long breached) {}

  public record ReturnReasonCount(String reason, String label, long returns) {}

  /**
   * The returns of one product category (SPEC R6), by reason, most returned first. The category
   * comes from the product-category table of routing.dmn by the contact's SKU; {@code null}: the
   * contact named no product, or one the table does not know.
   */
  public record CategoryReturns(String category, long returns, List<ReturnReasonCount> reasons) {}

  /** One of the most returned products: its SKU, category, returns and why, most frequent reason first. */
  public record ProductReturns(String productSku, String category, long returns, List<ReturnReasonCount> reasons) {}

  /** Contacts whose first reply took {@code fromMinutes} to less than {@code toMinutes} (null: no upper bound). */
  public record FirstReplyBin(long fromMinutes, Long toMinutes, long contacts) {}

  /** One shop-local day of the per-day series. */
  public record Day(
      LocalDate day,
      long contacts,
      Double fcrRate,
      Long firstReplyMedianWorkingMinutes,
      Long firstReplyP90WorkingMinutes,
      Double slaCompliance,
      Double csatAverage,
      Double nps,
      Double cesAverage,
      long surveyAnswers) {}
}
