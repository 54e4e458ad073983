package io.careflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.support.Browser;
import io.careflow.support.CareflowIntegrationTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code /cases} in headless Chromium as maria: she types part of a customer's name into the
 * search form, sends it, sees the customer's case (the name shown as text, never markup) and
 * follows its link to the case page. Screenshot: docs/screenshots/cases-search.png.
 */
class CasesPageBrowserTest extends CareflowIntegrationTest {

  @Test
  void shouldFindACaseByTheCustomersNameAndFollowItsLink() throws Exception {
    String tag = "Br" + UUID.randomUUID().toString().substring(0, 6);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T08:00:00Z")));
    Contact older = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail>", null,
        new CustomerDetails(uniqueEmail("older"), null, "Helena <i>" + tag + "</i> Nowicka", "pl"), "Lid",
        "The lid is loose.", "DEFECT", null, null), "intake").contact();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T08:05:00Z")));
    Contact newer = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail>", null,
        new CustomerDetails(uniqueEmail("newer"), null, "Helena <i>" + tag + "</i> Nowicka", "pl"), "Refund",
        "Where is my refund?", "COMPLAINT", null, null), "intake").contact();

    try (Browser browser = Browser.start("cases")) {
      browser.onFailureScreenshot(() -> {
        ChromeDriver driver = (ChromeDriver) browser.driver();
        browser.basicAuth("maria");
        driver.get(baseUrl() + "/cases");

        driver.findElement(By.name("customer")).sendKeys("helena <I>" + tag.toLowerCase());
        driver.findElement(By.cssSelector("#search button[type=submit]")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("customer="));

        assertThat(driver.findElement(By.id("total")).getText()).startsWith("2 cases");
        List<WebElement> rows = driver.findElements(By.cssSelector("#cases tr[data-contact]"));
        assertThat(rows).extracting(r -> r.getDomAttribute("data-contact")).containsExactly(newer.id(), older.id());
        WebElement customer = rows.get(0).findElement(By.cssSelector("td.customer a"));
        assertThat(customer.getText()).isEqualTo("Helena <i>" + tag + "</i> Nowicka");
        assertThat(driver.findElements(By.cssSelector("#cases i"))).isEmpty();
        assertThat(rows.get(0).getText()).contains("COMPLAINT").contains("EMAIL").contains("OPEN");
        Path shot = browser.screenshot("cases-search");
        Browser.renewDocPicture(shot, "cases-search.png");
        assertThat(Browser.DOC_PICTURES.resolve("cases-search.png")).exists();

        customer.click();
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/cases/" + newer.id()));
        assertThat(driver.getCurrentUrl()).endsWith("/cases/" + newer.id());
      });
    }
  }
}
