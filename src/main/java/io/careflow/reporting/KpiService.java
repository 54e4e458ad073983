package io.careflow.reporting;

import io.careflow.casefile.Channel;
import io.careflow.protocol.returns.ReturnReason;
import io.careflow.reporting.Kpis.ChannelSla;
import io.careflow.reporting.Kpis.FirstReplyBin;
import io.careflow.reporting.Kpis.ReturnReasonCount;
import io.careflow.reporting.Kpis.SlaCompliance;
import io.careflow.reporting.Kpis.TeamBacklog;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.InvalidRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The KPIs of a period and the per-day series, from {@link KpiRepository}'s aggregates. */
@Service
public class KpiService {

  /** "Due soon" on the backlog: a deadline within the next hour (the same as the Prometheus gauge). */
  public static final Duration DUE_SOON = Duration.ofHours(1);
  /** Bins of the first-reply chart: half an hour each up to one working day, then one for the rest. */
  static final long BIN_MINUTES = 30;
  static final long LAST_BIN_FROM = 480;
  static final String NO_TOPIC = "UNCLASSIFIED";

  /** How many of the most returned products the KPIs list. */
  static final int TOP_RETURNED_PRODUCTS = 10;

  private final KpiRepository kpis;
  private final ReportedTopics topics;
  private final BusinessHoursProperties shopTime;
  private final Clock clock;
  private final ProductCategories categories;

  public KpiService(KpiRepository kpis, ReportedTopics topics, BusinessHoursProperties shopTime, Clock clock,
      ProductCategories categories) {
    this.categories = categories;
    this.kpis = kpis;
    this.topics = topics;
    this.shopTime = shopTime;
    this.clock = clock;
  }

  /** One read-only transaction: on PostgreSQL the queries then see one snapshot of the data. */
  @Transactional(readOnly = true)
  public Kpis of(KpiFilter f) {
    var zone = shopTime.zone();
    var byChannel = new LinkedHashMap<String, Long>();
    var byTopic = new LinkedHashMap<String, Long>();
    for (Channel channel : Channel.values()) {
      byChannel.put(channel.name(), 0L);
    }
    // every deployed topic is listed, also with no contacts; earlier topics when they have some
    for (String topic : topics.current()) {
      byTopic.put(topic, 0L);
    }
    long contacts = 0;
    long finished = 0;
    long resolved = 0;
    for (KpiRepository.Volume v : kpis.volume(f, zone)) {
      contacts += v.contacts();
      finished += v.finished();
      resolved += v.firstContactResolved();
      byChannel.merge(v.channel(), v.contacts(), Long::sum);
      byTopic.merge(v.topic().isEmpty() ? NO_TOPIC : v.topic(), v.contacts(), Long::sum);
    }

    var slaByChannel = new LinkedHashMap<String, long[]>();
    for (KpiRepository.Sla s : kpis.sla(f, zone)) {
      long[] sums = slaByChannel.computeIfAbsent(s.channel(), c -> new long[2]);
      sums[0] += s.decided();
      sums[1] += s.met();
    }
    var channels = new TreeMap<String, ChannelSla>();
    long decided = 0;
    long met = 0;
    for (var e : slaByChannel.entrySet()) {
      channels.put(e.getKey(), new ChannelSla(rate(e.getValue()[1], e.getValue()[0]), e.getValue()[0],
          e.getValue()[1]));
      decided += e.getValue()[0];
      met += e.getValue()[1];
    }

    TreeMap<Long, Long> histogram = kpis.firstReplyHistogram(f, zone);
    long replies = histogram.values().stream().mapToLong(Long::longValue).sum();

    KpiRepository.Surveys s = kpis.surveys(f, zone);

    List<KpiRepository.Returns> returns = kpis.returns(f, zone);
    List<ReturnReasonCount> reasons = reasons(returns);
    ProductCategories.Lookup category = categories.lookup();
    var byCategory = new java.util.HashMap<String, List<KpiRepository.Returns>>();
    var byProduct = new java.util.HashMap<String, List<KpiRepository.Returns>>();
    for (KpiRepository.Returns r : returns) {
      String sku = r.productSku().isEmpty() ? null : r.productSku();
      byCategory.computeIfAbsent(String.valueOf(category.of(sku)), k -> new ArrayList<>()).add(r);
      if (sku != null) {
        byProduct.computeIfAbsent(sku, k -> new ArrayList<>()).add(r);
      }
    }
    List<Kpis.CategoryReturns> returnsByCategory = byCategory.values().stream()
        .map(rows -> new Kpis.CategoryReturns(category.of(nonEmpty(rows.get(0).productSku())), total(rows),
            reasons(rows)))
        .sorted(Comparator.comparingLong(Kpis.CategoryReturns::returns).reversed()
            .thenComparing(Kpis.CategoryReturns::category, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
    List<Kpis.ProductReturns> topReturnedProducts = byProduct.entrySet().stream()
        .map(e -> new Kpis.ProductReturns(e.getKey(), category.of(e.getKey()), total(e.getValue()),
            reasons(e.getValue())))
        .sorted(Comparator.comparingLong(Kpis.ProductReturns::returns).reversed()
            .thenComparing(Kpis.ProductReturns::productSku))
        .limit(TOP_RETURNED_PRODUCTS).toList();

    Instant now = clock.instant();
    return new Kpis(at(f.from()), at(f.to()),
        new Kpis.Filters(f.channel() == null ? null : f.channel().name(), f.team(),
            f.topic()),
        contacts, rate(resolved, finished), finished, resolved,
        percentile(histogram, 0.5), percentile(histogram, 0.9), replies,
        new SlaCompliance(rate(met, decided), decided, met, channels),
        average(s.csatSum(), s.answers()), csi(s.csatSum(), s.answers()),
        nps(s.promoters(), s.detractors(), s.answers()), average(s.cesSum(), s.answers()),
        new Kpis.Surveys(s.answers(), s.promoters(), s.passives(), s.detractors(), s.csatSatisfied()),
        at(now), backlog(f, now), byTopic, byChannel, reasons, returnsByCategory, topReturnedProducts,
        bins(histogram));
  }

  /** The per-day series of the same measures, for the charts and the CSV export. */
  @Transactional(readOnly = true)
  public List<Kpis.Day> daily(KpiFilter f) {
    if (f.days(shopTime.zone()).size() > KpiFilter.MAX_DAYS) {
      throw InvalidRequestException.of("to", "the per-day series covers at most " + KpiFilter.MAX_DAYS + " days");
    }
    return kpis.daily(f, shopTime.zone()).stream().map(d -> new Kpis.Day(d.day(), d.contacts(),
        rate(d.firstContactResolved(), d.finished()), d.firstReplyMedian(), d.firstReplyP90(),
        rate(d.slaMet(), d.slaDecided()), average(d.surveys().csatSum(), d.surveys().answers()),
        nps(d.surveys().promoters(), d.surveys().detractors(), d.surveys().answers()),
        average(d.surveys().cesSum(), d.surveys().answers()), d.surveys().answers())).toList();
  }

  /** Open contacts past a deadline now, the longest overdue first (the dashboard's list). */
  @Transactional(readOnly = true)
  public List<KpiRepository.OpenBreach> openBreaches(KpiFilter f, int limit) {
    return kpis.openBreaches(f, clock.instant(), limit);
  }

  private List<TeamBacklog> backlog(KpiFilter f, Instant now) {
    var teams = new TreeMap<String, long[]>();
    for (KpiRepository.Backlog b : kpis.backlog(f, now, now.plus(DUE_SOON))) {
      long[] sums = teams.computeIfAbsent(b.team(), t -> new long[4]);
      sums[0] += b.open();
      sums[1] += "WAITING_FOR_CUSTOMER".equals(b.status()) ? b.open() : 0;
      sums[2] += b.dueSoon();
      sums[3] += b.breached();
    }
    var list = new ArrayList<TeamBacklog>();
    teams.forEach((team, v) -> list.add(new TeamBacklog(team.isEmpty() ? null : team, v[0], v[1], v[2], v[3])));
    return list;
  }

  /**
   * The nearest-rank percentile of a histogram (value → count): the smallest value with at
   * least {@code p} of all counts at or below it. An observed minute value, never an
   * interpolation; null without data.
   */
  static Long percentile(SortedMap<Long, Long> histogram, double p) {
    long total = histogram.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return null;
    }
    long rank = (long) Math.ceil(p * total);
    long running = 0;
    for (var e : histogram.entrySet()) {
      running += e.getValue();
      if (running >= rank) {
        return e.getKey();
      }
    }
    return histogram.lastKey();
  }

  static List<FirstReplyBin> bins(SortedMap<Long, Long> histogram) {
    var bins = new ArrayList<FirstReplyBin>();
    for (long from = 0; from < LAST_BIN_FROM; from += BIN_MINUTES) {
      long count = histogram.subMap(from, from + BIN_MINUTES).values().stream().mapToLong(Long::longValue).sum();
      bins.add(new FirstReplyBin(from, from + BIN_MINUTES, count));
    }
    bins.add(new FirstReplyBin(LAST_BIN_FROM, null,
        histogram.tailMap(LAST_BIN_FROM).values().stream().mapToLong(Long::longValue).sum()));
    return bins;
  }

  static Double rate(long part, long whole) {
    return whole == 0 ? null : round((double) part / whole, 4);
  }

  static Double average(long sum, long count) {
    return count == 0 ? null : round((double) sum / count, 2);
  }

  /** Customer satisfaction index: the average CSAT on a 0–100 scale (1 → 0, 5 → 100). */
  static Double csi(long csatSum, long count) {
    return count == 0 ? null : round(((double) csatSum / count - 1) / 4 * 100, 1);
  }

  /** Net promoter score: % promoters (9–10) − % detractors (0–6), from -100 to 100. */
  static Double nps(long promoters, long detractors, long answers) {
    return answers == 0 ? null : round(100.0 * (promoters - detractors) / answers, 1);
  }

  private static double round(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }

  /** The returns by reason, most frequent first (ties: by the reason's code). */
  private static List<ReturnReasonCount> reasons(List<KpiRepository.Returns> returns) {
    var counts = new java.util.TreeMap<String, Long>();
    returns.forEach(r -> counts.merge(r.reason(), r.returns(), Long::sum));
    var reasons = new ArrayList<ReturnReasonCount>();
    counts.forEach((reason, count) -> reasons.add(new ReturnReasonCount(reason, label(reason), count)));
    reasons.sort(Comparator.comparingLong(ReturnReasonCount::returns).reversed()
        .thenComparing(ReturnReasonCount::reason));
    return reasons;
  }

  private static long total(List<KpiRepository.Returns> returns) {
    return returns.stream().mapToLong(KpiRepository.Returns::returns).sum();
  }

  private static String nonEmpty(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static String label(String reason) {
    try {
      return ReturnReason.valueOf(reason).label("en");
    } catch (IllegalArgumentException e) {
      return reason;
    }
  }

  private OffsetDateTime at(Instant instant) {
    return instant.atZone(shopTime.zone()).toOffsetDateTime();
  }
}
