package io.careflow.reporting;

import static io.careflow.reporting.KpiDataSet.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.support.Browser;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The managers' dashboard in headless Chromium: maria sees every chart drawn with data for a
 * week of her choice (screenshot kept under target/browser/dashboard/), a subject a customer
 * wrote as markup shows as text, and anna — an agent — is refused.
 */
class DashboardBrowserTest extends CareflowIntegrationTest {

  static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)> \"quoted\" & more";
  static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

  String team;
  String week;
  Http http;

  @BeforeEach
  void weekOfContacts() {
    http = new Http(baseUrl());
    ClockUtil.setCurrentTime(Date.from(NOW));
    team = "team-dash-" + UUID.randomUUID().toString().substring(0, 8);
    week = "from=2019-09-02&to=2019-09-06&team=" + team;
    var data = new KpiDataSet(jdbc);
    LocalDate monday = LocalDate.of(2019, 9, 2);
    String[] channels = {"EMAIL", "CHAT", "PHONE", "WEB_FORM", "SMS"};
    String[] topics = {"INQUIRY", "COMPLAINT", "RETURN", "DEFECT", "INQUIRY"};
    String[] reasons = {"WRONG_SIZE", "DAMAGED_ON_ARRIVAL", "WRONG_SIZE", "CHANGED_MIND", "ARRIVED_LATE"};
    String[] products = {"SHO-1", "KET-2", "SHO-1"};
    for (int i = 0; i < 20; i++) {
      LocalDate day = monday.plusDays(i % 5);
      var contact = data.contact(channels[i % 5], topics[(i / 5) % 5], team).received(at(day, 9 + i % 7, 0))
          .resolved(at(day, 17, 0)).firstReply(10 + 25L * i).answers(1).met(i % 4 != 0)
          .survey(1 + i % 5, i % 11, 1 + i % 7);
      if (i % 3 == 0) {
        contact.returnReason(reasons[i % 5]).product(products[(i / 3) % 3]);
      }
      contact.insert();
    }
    data.contact("EMAIL", "COMPLAINT", team).received(at(monday, 10, 0)).met(null).subject(HOSTILE).insert();
    data.contact("CHAT", "INQUIRY", team).received(at(monday, 11, 0)).met(null).due(NOW.plusSeconds(1200))
        .insert();
  }

  @Test
  void shouldDrawEveryChartWithDataForMaria() throws Exception {
    try (Browser browser = Browser.start("dashboard")) {
      browser.onFailureScreenshot(() -> {
        signIn(browser, "maria");
        ChromeDriver driver = (ChromeDriver) browser.driver();
        driver.get(baseUrl() + "/dashboard?" + week);

        List<WebElement> charts = driver.findElements(By.cssSelector("figure.chart"));
        assertThat(charts).extracting(c -> c.getDomAttribute("id")).containsExactly("chart-sla",
            "chart-first-reply", "chart-backlog", "chart-csat", "chart-nps", "chart-ces", "chart-topics",
            "chart-channels", "chart-returns");
        for (WebElement chart : charts) {
          assertThat(Integer.parseInt(chart.getDomAttribute("data-points"))).as(chart.getDomAttribute("id"))
              .isPositive();
          assertThat(chart.findElements(By.cssSelector("svg rect.bar, svg rect.open, svg circle.dot")))
              .as(chart.getDomAttribute("id")).isNotEmpty();
        }
        assertThat(driver.findElements(By.cssSelector("#chart-first-reply line.marker"))).hasSize(2);
        assertThat(driver.findElement(By.cssSelector("#chart-first-reply .summary")).getText())
            .contains("20 first replies").contains("median 235 min").contains("p90 435 min");
        assertThat(driver.findElement(By.cssSelector("#tile-contacts .value")).getText()).isEqualTo("22");
        assertThat(driver.findElement(By.cssSelector("#chart-backlog .summary")).getText())
            .isEqualTo("2 open contacts");

        // what the customer wrote is text on the page, never markup
        WebElement subject = driver.findElement(By.cssSelector("#open-breaches td.subject"));
        assertThat(subject.getText()).isEqualTo(HOSTILE);
        assertThat(driver.findElements(By.cssSelector("#open-breaches script, #open-breaches img"))).isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return typeof window.alerted")).isEqualTo("undefined");

        driver.manage().window().setSize(new Dimension(1400, 3200));
        browser.screenshot("dashboard-maria");
      });
    }
  }

  /** SPEC R6: which products come back and why, per category of routing.dmn's product-category. */
  @Test
  void shouldListReturnsPerCategoryAndTheMostReturnedProducts() {
    Http.Response page = http.get("maria", "/dashboard?" + week);

    assertThat(page.status()).isEqualTo(200);
    org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page.body());
    assertThat(html.select("#returns-by-category tr").eachText()).containsExactly(
        "Category Returns Reasons",
        "fashion 5 Wrong size 2 · Arrived too late 1 · Changed my mind 1 · Damaged on arrival 1",
        "kitchen 2 Changed my mind 1 · Wrong size 1");
    assertThat(html.select("#top-returned-products tr").eachText()).containsExactly(
        "Product Category Returns Reasons",
        "SHO-1 fashion 5 Wrong size 2 · Arrived too late 1 · Changed my mind 1 · Damaged on arrival 1",
        "KET-2 kitchen 2 Changed my mind 1 · Wrong size 1");
    assertThat(http.get("maria", "/dashboard?from=2018-01-01&to=2018-01-05").body())
        .contains("No returns in the period.").doesNotContain("id=\"top-returned-products\"");
  }

  @Test
  void shouldRefuseAgentsAndStrangers() throws Exception {
    assertThat(http.get("anna", "/dashboard").status()).isEqualTo(403);
    assertThat(http.get("intake", "/dashboard").status()).isEqualTo(403);
    assertThat(http.get(null, "/dashboard").status()).isEqualTo(401);
    assertThat(http.get(null, "/dashboard").header("WWW-Authenticate")).startsWith("Basic");
    try (Browser browser = Browser.start("dashboard-anna")) {
      browser.onFailureScreenshot(() -> {
        signIn(browser, "anna");
        browser.driver().get(baseUrl() + "/dashboard");
        assertThat(browser.driver().getPageSource()).contains("Forbidden").doesNotContain("figure");
        browser.screenshot("dashboard-anna");
      });
    }
  }

  @Test
  void shouldServeThePageWithoutScriptsAndListBadParameters() {
    Http.Response page = http.get("maria", "/dashboard?" + week);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(page.body()).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");

    Http.Response bad = http.get("maria", "/dashboard?from=last%20week&to=2019-13-01&channel=FAX");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("from: must be a date like 2026-11-30").contains("to: must be a date")
        .doesNotContain("<figure");
    assertThat(http.get("maria", "/dashboard?from=2019-09-06&to=2019-09-02").body())
        .contains("to: must not be before from");
    assertThat(http.get("maria", "/dashboard?team=%3Cb%3Ex").body()).contains("team: must be a team id");
  }

  /** HTTP Basic for every request of the browser, the way a manager's browser sends it after the prompt. */
  private static void signIn(Browser browser, String user) {
    browser.basicAuth(user);
  }
}
