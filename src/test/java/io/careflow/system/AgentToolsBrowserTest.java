package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.careflow.communication.CannedReplyListener;
import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.protocol.defect.DefectReplacementProcess;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.support.Browser;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Conversation;
import io.careflow.support.Http;
import io.careflow.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * boris's tools in a real browser (Tasklist, headless Chromium):
 * <ul>
 *   <li>errors as the form shows them: fields the form itself refuses are marked next to each
 *       field by form-js, with no red "An error happened" toast; what only the server refuses
 *       (two answers of spaces) comes back as one message naming both fields by their labels;</li>
 *   <li>a reply pre-filled from the topic's canned reply, with the greeting and signature shown
 *       read-only; boris picks the second canned reply, which becomes the body and goes out by
 *       e-mail with one greeting;</li>
 *   <li>Availability in Tasklist's header: his own page, opened with his Tasklist sign-in (no
 *       second login), switched to away and back.</li>
 * </ul>
 */
class AgentToolsBrowserTest extends CareflowIntegrationTest {

  static final String AGENT = "boris";
  static final String ERROR_TOAST = "An error happened";

  @Test
  void shouldShowRefusalsByLabelSendACannedReplyWithOneGreetingAndSwitchAvailability() throws Exception {
    Task defect = defectTask();
    String email = uniqueEmail("canned-browser");
    Contact inquiry = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail.example>", null,
        new NewContact.CustomerDetails(email, null, "Jan Kowalski", "en"), "Where is my kettle?",
        "I ordered a kettle a week ago.", "INQUIRY", "ORD-4711", null), "intake").contact();
    ProcessInstance inquiryProcess = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(inquiry.id()).processDefinitionKey(InquiryProcess.KEY).singleResult();
    Task reply = processEngine.getTaskService().createTaskQuery().processInstanceId(inquiryProcess.getId())
        .singleResult();
    assertThat(reply.getAssignee()).isEqualTo(AGENT);

    try (Browser browser = Browser.start("agent-tools")) {
      browser.onFailureScreenshot(() -> {
        browser.signInToTasklist(baseUrl(), AGENT);
        refusedByLabel(browser, defect);
        cannedReply(browser, reply);
        availability(browser);
      });
    } finally {
      new Http(baseUrl()).putJson(AGENT, "/api/agents/" + AGENT, "{\"availability\": \"AVAILABLE\"}");
    }

    execute(job(InquiryProcess.Elements.SERVICE_SEND_REPLY, inquiryProcess));
    MimeMessage[] mails = TestMail.SMTP.getReceivedMessagesForDomain(email.substring(email.indexOf('@') + 1));
    assertThat(mails).hasSize(1);
    String body = GreenMailUtil.getBody(mails[0]);
    // one greeting in the text part and one in the HTML part: none typed by the agent
    assertThat(body.split("Dear ", -1)).hasSize(3);
    assertThat(body).contains("Dear Jan Kowalski,").contains("Thank you for your patience.").contains("Boris Ivanov")
        .doesNotContain("I have checked order ORD-4711");
  }

  /** An English e-mail about a broken kettle: "Talk with the customer" in the replacements team, boris's. */
  private Task defectTask() {
    Contact contact = intake.receive(emailContact(uniqueEmail("defect-browser"), "DEFECT", "Broken kettle",
        "My kettle stopped heating."), "intake").contact();
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id())
        .processDefinitionKey(DefectReplacementProcess.KEY).singleResult();
    assertThat(task.getAssignee()).isEqualTo(AGENT);
    return task;
  }

  private void refusedByLabel(Browser browser, Task task) throws Exception {
    WebDriver driver = browser.driver();
    var wait = browser.waiting();
    By replyText = By.cssSelector("textarea[id$='field_reply_text']");
    browser.openTask(baseUrl(), task.getId(), d -> !d.findElements(replyText).isEmpty());
    By complete = By.xpath("//button[normalize-space()='Complete']");

    // nothing filled in: form-js marks each field the form requires, next to it; no red toast
    browser.click(wait.until(ExpectedConditions.elementToBeClickable(complete)));
    wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field-error")).size() >= 2);
    assertThat(driver.findElements(By.cssSelector(".fjs-has-errors .fjs-form-field-label:first-child")).stream()
        .map(label -> label.getText().replace("*", "").strip()).toList()).as("the marked fields, by label")
        .contains("The fault", "Listened to the customer to the end");
    // Tasklist would raise its toast right after the marks; two seconds without one is none
    assertThat(appears(driver, ERROR_TOAST)).as("a red toast besides the marks").isFalse();
    browser.screenshot("marked-by-form-js");

    // the form is satisfied in the browser, but the two answers are only spaces: the server names both
    for (String step : Conversation.STEPS) {
      browser.click(driver.findElements(By.cssSelector("input[type='radio'][id*='field_" + step + "']")).get(0));
    }
    // the reply came pre-filled with a canned reply (one for any topic): the agent empties it
    browser.replace(replyText, "   ");
    browser.type(By.cssSelector("textarea[id$='field_fault']"), "   ");
    browser.click(wait.until(ExpectedConditions.elementToBeClickable(complete)));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Your reply to the customer: is required; The fault: is required"));
    browser.screenshot("refused-by-label");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  private static boolean appears(WebDriver driver, String text) {
    try {
      new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(2))
          .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
      return true;
    } catch (org.openqa.selenium.TimeoutException none) {
      return false;
    }
  }

  /** The second canned reply, picked on the form, becomes the reply's body; the reply goes out with it. */
  private void cannedReply(Browser browser, Task task) throws Exception {
    WebDriver driver = browser.driver();
    var wait = browser.waiting();
    By replyText = By.cssSelector("textarea[id$='field_reply_text']");
    By choices = By.cssSelector("input[type='radio'][id*='field_canned_reply']");
    browser.openTask(baseUrl(), task.getId(), d -> d.findElements(replyText).stream()
        .anyMatch(field -> String.valueOf(field.getDomProperty("value")).contains("ORD-4711")));
    assertThat(driver.findElement(By.cssSelector("input[id$='field_reply_greeting']")).getDomProperty("value"))
        .isEqualTo("Dear Jan Kowalski,");
    assertThat(driver.findElement(By.cssSelector("textarea[id$='field_reply_signature']")).getDomProperty("value"))
        .startsWith("Kind regards,\nBoris Ivanov");
    assertThat(driver.findElement(By.cssSelector("textarea[id$='field_canned_replies']")).getDomProperty("value"))
        .contains("— Order status —").contains("— We need a little more time —");
    assertThat(driver.findElement(replyText).getDomProperty("value")).doesNotContain("Dear");

    // the topic's reply first (in the body, its choice marked), then the one for any topic: boris picks that
    var offered = driver.findElements(choices);
    assertThat(offered).hasSize(2);
    assertThat(offered.get(0).isSelected()).as("the pre-filled reply is the one chosen").isTrue();
    assertThat(driver.findElement(By.cssSelector("label[for='" + offered.get(1).getDomAttribute("id") + "']"))
        .getText()).contains("We need a little more time");
    browser.click(offered.get(1));
    wait.until(d -> String.valueOf(d.findElement(replyText).getDomProperty("value"))
        .startsWith("Thank you for your patience."));
    assertThat(driver.findElement(replyText).getDomProperty("value")).doesNotContain("ORD-4711").doesNotContain("Dear");
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});",
        driver.findElement(By.cssSelector("textarea[id$='field_canned_replies']")));
    Browser.renewDocPicture(browser.screenshot("reply-form"), "reply-form-canned.png");
    browser.click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']"))));
    wait.until(d -> processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName(CannedReplyListener.GREETING).taskIdIn(task.getId()).count()).isOne();
    assertThat(processEngine.getRuntimeService().getVariable(task.getProcessInstanceId(),
        CannedReplyListener.CANNED_REPLY)).as("the choice stays with the task").isNull();
  }

  /**
   * Signed in to Tasklist, boris opens his availability from Tasklist's header: no second login
   * (his Tasklist session signs him in there), switched to away and back.
   */
  private void availability(Browser browser) throws Exception {
    WebDriver driver = browser.driver();
    var wait = browser.waiting();
    // Tasklist's header links to the agent's own page
    var link = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.careflow-availability")));
    assertThat(link.getText()).isEqualTo("Availability");
    assertThat(link.getDomAttribute("href")).isEqualTo("/availability");
    Browser.renewDocPicture(browser.screenshot("tasklist-header"), "tasklist-availability-link.png");

    // the link opens a tab of its own; no Basic credentials in this browser: a login dialog would leave it blank
    String tasklist = driver.getWindowHandle();
    browser.click(link);
    wait.until(d -> d.getWindowHandles().size() == 2);
    driver.switchTo().window(driver.getWindowHandles().stream().filter(h -> !h.equals(tasklist)).findFirst()
        .orElseThrow());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "You are AVAILABLE"));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Your availability, Boris Ivanov")
        .contains("your open tasks that routing or a lead gave you and you have not started go back to routing");
    Browser.renewDocPicture(browser.screenshot("availability"), "availability.png");

    browser.click(driver.findElement(By.id("switch")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "You are AWAY"));
    assertThat(driver.findElement(By.id("rerouted")).getText()).matches("You are away: \\d+ of your open tasks went "
        + "back to routing\\.");
    assertThat(new Http(baseUrl()).get(AGENT, "/api/agents/" + AGENT).json().get("availability").asText())
        .isEqualTo("AWAY");
    browser.screenshot("away");

    browser.click(driver.findElement(By.id("switch")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "You are AVAILABLE"));
    assertThat(new Http(baseUrl()).get(AGENT, "/api/agents/" + AGENT).json().get("availability").asText())
        .isEqualTo("AVAILABLE");
    driver.close();
    driver.switchTo().window(tasklist);
  }
}
