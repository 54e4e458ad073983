package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.careflow.casefile.Contact;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.routing.Routing;
import java.util.Map;
import io.careflow.support.Browser;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Conversation;
import io.careflow.support.TestMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An agent's day in a real browser: anna signs in to Tasklist, opens the complaint routing
 * gave her (nothing to claim), reads why it came to her, the customer's message and record
 * in the form, writes the reply and a note about the customer and completes it; the
 * customer receives the e-mail signed with her name, and the note is on the customer record.
 * A reply the form allows in the browser but the server refuses (only spaces) comes back to
 * her in Tasklist with the field named, and the task stays open.
 */
class TasklistBrowserTest extends CareflowIntegrationTest {

  @Test
  void shouldLetAnAgentAnswerACustomerFromTasklist() throws Exception {
    String email = uniqueEmail("browser");
    String body = "The parcel arrived torn open <b>and</b> the lid is missing.";
    Contact contact = intake.receive(emailContact(email, "COMPLAINT", "Damaged parcel", body), "intake").contact();
    ProcessInstance complaint = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(contact.id()).processDefinitionKey(ComplaintProcess.KEY).singleResult();
    // the acknowledgement goes out; the investigation and the proposal are done (their own tests
    // cover them) — anna replies to the customer in Tasklist
    execute(job(ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT, complaint));
    completeAs("anna", Conversation.done(Map.of(ComplaintProcess.FINDINGS, "The courier dropped the parcel.",
        ComplaintProcess.JUSTIFIED, "YES")), contact);
    completeAs("anna", Map.of(ComplaintProcess.RESOLUTION_TYPE, "REPLACEMENT", ComplaintProcess.PROPOSAL,
        "Send a new lid today.", ComplaintProcess.COMPENSATION_AMOUNT, 0), contact);
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id())
        .singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(ComplaintProcess.Elements.USER_REPLY_COMPLAINT);

    try (Browser browser = Browser.start("tasklist-answer")) {
      browser.onFailureScreenshot(() -> answerInTasklist(browser, task, body));
    }

    execute(job(ComplaintProcess.Elements.SERVICE_SEND_REPLY, complaint));

    MimeMessage[] mails = TestMail.SMTP.getReceivedMessagesForDomain(email.substring(email.indexOf('@') + 1));
    // the automatic acknowledgement of the complaint, then anna's reply
    assertThat(mails).hasSize(2);
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails[0])).contains("received your complaint");
    assertThat(((InternetAddress) mails[1].getFrom()[0]).getPersonal()).startsWith("Anna Nowak");
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails[1]))
        .contains("A replacement lid is on its way today.").contains("Anna Nowak");
    assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId())
        .singleResult().getAssignee()).isEqualTo("anna");
    assertThat(List.of(mails[1].getAllRecipients())).extracting(Object::toString).containsExactly(email);
    assertThat(jdbc.sql("select author || ': ' || text from note where customer_id = ?").param(contact.customerId())
        .query(String.class).list()).containsExactly("anna: Prefers a call in the evening");
  }

  private void completeAs(String agent, Map<String, Object> variables, Contact contact) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id())
        .singleResult();
    processEngine.getIdentityService().setAuthentication(agent, List.of("agents", "team-complaints"));
    try {
      processEngine.getTaskService().complete(task.getId(), variables);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private void answerInTasklist(Browser browser, Task task, String body) throws Exception {
    var driver = browser.driver();
    var wait = browser.waiting();
    browser.signInToTasklist(baseUrl(), "anna");
    // careflow's filters, readable by agents, are what she sees first
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-filters]"),
        TasklistFilters.MY_TEAMS_TASKS));
    assertThat(driver.findElement(By.cssSelector("[cam-tasklist-filters]")).getText())
        .contains(TasklistFilters.MY_TASKS, TasklistFilters.DUE_SOON);
    assertThat(driver.findElements(By.cssSelector(".ce-eol-banner")))
        .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());

    // routing gave the reply to her, the one agent of the complaints team: she opens it, there
    // is nothing to claim, and the form tells her why it came to her
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo("anna");
    By message = By.cssSelector("textarea[id$='field_customer_message']");
    browser.openTask(baseUrl(), task.getId(), d -> d.findElements(message).stream()
        .anyMatch(m -> String.valueOf(m.getDomProperty("value")).contains("lid is missing")));
    assertThat(driver.findElement(message).getDomProperty("value")).contains(body).contains("Damaged parcel");
    assertThat(driver.findElements(By.cssSelector("button.claim"))).isEmpty();
    String reason = (String) processEngine.getTaskService().getVariableLocal(task.getId(), Routing.FORM_ROUTING_REASON);
    assertThat(reason).startsWith("least loaded: ");
    assertThat(driver.findElement(By.cssSelector("input[id$='field_routing_reason']")).getDomProperty("value"))
        .isEqualTo(reason);
    assertThat(driver.findElement(By.cssSelector("textarea[id$='field_customer_summary']")).getDomProperty("value"))
        .contains("Customer type: NEW").contains("First contact of this customer.");
    // every form links to the case page (form-js fills the link from the task's variable)
    String casePage = (String) processEngine.getTaskService().getVariableLocal(task.getId(),
        io.careflow.casefile.CaseVariables.FORM_CASE_PAGE);
    assertThat(casePage).startsWith("/cases/");
    assertThat(driver.findElements(By.cssSelector("a[href='" + casePage + "']"))).as("the case page link")
        .singleElement().satisfies(a -> assertThat(a.getText()).startsWith("Open the case page"));
    browser.screenshot("task-form");
    // the conversation algorithm, the block every conversation form shows: each step done
    for (String step : Conversation.STEPS) {
      browser.click(driver.findElements(By.cssSelector("input[type='radio'][id*='field_" + step + "']")).get(0));
    }

    // a reply of spaces passes form-js in the browser; the server refuses it, and the agent reads why
    By reply = By.cssSelector("textarea[id$='field_reply_text']");
    // the reply came pre-filled with the topic's canned reply: she empties it
    browser.replace(reply, "   ");
    By complete = By.xpath("//button[normalize-space()='Complete']");
    browser.click(wait.until(ExpectedConditions.elementToBeClickable(complete)));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Your reply to the customer: is required"));
    browser.screenshot("refused");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();

    ((JavascriptExecutor) driver).executeScript("arguments[0].select();", driver.findElement(reply));
    browser.type(reply, "We are sorry. A replacement lid is on its way today.");
    browser.type(By.cssSelector("textarea[id$='field_new_note']"), "Prefers a call in the evening");
    browser.click(wait.until(ExpectedConditions.elementToBeClickable(complete)));
    wait.until(d -> processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
    browser.screenshot("completed");
  }
}
