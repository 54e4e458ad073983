package io.careflow.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.communication.MessageKind;
import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.protocol.returns.ReturnProcess;
import io.careflow.question.CustomerQuestions;
import io.careflow.support.Browser;
import io.careflow.support.ProtocolTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer's files on the public pages, in headless Chromium: a photo and a program chosen on
 * the return form (the program named as not taken, in English); a photo with the answer to an
 * agent's question on the answer page the question linked to.
 */
class PublicUploadsBrowserTest extends ProtocolTestSupport {

  @Autowired
  CustomerFiles files;

  @Test
  void shouldUploadOnTheReturnFormAndAnswerAQuestionWithAPhoto() throws Exception {
    Path folder = Files.createDirectories(Path.of("target", "browser-uploads"));
    Path photo = Files.write(folder.resolve("parcel.png"), CustomerPhotoBrowserTest.photo());
    Path program = Files.write(folder.resolve("setup.exe"), new byte[] {'M', 'Z', 0, 0});

    Contact returning = intake.receive(emailContact(uniqueEmail("browser-upload"), "RETURN", "Return",
        "I would like to return the kettle."), "intake").contact();
    ProcessInstance pi = protocol(returning, ReturnProcess.KEY);
    run(pi, ReturnProcess.Elements.SERVICE_SEND_RETURN_FORM_LINK);
    String returnForm = baseUrl() + linkedPath(returning);

    Contact asking = intake.receive(new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail.example>", null,
        new CustomerDetails(uniqueEmail("browser-answer"), null, "Jan Kowalski", "en"), "Kettle filter",
        "Which filter fits my kettle?", "INQUIRY", null, null), "intake").contact();
    ProcessInstance inquiry = protocol(asking, InquiryProcess.KEY);
    complete(inquiry, "boris", List.of("agents", "team-inquiries"),
        Map.of(CustomerQuestions.FORM_QUESTION, "Which model is it? A photo of the label helps."));
    String question = messages.ofContact(asking.id()).stream().filter(m -> m.kind() == MessageKind.QUESTION)
        .findFirst().orElseThrow().body();
    Matcher link = Pattern.compile("https?://[^/\\s]+(" + CustomerQuestions.LINK_PATH + "\\S+)").matcher(question);
    assertThat(link.find()).isTrue();
    String answerPage = baseUrl() + link.group(1);

    try (Browser browser = Browser.start("public-uploads")) {
      browser.onFailureScreenshot(() -> {
        var driver = browser.driver();
        var wait = browser.waiting();
        driver.get(returnForm);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("files")));
        new Select(driver.findElement(By.id("reason"))).selectByValue("DAMAGED_ON_ARRIVAL");
        driver.findElement(By.id("files")).sendKeys(photo.toAbsolutePath() + "\n" + program.toAbsolutePath());
        Browser.renewDocPicture(browser.screenshot("return-form-files"), "return-form-files.png");
        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("thanks")));
        assertThat(driver.findElement(By.id("files-refused")).getText()).contains("We could not take these files")
            .contains("setup.exe: a kind of file we cannot open safely").doesNotContain("parcel.png");
        Browser.renewDocPicture(browser.screenshot("return-thanks-files"), "return-thanks-files.png");

        driver.get(answerPage);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("question")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your answer to our question");
        assertThat(driver.findElement(By.id("question")).getText())
            .isEqualTo("Which model is it? A photo of the label helps.");
        browser.type(By.id("answer"), "It is the K-200, photo of the label attached.");
        driver.findElement(By.id("files")).sendKeys(photo.toAbsolutePath().toString());
        Browser.renewDocPicture(browser.screenshot("answer-page"), "answer-page.png");
        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("thanks")));
        assertThat(driver.findElement(By.id("thanks")).getText()).contains("we have your answer");
      });
    }

    assertThat(files.ofContact(returning.id())).extracting(CustomerFiles.StoredFile::fileName,
        CustomerFiles.StoredFile::accepted).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("parcel.png", true), org.assertj.core.groups.Tuple.tuple("setup.exe", false));
    assertThat(files.ofContact(asking.id())).singleElement().satisfies(f -> {
      assertThat(f.fileName()).isEqualTo("parcel.png");
      assertThat(f.accepted()).isTrue();
    });
    assertThat(processEngine.getTaskService().getVariableLocal(task(inquiry).getId(), CustomerQuestions.FORM_ANSWER))
        .asString().contains("It is the K-200");
  }
}
