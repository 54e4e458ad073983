package io.careflow.demo.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.communication.MessageKind;
import io.careflow.communication.MessageStatus;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.inquiry.InquiryProcess.Elements;
import io.careflow.support.Browser;
import io.careflow.support.Conversation;
import io.careflow.support.ProtocolTestSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The customer's side in headless Chromium: boris asks a chat customer a question, the page
 * {@code /demo/customers} shows the delivered chat message, and "answer as the customer" typed
 * and sent in the browser brings the case back to boris with the customer's text (screenshots
 * under target/browser/demo-customers/).
 */
class CustomerPageBrowserTest extends ProtocolTestSupport {

  @Test
  void shouldShowTheDeliveredChatMessageAndBringTheCaseBackWithTheCustomersAnswer() throws Exception {
    Contact contact = intake.receive(new NewContact("CHAT", "chat-" + UUID.randomUUID(), null,
        new CustomerDetails(null, null, "Ola", "en", null, "chat:browser-" + UUID.randomUUID()), null,
        "Is the kettle KET-200 in stock?", "INQUIRY", null, null), "intake").contact();
    ProcessInstance pi = protocol(contact, InquiryProcess.KEY);
    complete(pi, "boris", List.of("agents", "team-inquiries"), Conversation.done(Map.of(ReplyStep.REPLY_TEXT,
        "Which colour would you like, white or red?", ReplyStep.REPLY_KIND, "QUESTION", PlanFollowUpListener.TYPE, "NONE")));
    run(pi, Elements.SERVICE_SEND_REPLY);
    String questionId = messages.ofContact(contact.id()).stream()
        .filter(m -> m.kind() == MessageKind.QUESTION && m.status() == MessageStatus.SENT)
        .findFirst().orElseThrow().id();

    try (Browser browser = Browser.start("demo-customers")) {
      browser.onFailureScreenshot(() -> {
        browser.basicAuth("boris");
        var driver = browser.driver();
        driver.get(baseUrl() + CustomerPageController.PATH);

        WebElement message = driver.findElement(By.id("message-" + questionId));
        assertThat(message.findElement(By.cssSelector(".text")).getText())
            .isEqualTo("Which colour would you like, white or red?");
        assertThat(message.findElement(By.cssSelector(".meta")).getText()).contains("Boris");
        browser.screenshot("delivered-chat-message");

        browser.type(message.findElement(By.name("body")), "The red one, please.");
        browser.click(message.findElement(By.cssSelector("button[type=submit]")));

        browser.waiting().until(d -> !d.findElements(By.id("notice")).isEmpty());
        assertThat(driver.findElement(By.id("notice")).getText()).contains("resumed");
        browser.screenshot("answered-as-the-customer");
      });
    }

    assertThat(pi).hasPassed(Elements.MSG_CUSTOMER_REPLIED).isWaitingAt(Elements.USER_ANSWER_CUSTOMER);
    assertThat((String) processEngine.getTaskService().getVariable(task(pi).getId(),
        CaseVariables.FORM_CUSTOMER_MESSAGE)).contains("The red one, please.");
  }
}
