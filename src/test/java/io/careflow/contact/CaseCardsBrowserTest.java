package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.support.Browser;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.system.TasklistFilters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * anna's day in Tasklist tells cases apart: every card names the customer, subject, channel,
 * topic and the exact due time, the list opens sorted by due date, soonest first (a case created
 * later but due sooner comes first), and a task form shows the order, product and how to reach
 * the customer.
 */
class CaseCardsBrowserTest extends CareflowIntegrationTest {

  @Test
  void shouldShowTheCaseOnEveryCardSoonestFirstAndOnTheForm() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    // a working Monday long ago, so these two are due before anything else anna has
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T09:00:00Z")));
    Contact later = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail.example>", null,
        new NewContact.CustomerDetails(uniqueEmail("later"), null, "Ewa Later", "en"), "Scratched pan " + tag,
        "The pan came scratched.", "COMPLAINT", "PL-2026-000111", "PAN-28"), "intake").contact();
    // created afterwards (newest first would put it on top) but received earlier: due sooner
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T08:00:00Z")));
    Contact sooner = intake.receive(new NewContact("WEB_FORM", "<" + UUID.randomUUID() + "@mail.example>", null,
        new NewContact.CustomerDetails(uniqueEmail("sooner"), "+48 600 100 200", "Adam Sooner", "en"),
        "Broken kettle lid " + tag, "The lid of my kettle broke.", "COMPLAINT", "PL-2026-000222", "KET-1700"),
        "intake").contact();
    Task soonerTask = task(sooner);
    Task laterTask = task(later);
    assertThat(soonerTask.getDueDate()).isBefore(laterTask.getDueDate());
    assertThat(List.of(soonerTask.getAssignee(), laterTask.getAssignee())).containsOnly("anna");

    try (Browser browser = Browser.start("case-cards")) {
      browser.onFailureScreenshot(() -> {
        var driver = browser.driver();
        var wait = browser.waiting();
        browser.signInToTasklist(baseUrl(), "anna");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-filters]"),
            TasklistFilters.MY_TASKS));
        // "My tasks", careflow's first filter, is what she sees first
        By cards = By.cssSelector("ol.tasks-list li.task");
        wait.until(d -> cardText(d.findElements(cards), sooner.subject()) != null
            && cardText(d.findElements(cards), later.subject()) != null);
        assertThat(driver.getCurrentUrl()).as("Tasklist's sorting, careflow's default")
            .contains("sorting=").contains("dueDate");

        List<WebElement> shown = driver.findElements(cards);
        int soonerAt = indexOf(shown, sooner.subject());
        int laterAt = indexOf(shown, later.subject());
        assertThat(soonerAt).as("soonest due first").isLessThan(laterAt);
        // every column is visible on the card itself (no "show more" fold)
        String soonerCard = shown.get(soonerAt).getText();
        assertThat(soonerCard).contains("Adam Sooner", "WEB_FORM", sooner.subject(),
            (String) processEngine.getTaskService().getVariableLocal(soonerTask.getId(), CaseVariables.CARD_TOPIC),
            (String) processEngine.getTaskService().getVariableLocal(soonerTask.getId(), CaseVariables.CARD_DUE));
        assertThat(shown.get(laterAt).getText()).contains("Ewa Later", "EMAIL", later.subject());
        Browser.renewDocPicture(browser.screenshot("cards"), "tasklist-cards.png");

        browser.openTask(baseUrl(), soonerTask.getId(), d -> d.findElements(By.cssSelector(
            "input[id$='field_case_order_id']")).stream().anyMatch(f -> "PL-2026-000222".equals(f.getDomProperty("value"))));
        // a link to a task carries no sorting: the list beside it is still soonest first
        wait.until(d -> d.getCurrentUrl().contains("dueDate"));
        assertThat(driver.findElement(By.cssSelector("input[id$='field_case_product']")).getDomProperty("value"))
            .isEqualTo("KET-1700");
        assertThat(driver.findElement(By.cssSelector("input[id$='field_customer_contact']")).getDomProperty("value"))
            .contains(sooner.customerEmail()).contains(sooner.customerPhone());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});",
            driver.findElement(By.cssSelector("input[id$='field_customer_name']")));
        Path form = browser.screenshot("form");
        Browser.renewDocPicture(form, "form-investigate-complaint.png");
      });
    }
  }

  private Task task(Contact contact) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id()).singleResult();
  }

  private static String cardText(List<WebElement> cards, String subject) {
    return cards.stream().map(WebElement::getText).filter(t -> t.contains(subject)).findFirst().orElse(null);
  }

  private static int indexOf(List<WebElement> cards, String subject) {
    for (int i = 0; i < cards.size(); i++) {
      if (cards.get(i).getText().contains(subject)) {
        return i;
      }
    }
    return -1;
  }
}
