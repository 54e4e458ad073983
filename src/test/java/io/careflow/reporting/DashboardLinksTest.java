package io.careflow.reporting;

import static io.careflow.reporting.KpiDataSet.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every number of the dashboard that counts cases links to {@code /cases?…}, and that search
 * finds exactly as many cases as the number says: contacts, first-contact resolution, reply
 * deadlines met and missed (overall and per channel), contacts per topic and per channel, the
 * backlog per team (open, due within the hour, past a deadline).
 */
class DashboardLinksTest extends CareflowIntegrationTest {

  static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  static final Pattern LEADING = Pattern.compile("^(\\d+) ");
  static final Pattern TRAILING = Pattern.compile(" (\\d+)$");

  String team;
  String week;
  Http http;

  @BeforeEach
  void weekOfCases() {
    http = new Http(baseUrl());
    ClockUtil.setCurrentTime(Date.from(NOW));
    team = "team-links-" + UUID.randomUUID().toString().substring(0, 8);
    week = "from=2019-09-02&to=2019-09-06&team=" + team;
    var data = new KpiDataSet(jdbc);
    LocalDate monday = LocalDate.of(2019, 9, 2);
    String[] channels = {"EMAIL", "CHAT", "PHONE", "EMAIL", "SMS"};
    String[] topics = {"INQUIRY", "COMPLAINT", "RETURN", "DEFECT", "INQUIRY", "COMPLAINT"};
    for (int i = 0; i < 12; i++) {
      LocalDate day = monday.plusDays(i % 5);
      var contact = data.contact(channels[i % 5], topics[i % 6], team).received(at(day, 9 + i % 7, 0))
          .firstReply(10 + 30L * i).answers(1).met(i % 3 != 0);
      if (i % 4 == 0) {
        contact.questions(1);
      }
      if (i == 7) {
        contact.closed(at(day, 17, 0));
      } else {
        contact.resolved(at(day, 17, 0));
      }
      contact.insert();
    }
    // the shop's own contacts: work, but not contacts of customers
    data.contact("EMAIL", "INQUIRY", team).received(at(monday, 12, 0)).resolved(at(monday, 13, 0)).met(true)
        .proactive().insert();
    // the backlog now: past its deadline, waiting for the customer, due within the hour, no deadline
    data.contact("EMAIL", "COMPLAINT", team).received(at(monday, 10, 0)).met(null).insert();
    data.contact("CHAT", "INQUIRY", team).received(at(monday, 11, 0)).met(null).waiting().insert();
    data.contact("PHONE", "RETURN", team).received(at(monday, 12, 0)).met(null).due(NOW.plusSeconds(1200)).insert();
    data.contact("SMS", "DEFECT", team).received(at(monday, 13, 0)).noDeadline().insert();
  }

  @Test
  void shouldLinkEveryCountToASearchThatFindsThatManyCases() {
    Http.Response page = http.get("maria", "/dashboard?" + week);
    assertThat(page.status()).isEqualTo(200);
    Document html = Jsoup.parse(page.body());

    Element contacts = html.selectFirst("#tile-contacts .value a");
    assertThat(contacts).isNotNull();
    assertThat(contacts.text()).isEqualTo("16");
    assertThat(total(contacts.attr("href"))).isEqualTo(16);

    var checked = new ArrayList<String>();
    for (Element link : html.select("a.count")) {
      String text = link.text();
      Matcher number = LEADING.matcher(text);
      if (!number.find()) {
        number = TRAILING.matcher(text);
        if (!number.find()) {
          continue;
        }
      }
      long expected = Long.parseLong(number.group(1));
      assertThat(link.attr("href")).as(text).startsWith("/cases?");
      assertThat(total(link.attr("href"))).as("%s → %s", text, link.attr("href")).isEqualTo(expected);
      checked.add(text);
    }
    // tiles: FCR (resolved, ended), SLA (met, missed); topics (4), channels (7), backlog of one team (3),
    // missed per channel (4)
    assertThat(checked).hasSizeGreaterThanOrEqualTo(4 + 4 + 7 + 3 + 4)
        .contains(team + " open 4", team + " due within 1 h 1", team + " breached 2", "12 ended", "4 missed");
    assertThat(html.select("#open-breaches a[href^=/cases/]")).hasSize(2);
    assertThat(total(html.selectFirst("#open-breaches-all").attr("href"))).isEqualTo(2);
  }

  /** The number of cases the page's search finds, through the same search as an API. */
  long total(String href) {
    Http.Response answer = http.get("maria", href.replace("/cases?", "/api/contacts?"));
    assertThat(answer.status()).as(href + ": " + answer.body()).isEqualTo(200);
    return answer.json().get("total").asLong();
  }
}
