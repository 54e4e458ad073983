package io.careflow.cases.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.contact.ContactProcess;
import io.careflow.protocol.complaint.ComplaintProcess.Elements;
import io.careflow.support.Browser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Done when of the case page: in headless Chromium, maria opens a finished complaint that breached
 * its deadline and sees its path highlighted on the diagrams (marker classes on the SVG elements
 * bpmn-js drew), a click on a task listing what happened there, the breach marked, the
 * conversation and the decision that set the deadline. Screenshots: docs/screenshots/case-page*.png.
 */
class CasePageBrowserTest extends BreachedComplaint {

  @Test
  void shouldShowMariaThePathTheBreachTheConversationAndTheDecision() throws Exception {
    breachedAndFinishedComplaint();
    try (Browser browser = Browser.start("case-page")) {
      browser.onFailureScreenshot(() -> {
        browser.basicAuth("maria");
        ChromeDriver driver = (ChromeDriver) browser.driver();
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get(baseUrl() + "/cases/" + contact.id());
        browser.waiting().until(d -> d.findElements(By.cssSelector(".diagram[data-ready]")).size()
            == d.findElements(By.cssSelector(".diagram")).size());
        assertThat(driver.findElements(By.cssSelector(".diagram[data-ready=error]"))).isEmpty();

        // the complaint's path: its tasks passed, the flows between them taken, nothing current
        WebElement complaint = driver.findElement(By.cssSelector(".diagram[data-key=complaint]"));
        assertThat(marked(complaint, Elements.USER_INVESTIGATE_COMPLAINT)).contains("cf-visited", "cf-has-history")
            .doesNotContain("cf-current");
        assertThat(marked(complaint, Elements.USER_APPROVE_COMPENSATION)).contains("cf-visited");
        assertThat(marked(complaint, Elements.END_COMPLAINT_RESOLVED)).contains("cf-visited");
        assertThat(complaint.findElements(By.cssSelector("g.djs-connection.cf-taken"))).hasSizeGreaterThan(5);
        assertThat(complaint.findElements(By.cssSelector("g.djs-element.cf-current"))).isEmpty();
        // the deadline's watch: its warning and breach timers fired
        WebElement watch = driver.findElement(By.cssSelector(".diagram[data-key=deadline-watch]"));
        assertThat(watch.findElements(By.cssSelector("g.djs-element.cf-timer-fired"))).hasSizeGreaterThanOrEqualTo(2);
        WebElement contactProcess = driver.findElement(By.cssSelector(".diagram[data-key=contact]"));
        assertThat(contactProcess.findElements(By.cssSelector("g.djs-element.cf-visited"))).hasSizeGreaterThan(5);
        assertThat(marked(contactProcess, ContactProcess.Elements.CALL_PROTOCOL)).contains("cf-visited");
        // the table knew the topic: no triage, and its flows are not on the path
        assertThat(marked(contactProcess, ContactProcess.Elements.USER_CLASSIFY_CONTACT)).doesNotContain("cf-visited");
        assertThat(marked(contactProcess, "xor_protocol_known_no")).doesNotContain("cf-taken");
        assertThat(marked(contactProcess, "xor_protocol_known_yes")).contains("cf-taken");
        browser.screenshot("case-page");
        save(browser.screenshot("case-page-diagram"), "case-page.png");

        // a click on the approval lists what happened there, and who
        ((JavascriptExecutor) driver).executeScript("arguments[0].dispatchEvent(new MouseEvent('click', "
            + "{bubbles: true, clientX: arguments[0].getBoundingClientRect().x + 5, "
            + "clientY: arguments[0].getBoundingClientRect().y + 5}))",
            element(complaint, Elements.USER_APPROVE_COMPENSATION).findElement(By.cssSelector(".djs-hit")));
        WebElement details = browser.waiting().until(d -> {
          WebElement panel = d.findElement(By.id("element-details"));
          return panel.isDisplayed() ? panel : null;
        });
        assertThat(details.getText()).contains("Approve compensation", "completed", "Maria Wiśniewska");

        // the breach, the conversation, the decision that set the deadline
        WebElement deadline = driver.findElement(By.cssSelector("#deadlines-table tr.deadline"));
        assertThat(deadline.getDomAttribute("class")).contains("missed");
        assertThat(deadline.findElement(By.cssSelector(".breach")).getText()).startsWith("breached ");
        assertThat(deadline.findElement(By.cssSelector(".verdict")).getText()).startsWith("missed");
        assertThat(driver.findElements(By.cssSelector("#conversation article.message.out .body")))
            .extracting(WebElement::getText).contains(REPLY);
        assertThat(driver.findElement(By.cssSelector("#conversation article.message.in .body")).getText())
            .contains("</script> & <b>not bold</b>");
        WebElement sla = driver.findElement(By.cssSelector("article.decision[data-key=sla-policy]"));
        assertThat(sla.getText()).contains("Row " + reply.policyRule(), reply.target().toString());
        assertThat(((JavascriptExecutor) driver).executeScript("return typeof window.alerted")).isEqualTo("undefined");

        ((JavascriptExecutor) driver).executeScript("document.getElementById('deadlines').scrollIntoView()");
        save(browser.screenshot("case-page-deadlines"), "case-page-deadlines.png");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('conversation').scrollIntoView()");
        save(browser.screenshot("case-page-conversation"), "case-page-conversation.png");
      });
    }
  }

  /** The marker classes bpmn-js's element {@code id} carries in that diagram. */
  private static List<String> marked(WebElement diagram, String id) {
    return List.of(element(diagram, id).getDomAttribute("class").split("\\s+"));
  }

  private static WebElement element(WebElement diagram, String id) {
    return diagram.findElement(By.cssSelector("g.djs-element[data-element-id='" + id + "']"));
  }

  private static void save(Path screenshot, String name) throws Exception {
    Browser.renewDocPicture(screenshot, name);
    org.assertj.core.api.Assertions.assertThat(Browser.DOC_PICTURES.resolve(name)).exists();
  }

}
