package io.careflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case search, API and page, over real intake: three cases of one made-up customer name —
 * a complaint by e-mail (team-complaints: anna's), an inquiry from a social account with no
 * name, an inquiry by phone number (team-inquiries: boris's) — found by every part of the
 * customer, by order, topic, channel, agent, status and deadline, newest first, a page at a
 * time; each person sees the cases they may; what does not parse is named.
 */
abstract class CaseSearchScenarios extends CareflowIntegrationTest {

  /** A Monday morning in the shop: the reply deadlines of the three cases run. */
  static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");

  Http http;
  String tag;
  String email;
  String phone;
  Contact complaint;
  Contact social;
  Contact call;

  @BeforeEach
  void threeCasesOfOneName() {
    http = new Http(baseUrl());
    tag = "Qz" + UUID.randomUUID().toString().substring(0, 6);
    email = "zofia." + tag.toLowerCase() + "@example.com";
    phone = "+48600" + (100000 + (int) (Math.random() * 899999));
    ClockUtil.setCurrentTime(Date.from(MONDAY));
    complaint = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail>", null,
        new CustomerDetails(email, null, "Zofia <b>" + tag + "</b> & Co", "en"), "Broken kettle",
        "It broke.", "COMPLAINT", "PL-" + tag + "-77", null), "intake").contact();
    ClockUtil.setCurrentTime(Date.from(MONDAY.plusSeconds(60)));
    social = intake.receive(new NewContact("SOCIAL", "post-" + UUID.randomUUID(), null,
        new CustomerDetails(null, null, null, "en", null, "fb:" + tag), "Question", "Do you ship to Norway?",
        "INQUIRY", null, null), "intake").contact();
    ClockUtil.setCurrentTime(Date.from(MONDAY.plusSeconds(120)));
    call = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail>", null,
        new CustomerDetails("other-" + tag.toLowerCase() + "@example.com", phone, "Other " + tag, "en"),
        "Warranty", "How long is it?", "INQUIRY", null, null), "intake").contact();
  }

  @Test
  void shouldFindTheCasesOfACustomerByAnyPartOfThemNewestFirst() {
    JsonNode all = search("maria", "customer=" + tag.toLowerCase());
    assertThat(ids(all)).containsExactly(call.id(), social.id(), complaint.id());
    assertThat(all.get("total").asLong()).isEqualTo(3);

    assertThat(ids(search("maria", "customer=" + encode("ZOFIA." + tag.toUpperCase())))).containsExactly(complaint.id());
    assertThat(ids(search("maria", "customer=" + encode("fb:" + tag)))).containsExactly(social.id());
    assertThat(ids(search("maria", "customer=" + phone.substring(4, 11)))).contains(call.id());
    assertThat(ids(search("maria", "order=" + ("pl-" + tag).toLowerCase()))).containsExactly(complaint.id());
    assertThat(ids(search("maria", "customer=" + tag + "&topic=INQUIRY"))).containsExactly(call.id(), social.id());
    assertThat(ids(search("maria", "customer=" + tag + "&channel=social"))).containsExactly(social.id());
    assertThat(ids(search("maria", "customer=" + tag + "&status=RESOLVED&status=CLOSED"))).isEmpty();
    assertThat(ids(search("maria", "customer=" + tag + "&agent=anna"))).containsExactly(complaint.id());
    assertThat(ids(search("maria", "customer=" + tag + "&from=2026-11-30&to=2026-11-30"))).hasSize(3);
    assertThat(ids(search("maria", "customer=" + tag + "&from=2026-12-01"))).isEmpty();
    // a LIKE wildcard is a character like any other
    assertThat(ids(search("maria", "customer=" + encode("%")))).doesNotContain(complaint.id());

    JsonNode row = row(all, complaint.id());
    assertThat(row.get("href").asText()).isEqualTo("/cases/" + complaint.id());
    assertThat(row.get("customerName").asText()).isEqualTo("Zofia <b>" + tag + "</b> & Co");
    assertThat(row.get("topic").asText()).isEqualTo("COMPLAINT");
    assertThat(row.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(row.get("agents")).extracting(JsonNode::asText).containsExactly("anna");
    assertThat(row.get("sla").get("state").asText()).isEqualTo("OPEN");
    assertThat(row.get("receivedAt").asText()).isEqualTo("2026-11-30T09:00:00+01:00");
  }

  @Test
  void shouldPageAndTellTheDeadlines() {
    JsonNode first = search("maria", "customer=" + tag + "&size=2");
    JsonNode second = search("maria", "customer=" + tag + "&size=2&page=1");
    assertThat(ids(first)).containsExactly(call.id(), social.id());
    assertThat(ids(second)).containsExactly(complaint.id());
    assertThat(second.get("total").asLong()).isEqualTo(3);

    // the complaint was answered late, the inquiry by phone is still open and its time is up
    jdbc.sql("update deadline set completed_at = due_at + interval '1' hour, met = false, breached_at = due_at"
        + " where contact_id = ? and step = 'reply'").param(complaint.id()).update();
    jdbc.sql("update deadline set met = true, completed_at = started_at where contact_id = ? and step = 'reply'")
        .param(social.id()).update();
    ClockUtil.setCurrentTime(Date.from(MONDAY.plus(Duration.ofDays(2))));

    JsonNode later = search("maria", "customer=" + tag);
    assertThat(row(later, complaint.id()).get("sla").get("state").asText()).isEqualTo("BREACHED");
    assertThat(row(later, social.id()).get("sla").get("state").asText()).isEqualTo("MET");
    assertThat(row(later, call.id()).get("sla").get("state").asText()).isEqualTo("OVERDUE");
    assertThat(ids(search("maria", "customer=" + tag + "&sla=breached"))).containsExactly(complaint.id());
    assertThat(ids(search("maria", "customer=" + tag + "&sla=MET"))).containsExactly(social.id());
    assertThat(ids(search("maria", "customer=" + tag + "&sla=OVERDUE"))).containsExactly(call.id());
    assertThat(ids(search("maria", "customer=" + tag + "&breached=true"))).containsExactly(call.id(), complaint.id());
    assertThat(ids(search("maria", "customer=" + tag + "&breached=false"))).containsExactly(social.id());
    assertThat(ids(search("maria", "customer=" + tag + "&deadline=overdue"))).contains(call.id())
        .doesNotContain(social.id());
  }

  @Test
  void shouldShowEachPersonTheCasesTheyMaySee() {
    assertThat(ids(search("demo", "customer=" + tag))).hasSize(3);
    // anna: her team's complaint, not the inquiries
    assertThat(ids(search("anna", "customer=" + tag))).containsExactly(complaint.id());
    assertThat(ids(search("anna", "customer=" + tag + "&topic=INQUIRY"))).isEmpty();
    // boris: the inquiries of his team
    assertThat(ids(search("boris", "customer=" + tag))).doesNotContain(complaint.id()).contains(call.id());
    assertThat(http.get("intake", "/api/contacts?customer=" + tag).status()).isEqualTo(403);
    assertThat(http.get("dora", "/api/contacts?customer=" + tag).status()).isEqualTo(403);
    assertThat(http.get(null, "/api/contacts?customer=" + tag).status()).isEqualTo(401);
    assertThat(http.get("intake", "/cases?customer=" + tag).status()).isEqualTo(403);
    assertThat(http.get(null, "/cases").status()).isEqualTo(401);
  }

  @Test
  void shouldNameEveryParameterThatDoesNotParse() {
    Http.Response bad = http.get("maria", "/api/contacts?from=2026-13-45&page=-1&channel=FAX&status=NOPE"
        + "&size=1000&breached=maybe&to=yesterday");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    for (String field : List.of("from", "page", "channel", "status", "size", "breached", "to")) {
      assertThat(bad.body()).as(field).contains("\"" + field + "\"");
    }
    Http.Response longText = http.get("maria", "/api/contacts?customer=" + "x".repeat(10_000));
    assertThat(longText.status()).isEqualTo(400);
    assertThat(longText.body()).contains("customer");

    Http.Response page = http.get("maria", "/cases?from=2026-13-45&customer=" + tag);
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("from: must be a date").contains("value=\"" + tag + "\"");
  }

  @Test
  void shouldListTheCasesOnThePageEscapedAndLinked() {
    Http.Response page = http.get("maria", "/cases?customer=" + tag);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("3 cases").contains("href=\"/cases/" + complaint.id() + "\"")
        .contains("Zofia &lt;b&gt;" + tag + "&lt;/b&gt; &amp; Co").doesNotContain("<b>" + tag);
    Http.Response anna = http.get("anna", "/cases?customer=" + tag);
    assertThat(anna.status()).isEqualTo(200);
    assertThat(anna.body()).contains("1 case you or your team worked on").contains(complaint.id())
        .doesNotContain(call.id());
    Http.Response paged = http.get("maria", "/cases?customer=" + tag + "&size=1&page=1");
    assertThat(paged.body()).contains("page 2 of 3").contains("page=0").contains("page=2");
  }

  JsonNode search(String user, String query) {
    Http.Response response = http.get(user, "/api/contacts?" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  static List<String> ids(JsonNode page) {
    var ids = new ArrayList<String>();
    page.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  static JsonNode row(JsonNode page, String id) {
    for (JsonNode item : page.get("items")) {
      if (item.get("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("no case " + id + " in " + page);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
