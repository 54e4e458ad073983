package io.careflow.reporting;

import static io.careflow.reporting.KpiDataSet.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.CaseRecords;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.ClassUtils;

/**
 * The KPIs of SPEC R6 on a data set with answers computed by hand (docs/reference.md "KPI definitions"),
 * in the first week of June 2019 — a period no other test writes to — with teams of its own.
 * Runs on H2 ({@link KpiTest}) and PostgreSQL ({@link KpiPostgresTest}).
 *
 * <pre>
 * #  day  channel      topic      team  status    replies        1st reply  deadline  survey     return
 * 1  Mon  EMAIL        INQUIRY    inq   RESOLVED  1 answer        30        met       5 / 10 / 1
 * 2  Mon  EMAIL        INQUIRY    inq   RESOLVED  1 answer        60        met       4 / 9 / 2      (customer X)
 * 3  Thu  EMAIL        INQUIRY    inq   RESOLVED  1 answer        90        met                      (customer X again: #2 not FCR)
 * 4  Mon  CHAT         COMPLAINT  cmp   RESOLVED  question+answer 120       missed    2 / 3 / 6
 * 5  Tue  CHAT         COMPLAINT  cmp   OPEN      –               –         open (overdue now)
 * 6  Tue  EMAIL        RETURN     ret   RESOLVED  1 answer        200       missed    3 / 7 / 4      WRONG_SIZE, SHO-100
 * 7  Tue  EMAIL        RETURN     ret   CLOSED    1 answer        300       met                      WRONG_SIZE, no product
 * 8  Mon  PHONE        RETURN     ret   RESOLVED  answer+customer 10        met       5 / 8 / 3      DAMAGED_ON_ARRIVAL, sho-100
 * 9  Thu  EMAIL        INQUIRY    inq   RESOLVED  1 answer, agent: not resolved  45  met
 * 10 Mon  MISSED_CALL  INQUIRY    inq   RESOLVED  call-back never reached   –       met
 * </pre>
 * FCR 3 of 9 ended (#1, #3, #6); first replies 10 30 45 60 90 120 200 300 → median 60, p90
 * 300; SLA 7 of 9 (EMAIL 5/6, CHAT 0/1, PHONE 1/1, MISSED_CALL 1/1); surveys: CSAT 3.8, NPS
 * (2 promoters − 1 detractor) / 5 = 20, CES 3.2.
 */
abstract class KpiScenarios extends CareflowIntegrationTest {

  static final LocalDate MONDAY = LocalDate.of(2019, 6, 3);
  static final String PERIOD = "from=2019-06-03T00:00:00%2B02:00&to=2019-06-08T00:00:00%2B02:00";
  static final String EMPTY_PERIOD = "from=2018-01-01T00:00:00%2B01:00&to=2018-02-01T00:00:00%2B01:00";
  /** The engine clock during the tests: #5 is overdue, #11 due within the hour. */
  static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

  static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  static final String INQ = "team-inq-" + SUFFIX;
  static final String CMP = "team-cmp-" + SUFFIX;
  static final String RET = "team-ret-" + SUFFIX;

  private static boolean inserted;

  @Autowired
  ContactRetention retention;

  /** The owners of the tables that refer to a contact, in the order the retention job asks them. */
  @Autowired
  List<CaseRecords> owners;

  @Autowired
  javax.sql.DataSource dataSource;

  Http http;

  @BeforeEach
  void dataSet() {
    http = new Http(baseUrl());
    ClockUtil.setCurrentTime(Date.from(NOW));
    synchronized (KpiScenarios.class) {
      if (!inserted) {
        insertDataSet(new KpiDataSet(jdbc));
        inserted = true;
      }
    }
  }

  static void insertDataSet(KpiDataSet data) {
    LocalDate mon = MONDAY;
    LocalDate tue = mon.plusDays(1);
    LocalDate thu = mon.plusDays(3);
    String x = data.customer();
    data.contact("EMAIL", "INQUIRY", INQ).received(at(mon, 10, 0)).resolved(at(mon, 11, 0)).firstReply(30)
        .answers(1).met(true).survey(5, 10, 1).insert();
    data.contact("EMAIL", "INQUIRY", INQ).customer(x).received(at(mon, 10, 0)).resolved(at(mon, 11, 0))
        .firstReply(60).answers(1).met(true).survey(4, 9, 2).insert();
    data.contact("EMAIL", "INQUIRY", INQ).customer(x).received(at(thu, 10, 0)).resolved(at(thu, 12, 0))
        .firstReply(90).answers(1).met(true).insert();
    data.contact("CHAT", "COMPLAINT", CMP).received(at(mon, 9, 0)).resolved(at(mon, 15, 0)).firstReply(120)
        .questions(1).answers(1).met(false).survey(2, 3, 6).insert();
    data.contact("CHAT", "COMPLAINT", CMP).received(at(tue, 9, 0)).met(null).due(at(tue, 9, 1))
        .subject("Still waiting").insert();
    data.contact("EMAIL", "RETURN", RET).received(at(tue, 9, 0)).resolved(at(tue, 16, 0)).firstReply(200)
        .answers(1).met(false).survey(3, 7, 4).product("SHO-100").returnReason("WRONG_SIZE").insert();
    data.contact("EMAIL", "RETURN", RET).received(at(tue, 9, 30)).closed(at(tue, 16, 30)).firstReply(300)
        .answers(1).met(true).returnReason("WRONG_SIZE").insert();
    data.contact("PHONE", "RETURN", RET).received(at(mon, 12, 0)).resolved(at(mon, 14, 0)).firstReply(10)
        .answers(1).customerMessages(1).met(true).survey(5, 8, 3).product("sho-100")
        .returnReason("DAMAGED_ON_ARRIVAL").insert();
    data.contact("EMAIL", "INQUIRY", INQ).received(at(thu, 11, 0)).resolved(at(thu, 12, 0)).firstReply(45)
        .answers(1).agentSaysResolved(false).met(true).insert();
    data.contact("MISSED_CALL", "INQUIRY", INQ).received(at(mon, 13, 0)).resolved(at(mon, 16, 0))
        .outcome("CALLBACK_NOT_REACHED").met(true).insert();
    // a delayed shipment careflow opened itself for customer x on Tuesday: not a contact of the
    // customer's — counted in none of the figures below (had it counted: 11 contacts, a bin-0
    // first reply, an unmet deadline, and the Thursday inquiry of x no longer resolved at first contact)
    data.contact("EMAIL", null, INQ).customer(x).proactive().received(at(tue, 10, 0)).resolved(at(tue, 10, 5))
        .firstReply(5).answers(1).met(false).subject("Shipment delayed: order 1").insert();
    data.contact("EMAIL", "INQUIRY", INQ).customer(x).proactive().received(at(thu, 13, 0)).resolved(at(thu, 13, 5))
        .firstReply(5).answers(1).met(false).subject("Shipment delayed: order 2").insert();
    // outside the period (the next Monday): counts only in the backlog, which is "now"
    data.contact("CHAT", "COMPLAINT", CMP).received(at(mon.plusDays(7), 9, 0)).waiting().met(null)
        .due(NOW.plusSeconds(1800)).insert();
  }

  @Test
  void shouldComputeEveryKpiOfThePeriod() {
    JsonNode k = kpis("maria", PERIOD);

    assertThat(k.get("contacts").asLong()).isEqualTo(10);
    assertThat(k.get("fcrFinished").asLong()).isEqualTo(9);
    assertThat(k.get("fcrResolved").asLong()).isEqualTo(3);
    assertThat(k.get("fcrRate").asDouble()).isEqualTo(0.3333);
    assertThat(k.get("firstReplies").asLong()).isEqualTo(8);
    assertThat(k.get("firstReplyMedianWorkingMinutes").asLong()).isEqualTo(60);
    assertThat(k.get("firstReplyP90WorkingMinutes").asLong()).isEqualTo(300);
    JsonNode sla = k.get("slaCompliance");
    assertThat(sla.get("overall").asDouble()).isEqualTo(0.7778);
    assertThat(sla.get("decided").asLong()).isEqualTo(9);
    assertThat(sla.get("byChannel").get("EMAIL").get("rate").asDouble()).isEqualTo(0.8333);
    assertThat(sla.get("byChannel").get("CHAT").get("rate").asDouble()).isEqualTo(0.0);
    assertThat(sla.get("byChannel").get("CHAT").get("decided").asLong()).isEqualTo(1);
    assertThat(sla.get("byChannel").get("PHONE").get("rate").asDouble()).isEqualTo(1.0);
    assertThat(sla.get("byChannel").get("MISSED_CALL").get("rate").asDouble()).isEqualTo(1.0);
    assertThat(k.get("csatAverage").asDouble()).isEqualTo(3.8);
    assertThat(k.get("csi").asDouble()).isEqualTo(70.0);
    assertThat(k.get("nps").asDouble()).isEqualTo(20.0);
    assertThat(k.get("surveys").get("promoters").asLong()).isEqualTo(2);
    assertThat(k.get("surveys").get("passives").asLong()).isEqualTo(2);
    assertThat(k.get("surveys").get("detractors").asLong()).isEqualTo(1);
    assertThat(k.get("cesAverage").asDouble()).isEqualTo(3.2);
    assertThat(k.get("contactsByTopic").get("INQUIRY").asLong()).isEqualTo(5);
    assertThat(k.get("contactsByTopic").get("COMPLAINT").asLong()).isEqualTo(2);
    assertThat(k.get("contactsByTopic").get("RETURN").asLong()).isEqualTo(3);
    assertThat(k.get("contactsByTopic").get("DEFECT").asLong()).isZero();
    assertThat(k.get("contactsByChannel").get("EMAIL").asLong()).isEqualTo(6);
    assertThat(k.get("contactsByChannel").get("CHAT").asLong()).isEqualTo(2);
    assertThat(k.get("contactsByChannel").get("SMS").asLong()).isZero();
    assertThat(k.get("returnReasons")).extracting(r -> r.get("reason").asText() + "=" + r.get("returns").asLong())
        .containsExactly("WRONG_SIZE=2", "DAMAGED_ON_ARRIVAL=1");
    assertThat(k.get("returnReasons").get(0).get("label").asText()).isEqualTo("Wrong size");
    // per category (routing.dmn's product-category: SHO- is fashion, whatever the case of the SKU) and reason
    assertThat(k.get("returnsByCategory")).extracting(c -> c.get("category").asText(null) + "=" + c.get("returns")
        + ": " + reasons(c)).containsExactly("fashion=2: DAMAGED_ON_ARRIVAL 1, WRONG_SIZE 1", "null=1: WRONG_SIZE 1");
    // the most returned products and why (one product, however its SKU was written); a return naming no
    // product is in no product's figure
    assertThat(k.get("topReturnedProducts")).extracting(p -> p.get("productSku").asText() + " ("
        + p.get("category").asText() + ")=" + p.get("returns") + ": " + reasons(p))
        .containsExactly("SHO-100 (fashion)=2: DAMAGED_ON_ARRIVAL 1, WRONG_SIZE 1");
    // 30-minute bins: 10 | 30 45 | 60 | 90 | 120 | – | 200 | – – – | 300 | … | 480+
    assertThat(bins(k)).containsExactly(1L, 2L, 1L, 1L, 1L, 0L, 1L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L);
  }

  @Test
  void shouldAnswerAnEmptyPeriodWithZerosAndNulls() {
    JsonNode k = kpis("maria", EMPTY_PERIOD);

    assertThat(k.get("contacts").asLong()).isZero();
    assertThat(k.get("fcrRate").isNull()).isTrue();
    assertThat(k.get("firstReplyMedianWorkingMinutes").isNull()).isTrue();
    assertThat(k.get("firstReplyP90WorkingMinutes").isNull()).isTrue();
    assertThat(k.get("slaCompliance").get("overall").isNull()).isTrue();
    assertThat(k.get("slaCompliance").get("byChannel").size()).isZero();
    assertThat(k.get("csatAverage").isNull()).isTrue();
    assertThat(k.get("nps").isNull()).isTrue();
    assertThat(k.get("cesAverage").isNull()).isTrue();
    assertThat(k.get("returnReasons").size()).isZero();
    assertThat(k.get("contactsByChannel").get("EMAIL").asLong()).isZero();
    assertThat(bins(k)).allMatch(count -> count == 0);
  }

  @Test
  void shouldFilterByChannelTeamAndTopic() {
    JsonNode email = kpis("maria", PERIOD + "&channel=EMAIL");
    assertThat(email.get("contacts").asLong()).isEqualTo(6);
    assertThat(email.get("fcrRate").asDouble()).isEqualTo(0.5);
    assertThat(email.get("slaCompliance").get("overall").asDouble()).isEqualTo(0.8333);
    assertThat(email.get("filters").get("channel").asText()).isEqualTo("EMAIL");

    JsonNode returns = kpis("maria", PERIOD + "&team=" + RET);
    assertThat(returns.get("contacts").asLong()).isEqualTo(3);
    assertThat(returns.get("slaCompliance").get("overall").asDouble()).isEqualTo(0.6667);
    assertThat(returns.get("returnReasons")).extracting(r -> r.get("returns").asLong()).containsExactly(2L, 1L);
    assertThat(returns.get("firstReplyMedianWorkingMinutes").asLong()).isEqualTo(200);

    JsonNode complaints = kpis("maria", PERIOD + "&topic=COMPLAINT&team=" + CMP);
    assertThat(complaints.get("contacts").asLong()).isEqualTo(2);
    assertThat(complaints.get("fcrRate").asDouble()).isEqualTo(0.0);
    assertThat(complaints.get("firstReplyMedianWorkingMinutes").asLong()).isEqualTo(120);
    assertThat(complaints.get("nps").asDouble()).isEqualTo(-100.0);
    assertThat(complaints.get("backlogByTeam")).singleElement().satisfies(b -> {
      assertThat(b.get("team").asText()).isEqualTo(CMP);
      assertThat(b.get("open").asLong()).isEqualTo(2);
      assertThat(b.get("waitingForCustomer").asLong()).isEqualTo(1);
      assertThat(b.get("dueSoon").asLong()).isEqualTo(1);
      assertThat(b.get("breached").asLong()).isEqualTo(1);
    });
  }

  @Test
  void shouldGiveThePerDaySeries() {
    JsonNode days = http.get("maria", "/api/kpis/daily?" + PERIOD).json();

    assertThat(days).extracting(d -> d.get("day").asText())
        .containsExactly("2019-06-03", "2019-06-04", "2019-06-05", "2019-06-06", "2019-06-07");
    assertThat(days).extracting(d -> d.get("contacts").asLong()).containsExactly(5L, 3L, 0L, 2L, 0L);
    JsonNode monday = days.get(0);
    assertThat(monday.get("firstReplyMedianWorkingMinutes").asLong()).isEqualTo(30);
    assertThat(monday.get("firstReplyP90WorkingMinutes").asLong()).isEqualTo(120);
    assertThat(monday.get("slaCompliance").asDouble()).isEqualTo(0.8);
    assertThat(monday.get("csatAverage").asDouble()).isEqualTo(4.0);
    assertThat(days.get(1).get("firstReplyMedianWorkingMinutes").asLong()).isEqualTo(200);
    assertThat(days.get(3).get("firstReplyMedianWorkingMinutes").asLong()).isEqualTo(45);
    assertThat(days.get(3).get("fcrRate").asDouble()).isEqualTo(0.5);
    assertThat(days.get(2).get("firstReplyMedianWorkingMinutes").isNull()).isTrue();
    assertThat(days.get(2).get("fcrRate").isNull()).isTrue();
  }

  /** Days are the shop's: around the end of summer time a contact at 00:30 belongs to the new day. */
  @Test
  void shouldCountDaysInShopTimeAcrossTheClockChange() {
    String team = "team-dst-" + SUFFIX;
    var data = new KpiDataSet(jdbc);
    for (String at : List.of("2019-10-26T23:30+02:00", "2019-10-27T00:30+02:00", "2019-10-27T23:30+01:00",
        "2019-10-28T00:10+01:00")) {
      data.contact("EMAIL", "INQUIRY", team).received(java.time.OffsetDateTime.parse(at).toInstant()).met(null)
          .insert();
    }

    JsonNode days = http.get("maria", "/api/kpis/daily?from=2019-10-26T00:00:00%2B02:00"
        + "&to=2019-10-29T00:00:00%2B01:00&team=" + team).json();

    assertThat(days).extracting(d -> d.get("day").asText() + "=" + d.get("contacts").asLong())
        .containsExactly("2019-10-26=1", "2019-10-27=2", "2019-10-28=1");
  }

  @Test
  void shouldExportThePerDayKpisAsCsv() {
    Http.Response csv = http.get("maria", "/api/kpis/export.csv?" + PERIOD);

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0)).startsWith("day,contacts,fcr_rate,first_reply_median_working_minutes");
    assertThat(lines.get(1)).startsWith("2019-06-03,5,");
    assertThat(lines.get(6)).isEqualTo("total,10,0.3333,60,300,0.7778,3.8,20.0,3.2,5");
  }

  @Test
  void shouldRefuseBadParametersNamingEachOne() {
    Http.Response bad = http.get("maria", "/api/kpis?from=yesterday&channel=FAX&team=no%20such&topic=X");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asText())
        .containsExactly("channel", "from", "team", "to", "topic");
    assertThat(http.get("maria", "/api/kpis?from=2019-06-08T00:00:00%2B02:00&to=2019-06-03T00:00:00%2B02:00")
        .json().get("errors").get(0).get("message").asText()).isEqualTo("must be after from");
    assertThat(http.get("maria", "/api/kpis/daily?from=2016-01-01T00:00:00Z&to=2019-01-01T00:00:00Z").status())
        .isEqualTo(400);
  }

  @Test
  void shouldLetAgentsReadOnlyTheirOwnTeamsKpis() {
    assertThat(http.get("anna", "/api/kpis?" + PERIOD + "&team=team-complaints").status()).isEqualTo(200);
    assertThat(http.get("anna", "/api/kpis/daily?" + PERIOD + "&team=team-returns").status()).isEqualTo(200);
    assertThat(http.get("anna", "/api/kpis?" + PERIOD + "&team=team-inquiries").status()).isEqualTo(403);
    assertThat(http.get("anna", "/api/kpis?" + PERIOD).status()).isEqualTo(403);
    assertThat(http.get("anna", "/api/kpis/export.csv?" + PERIOD).status()).isEqualTo(403);
    assertThat(http.get("boris", "/api/kpis?" + PERIOD + "&team=team-complaints").status()).isEqualTo(403);
    assertThat(http.get("intake", "/api/kpis?" + PERIOD).status()).isEqualTo(403);
    assertThat(http.get(null, "/api/kpis?" + PERIOD).status()).isEqualTo(401);
    assertThat(http.get("demo", "/api/kpis?" + PERIOD).status()).isEqualTo(200);
  }

  /** "DAMAGED_ON_ARRIVAL 1, WRONG_SIZE 1": the reasons of a category or product as listed. */
  private static String reasons(JsonNode returns) {
    return String.join(", ", StreamSupport.stream(returns.get("reasons").spliterator(), false)
        .map(r -> r.get("reason").asText() + " " + r.get("returns").asLong()).toList());
  }

  /**
   * Retention deletes the closed contacts of January 2020 a year after they ended, keeps the
   * open one and the one closed recently, and the KPIs of that month do not change.
   */
  @Test
  void shouldKeepTheKpisOfAPeriodWhoseContactsTheRetentionDeleted() {
    String team = "team-old-" + SUFFIX;
    String period = "from=2020-01-06T00:00:00%2B01:00&to=2020-01-11T00:00:00%2B01:00&team=" + team;
    var data = new KpiDataSet(jdbc);
    LocalDate monday = LocalDate.of(2020, 1, 6);
    String returning = data.customer();
    List<String> old = List.of(
        data.contact("EMAIL", "INQUIRY", team).customer(returning).received(at(monday, 10, 0))
            .resolved(at(monday, 11, 0)).firstReply(30).answers(1).met(true).survey(5, 10, 1).insert(),
        data.contact("EMAIL", "INQUIRY", team).customer(returning).received(at(monday.plusDays(2), 10, 0))
            .resolved(at(monday.plusDays(2), 12, 0)).firstReply(75).answers(1).met(true).survey(2, 2, 6).insert(),
        data.contact("SMS", "RETURN", team).received(at(monday.plusDays(1), 9, 0))
            .closed(at(monday.plusDays(1), 17, 0)).firstReply(400).answers(1).met(false)
            .product("tv-55").returnReason("CHANGED_MIND").insert(),
        data.contact("CHAT", "COMPLAINT", team).received(at(monday.plusDays(4), 16, 0))
            .resolved(at(monday.plusDays(4), 16, 30)).firstReply(1).questions(1).answers(1).met(true)
            .survey(4, 8, 2).product("KET-200").returnReason("OTHER").insert());
    String open = data.contact("EMAIL", "COMPLAINT", team).received(at(monday.plusDays(3), 9, 0)).met(null).insert();
    String closedRecently = data.contact("EMAIL", "INQUIRY", team).received(at(monday.plusDays(3), 10, 0))
        .resolved(Instant.parse("2021-03-01T10:00:00Z")).firstReply(50).answers(1).met(true).insert();
    jdbc.sql("insert into note (id, customer_id, contact_id, text, author, created_at)"
            + " values (?, ?, ?, 'likes tea', 'anna', ?)")
        .params(UUID.randomUUID().toString(), returning, old.get(0), io.careflow.system.SqlTimes.utc(NOW)).update();
    JsonNode before = kpis("maria", period);
    JsonNode daysBefore = http.get("maria", "/api/kpis/daily?" + period).json();

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2021-06-01T03:30:00Z")));
    long deleted = retention.run();
    ClockUtil.setCurrentTime(Date.from(NOW));

    assertThat(deleted).isGreaterThanOrEqualTo(4);
    for (String id : old) {
      assertThat(jdbc.sql("select count(*) from contact where id = ?").param(id).query(Long.class).single()).isZero();
      for (CaseRecords owner : owners) {
        for (String table : owner.tables()) {
          assertThat(jdbc.sql("select count(*) from " + table + " where contact_id = ?").param(id).query(Long.class)
              .single()).as(table).isZero();
        }
      }
    }
    assertThat(jdbc.sql("select count(*) from contact where id in (?, ?)").params(open, closedRecently)
        .query(Long.class).single()).isEqualTo(2);
    assertThat(jdbc.sql("select contact_id from note where customer_id = ?").param(returning).query(String.class)
        .optional()).isEmpty();
    assertThat(jdbc.sql("select count(*) from note where customer_id = ?").param(returning).query(Long.class)
        .single()).isEqualTo(1);
    JsonNode after = kpis("maria", period);
    ((com.fasterxml.jackson.databind.node.ObjectNode) before).remove("backlogAsOf");
    ((com.fasterxml.jackson.databind.node.ObjectNode) after).remove("backlogAsOf");
    assertThat(after).isEqualTo(before);
    assertThat(before.get("contacts").asLong()).isEqualTo(6);
    // the return figures per product and category stay with the archived day
    assertThat(before.get("returnsByCategory")).extracting(c -> c.get("category").asText() + "=" + c.get("returns")
        + ": " + reasons(c)).containsExactly("electronics=1: CHANGED_MIND 1", "kitchen=1: OTHER 1");
    assertThat(before.get("topReturnedProducts")).extracting(p -> p.get("productSku").asText() + "=" + p.get("returns")
        + ": " + reasons(p)).containsExactly("KET-200=1: OTHER 1", "TV-55=1: CHANGED_MIND 1");
    assertThat(before.get("fcrResolved").asLong()).isEqualTo(2);
    assertThat(before.get("firstReplyMedianWorkingMinutes").asLong()).isEqualTo(50);
    assertThat(http.get("maria", "/api/kpis/daily?" + period).json()).isEqualTo(daysBefore);
    assertThat(jdbc.sql("select contacts_deleted from retention_run where name = 'closed-contacts'")
        .query(Long.class).single()).isGreaterThanOrEqualTo(4);
  }

  /**
   * Every table that refers to a contact (a {@code contact_id} column or a foreign key to
   * {@code contact}) is forgotten by exactly one owner, or the retention job would leave its rows
   * behind or fail on the key; an owner whose rows point at another owner's rows comes first.
   */
  @Test
  void shouldHaveEveryTableThatReferencesAContactForgottenByOneOwner() throws Exception {
    var referring = new TreeSet<String>();
    var pointsAt = new TreeMap<String, Set<String>>();
    try (var connection = dataSource.getConnection()) {
      var meta = connection.getMetaData();
      String schema = connection.getSchema();
      for (String column : List.of("CONTACT_ID", "contact_id")) {
        try (var columns = meta.getColumns(null, schema, "%", column)) {
          while (columns.next()) {
            if (columns.getString("COLUMN_NAME").equalsIgnoreCase("contact_id")) {
              referring.add(columns.getString("TABLE_NAME").toLowerCase());
            }
          }
        }
      }
      for (String contact : List.of("CONTACT", "contact")) {
        try (var keys = meta.getExportedKeys(null, schema, contact)) {
          while (keys.next()) {
            referring.add(keys.getString("FKTABLE_NAME").toLowerCase());
          }
        }
      }
      referring.remove("contact");
      for (String table : referring) {
        for (String name : List.of(table.toUpperCase(), table)) {
          try (var keys = meta.getImportedKeys(null, schema, name)) {
            while (keys.next()) {
              pointsAt.computeIfAbsent(table, t -> new TreeSet<>()).add(keys.getString("PKTABLE_NAME").toLowerCase());
            }
          }
        }
      }
    }
    var ownersOf = new TreeMap<String, List<String>>();
    var position = new HashMap<String, Integer>();
    for (int i = 0; i < owners.size(); i++) {
      String owner = ClassUtils.getUserClass(owners.get(i)).getSimpleName();
      for (String table : owners.get(i).tables()) {
        ownersOf.computeIfAbsent(table, t -> new ArrayList<>()).add(owner);
        position.put(table, i);
      }
    }
    var outOfOrder = new ArrayList<String>();
    pointsAt.forEach((table, targets) -> targets.stream()
        .filter(target -> position.containsKey(target) && position.containsKey(table))
        .filter(target -> position.get(target) < position.get(table))
        .forEach(target -> outOfOrder.add(table + " " + ownersOf.get(table) + " points at " + target + " "
            + ownersOf.get(target) + ": mark its owner @Order(CaseRecords.FIRST)")));

    var uncovered = new TreeSet<>(referring);
    uncovered.removeAll(ownersOf.keySet());
    var notReferring = new TreeSet<>(ownersOf.keySet());
    notReferring.removeAll(referring);
    assertSoftly(softly -> {
      softly.assertThat(referring).contains("message", "note");
      softly.assertThat(uncovered).as("tables that refer to a contact and that no CaseRecords forgets").isEmpty();
      softly.assertThat(notReferring).as("tables a CaseRecords names that do not refer to a contact").isEmpty();
      ownersOf.forEach((table, names) -> softly.assertThat(names).as("owners of " + table).hasSize(1));
      softly.assertThat(outOfOrder).as("owners forgotten after the rows their rows point at").isEmpty();
    });
  }

  @Test
  void shouldReportATopicContactsWereStoredUnderAfterTheTableDroppedIt() {
    // a topic a designer has since taken out of contact-classification.dmn: its contacts stay readable
    String earlier = "EARLIER_" + SUFFIX.toUpperCase();
    var data = new KpiDataSet(jdbc);
    data.contact("EMAIL", earlier, INQ).received(at(LocalDate.of(2017, 3, 6), 10, 0))
        .resolved(at(LocalDate.of(2017, 3, 6), 11, 0)).firstReply(30).answers(1).met(true).insert();

    JsonNode kpis = kpis("maria", "from=2017-03-01T00:00:00%2B01:00&to=2017-04-01T00:00:00%2B02:00&topic=" + earlier);
    assertThat(kpis.get("contacts").asLong()).isEqualTo(1);
    assertThat(kpis.get("contactsByTopic").get(earlier).asLong()).isEqualTo(1);

    // neither in the table nor in the data: refused, naming the topics the table has
    Http.Response unknown = http.get("maria", "/api/kpis?" + PERIOD + "&topic=NEVER_" + SUFFIX.toUpperCase());
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").get(0).get("message").asText()).startsWith("must be one of ")
        .contains("INQUIRY");
  }

  JsonNode kpis(String user, String query) {
    Http.Response response = http.get(user, "/api/kpis?" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  static List<Long> bins(JsonNode k) {
    return StreamSupport.stream(k.get("firstReplyDistribution").spliterator(), false)
        .map(b -> b.get("contacts").asLong()).toList();
  }
}
