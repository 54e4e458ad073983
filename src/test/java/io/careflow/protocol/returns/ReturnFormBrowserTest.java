package io.careflow.protocol.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.casefile.Contact;
import io.careflow.support.Browser;
import io.careflow.support.ProtocolTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The return form as the customer sees it, in headless Chromium: open the link from the
 * message, choose a reason, send — the case moves on; an expired link shows the error page.
 */
class ReturnFormBrowserTest extends ProtocolTestSupport {

  @org.springframework.beans.factory.annotation.Autowired
  ReturnRequests returns;

  @Test
  void shouldTakeTheCustomersReturnFormAndRefuseAnExpiredLink() throws Exception {
    Contact contact = intake.receive(emailContact(uniqueEmail("browser-return"), "RETURN", "Return",
        "I would like to return the shoes."), "intake").contact();
    ProcessInstance pi = protocol(contact, ReturnProcess.KEY);
    run(pi, ReturnProcess.Elements.SERVICE_SEND_RETURN_FORM_LINK);
    String page = baseUrl() + linkedPath(contact);

    Contact late = intake.receive(emailContact(uniqueEmail("browser-late"), "RETURN", "Return", "Return please"),
        "intake").contact();
    run(protocol(late, ReturnProcess.KEY), ReturnProcess.Elements.SERVICE_SEND_RETURN_FORM_LINK);
    String expired = baseUrl() + linkedPath(late);

    try (Browser browser = Browser.start("return-form")) {
      browser.onFailureScreenshot(() -> {
        var driver = browser.driver();
        var wait = browser.waiting();
        driver.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Return form");
        new Select(driver.findElement(By.id("reason"))).selectByValue("NOT_AS_DESCRIBED");
        driver.findElement(By.id("comment")).sendKeys("The colour is different from the photo.");
        browser.screenshot("form-filled");
        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("thanks")));
        // the confirmation gives the return instructions with the case number
        assertThat(driver.findElement(By.id("instructions")).getText()).contains("within 14 days")
            .contains(io.careflow.communication.CaseToken.of(contact.id()));
        browser.screenshot("thanks");

        clock(at("2026-12-14T10:01+01:00"));
        driver.get(expired);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")));
        // an expired link names no customer, yet speaks the language of the customer it was for
        assertThat(driver.findElement(By.id("refused")).getText()).contains("This link has expired.");
        browser.screenshot("expired");
      });
    }

    assertThat(pi).hasPassed(ReturnProcess.Elements.RECEIVE_RETURN_FORM)
        .isWaitingAt(ReturnProcess.Elements.RECEIVE_RETURNED_ITEM);
    ReturnRequests.Return submitted = returns.find(contact.id()).orElseThrow();
    assertThat(submitted.reason()).isEqualTo(ReturnReason.NOT_AS_DESCRIBED);
    assertThat(submitted.comment()).isEqualTo("The colour is different from the photo.");
    assertThat(returns.find(late.id())).isEmpty();
  }
}
