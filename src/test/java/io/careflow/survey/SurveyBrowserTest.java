package io.careflow.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.communication.ReplyStep;
import io.careflow.casefile.Contact;
import io.careflow.followup.FollowUpPlans;
import io.careflow.followup.FollowUpProcess;
import io.careflow.followup.FollowUpType;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.support.Browser;
import io.careflow.support.ProtocolTestSupport;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** The survey as the customer sees it: the link from the invitation, answered in headless Chromium. */
class SurveyBrowserTest extends ProtocolTestSupport {

  @Autowired
  FollowUpPlans plans;

  @Autowired
  SurveyAnswers answers;

  @Test
  void shouldTakeTheCustomersAnswerFromTheInvitationsLink() throws Exception {
    Contact contact = intake.receive(emailContact(uniqueEmail("browser-survey"), "INQUIRY", "Warranty",
        "How long is the warranty?"), "intake").contact();
    ProcessInstance inquiry = protocol(contact, InquiryProcess.KEY);
    complete(inquiry, "boris", List.of("agents", "team-inquiries"), Map.of(ReplyStep.REPLY_TEXT, "Two years.",
        ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE"));
    run(inquiry, InquiryProcess.Elements.SERVICE_SEND_REPLY);
    String surveyId = plans.ofContact(contact.id()).stream().filter(f -> f.type() == FollowUpType.SURVEY)
        .findFirst().orElseThrow().id();
    ProcessInstance invitation = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery()
        .processDefinitionKey(FollowUpProcess.KEY).processInstanceBusinessKey(surveyId).singleResult();
    clock(MONDAY_10.plusSeconds(3600));
    run(invitation, FollowUpProcess.Elements.TIMER_FOLLOW_UP_DUE);
    run(invitation, FollowUpProcess.Elements.SERVICE_SEND_FOLLOW_UP);
    String page = baseUrl() + linkedPath(contact);

    try (Browser browser = Browser.start("survey")) {
      browser.onFailureScreenshot(() -> {
        var driver = browser.driver();
        var wait = browser.waiting();
        driver.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-form")));
        // in the customer's language
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("How did we do?");
        driver.findElement(By.id("csat-5")).click();
        driver.findElement(By.id("nps-9")).click();
        driver.findElement(By.id("ces-6")).click();
        driver.findElement(By.id("comment")).sendKeys("Szybko i miło.");
        browser.screenshot("survey-filled");
        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("thanks")));
        browser.screenshot("survey-thanks");

        // the link is spent: opening it again shows the friendly refusal
        driver.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")));
      });
    }

    assertThat(answers.of(contact.id())).hasValueSatisfying(a -> {
      assertThat(a.csat()).isEqualTo(5);
      assertThat(a.nps()).isEqualTo(9);
      assertThat(a.ces()).isEqualTo(6);
      assertThat(a.comment()).isEqualTo("Szybko i miło.");
    });
  }
}
