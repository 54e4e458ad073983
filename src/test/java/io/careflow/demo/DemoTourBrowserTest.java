package io.careflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careflow.CareflowApplication;
import io.careflow.casefile.CaseVariables;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.support.Browser;
import io.careflow.support.Conversation;
import io.careflow.support.Http;
import io.careflow.support.OwnCareflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The README's "Your first ten minutes", done in headless Chromium on a fresh demo start with
 * nothing but careflow (its own mail server, its own chat receiver, its 90 days of past): the
 * two contacts are the {@code curl} bodies of the README's tour, read from the file; boris
 * answers each in Tasklist with a question; {@code /demo/customers} shows what the customer got
 * and "answer as the customer" brings the case back to boris with the customer's words (the
 * e-mail through SMTP and the mailbox poller, the chat through the inbound API); the case page
 * and the dashboard of 90 days show it to maria. The screenshots it takes are the README's
 * pictures: the test fails when the README names others, and
 * {@code CAREFLOW_DOC_SCREENSHOTS=true} renews them in docs/screenshots.
 */
@Tag(OwnCareflow.TAG)
class DemoTourBrowserTest {

  private static final Path README = Path.of("README.md");
  private static final Pattern CURL_BODY = Pattern.compile("(?s)```\\ncurl [^\\n]*-d '(\\{.*?\\})'\\n```");
  private static final Pattern PICTURE = Pattern.compile("\\]\\(docs/screenshots/(tour-[\\w-]+)\\.png\\)");
  private static final String ANSWER_CUSTOMER = InquiryProcess.Elements.USER_ANSWER_CUSTOMER;
  private static final By CUSTOMER_MESSAGE = By.cssSelector("textarea[id$='field_customer_message']");

  @TempDir
  Path data;

  /** The screenshots the tour took, by name, in order. */
  private final java.util.Map<String, Path> taken = new java.util.LinkedHashMap<>();

  @Test
  void shouldDoTheReadmeTourOnAFreshDemo() throws Exception {
    String tour = tour();
    List<String> bodies = CURL_BODY.matcher(tour).results().map(m -> m.group(1)).toList();
    assertThat(bodies).as("the tour's two curl commands, e-mail and chat").hasSize(2);
    List<String> pictures = PICTURE.matcher(tour).results().map(m -> m.group(1)).toList();

    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // a fixed port, as on a real start: the demo's chat webhook points at careflow's own port
    try (ConfigurableApplicationContext careflow = new SpringApplicationBuilder(CareflowApplication.class).run(
        "--server.port=" + port, "--careflow.demo.mail.poll-interval=PT1S",
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("careflow") + ";DB_CLOSE_ON_EXIT=FALSE")) {
      String base = "http://localhost:" + ((WebServerApplicationContext) careflow).getWebServer().getPort();
      ProcessEngine engine = careflow.getBean(ProcessEngine.class);
      JdbcClient jdbc = careflow.getBean(JdbcClient.class);
      Http http = new Http(base);

      // 1. a customer writes: the README's curl, as intake
      Http.Response pushed = http.postJson("intake", "/api/contacts", bodies.get(0));
      assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
      String emailCase = pushed.json().get("id").asText();
      Task first = awaitTask(engine, emailCase);
      assertThat(first.getAssignee()).as("routing gives the English kitchen inquiry to boris").isEqualTo("boris");

      try (Browser boris = Browser.start("demo-tour-boris");
          Browser customer = Browser.start("demo-tour-customer");
          Browser maria = Browser.start("demo-tour-maria")) {
        customer.basicAuth("boris");
        maria.basicAuth("maria");
        boris.onFailureScreenshot(() -> boris.signInToTasklist(base, "boris"));

        // 2.–3. boris sees it in Tasklist and asks back
        boris.onFailureScreenshot(() -> {
          openTask(boris, base, first, "warranty of the KET-200");
          keep(boris, "tour-1-tasklist");
          answerInTasklist(boris, "Which model of the KET-200 do you have, the white or the steel one?", false,
              "tour-2-answer");
        });
        String question = awaitSentQuestion(jdbc, emailCase);

        // 4. the customer reads it and answers back by e-mail
        customer.onFailureScreenshot(() -> {
          WebElement message = openCustomerMessage(customer, base, question);
          assertThat(message.getText()).contains("Which model of the KET-200").contains("Boris");
          keep(customer, "tour-3-customer");
          answerAsCustomer(customer, message, "The white one, bought in March.");
          assertThat(customer.driver().findElement(By.id("notice")).getText()).contains("support mailbox");
        });

        // 5. back to boris, with Jan's words
        Task back = awaitTask(engine, emailCase);
        assertThat(back.getAssignee()).isEqualTo("boris");
        boris.onFailureScreenshot(() -> {
          openTask(boris, base, back, "The white one, bought in March.");
          keep(boris, "tour-4-back");
        });

        // 6.–7. maria: the timeline of the case, the dashboard of 90 days
        maria.onFailureScreenshot(() -> {
          maria.driver().get(base + "/cases/" + emailCase);
          String page = maria.driver().findElement(By.tagName("body")).getText();
          assertThat(page).contains("Jan Kowalski").contains("Boris Ivanov").contains("SLA_PAUSED")
              .contains("SLA_RESUMED").contains("Which model of the KET-200");
          keep(maria, "tour-5-case");

          LocalDate today = LocalDate.now(ZoneId.of("Europe/Warsaw"));
          maria.driver().get(base + "/dashboard?from=" + today.minusDays(90) + "&to=" + today);
          String contacts = maria.driver().findElement(By.cssSelector("#tile-contacts .value")).getText();
          assertThat(Long.parseLong(contacts)).as("contacts of 90 days on the dashboard").isGreaterThan(2000);
          assertThat(maria.driver().findElements(By.cssSelector("figure.chart p.empty"))).isEmpty();
          keep(maria, "tour-6-dashboard");
        });

        // the same for a chat: the README's second curl, boris asks back, Ola answers in the chat
        Http.Response chat = http.postJson("intake", "/api/contacts", bodies.get(1));
        assertThat(chat.status()).as(chat.body()).isEqualTo(201);
        String chatCase = chat.json().get("id").asText();
        Task chatTask = awaitTask(engine, chatCase);
        // no agent of the inquiries team takes chats (channel-chat): it waits in the team's queue, boris claims it
        assertThat(chatTask.getAssignee()).isNull();
        boris.onFailureScreenshot(() -> {
          openTask(boris, base, chatTask, "in stock in red");
          claim(boris, "in stock in red");
          answerInTasklist(boris, "Red is back on Monday; shall I reserve one for you?", true, null);
        });
        String chatQuestion = awaitSentQuestion(jdbc, chatCase);
        customer.onFailureScreenshot(() -> {
          WebElement message = openCustomerMessage(customer, base, chatQuestion);
          assertThat(message.getText()).contains("Red is back on Monday").contains("via the demo chat receiver");
          answerAsCustomer(customer, message, "Yes please, reserve one.");
          assertThat(customer.driver().findElement(By.id("notice")).getText()).contains("resumed");
        });
        Task chatBack = awaitTask(engine, chatCase);
        assertThat(engine.getTaskService().getVariable(chatBack.getId(), CaseVariables.FORM_CUSTOMER_MESSAGE).toString())
            .contains("Yes please, reserve one.");
      }
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    assertThat(taken.keySet()).as("the README tour's pictures are the screenshots this test takes")
        .containsExactlyElementsOf(pictures);
    copyScreenshots();
  }

  private static String tour() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf("<!-- tour:start -->");
    int end = readme.indexOf("<!-- tour:end -->");
    assertThat(start).as("README's tour markers").isNotNegative().isLessThan(end);
    return readme.substring(start, end);
  }

  private void keep(Browser browser, String name) throws IOException {
    taken.put(name, browser.screenshot(name));
  }

  /** The README's pictures: renewed with CAREFLOW_DOC_SCREENSHOTS=true, and there in any case. */
  private void copyScreenshots() throws IOException {
    for (var shot : taken.entrySet()) {
      Browser.renewDocPicture(shot.getValue(), shot.getKey() + ".png");
      assertThat(Browser.DOC_PICTURES.resolve(shot.getKey() + ".png")).as("the README's picture " + shot.getKey())
          .exists();
    }
  }



  /** Opens the task in Tasklist afresh and waits for its form to show the customer's words. */
  private static void openTask(Browser browser, String base, Task task, String customerWords) throws IOException {
    browser.openTask(base, task.getId(), d -> d.findElements(CUSTOMER_MESSAGE).stream()
        .anyMatch(m -> String.valueOf(m.getDomProperty("value")).contains(customerWords)));
    browser.waiting().until(d -> d.findElements(By.xpath("//*[contains(text(), 'Loading...')]")).stream()
        .noneMatch(WebElement::isDisplayed));
  }

  /** Claims the open task shown (Tasklist renders its form anew after a claim). */
  private static void claim(Browser browser, String customerWords) {
    WebDriver driver = browser.driver();
    browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))));
    browser.waiting().until(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());
    browser.waiting().until(d -> d.findElements(CUSTOMER_MESSAGE).stream()
        .anyMatch(m -> String.valueOf(m.getDomProperty("value")).contains(customerWords)));
    assertThat(driver.findElements(By.cssSelector("button.claim"))).isEmpty();
  }

  /** Writes a question to the customer into the task form open in Tasklist and completes it. */
  private void answerInTasklist(Browser browser, String reply, boolean conversation, String screenshot)
      throws IOException {
    WebDriver driver = browser.driver();
    if (conversation) {
      for (String step : Conversation.STEPS) {
        browser.click(driver.findElements(By.cssSelector("input[type='radio'][id*='field_" + step + "']")).get(0));
      }
    }
    // the reply comes pre-filled with a canned reply: boris writes his own
    browser.replace(By.cssSelector("textarea[id$='field_reply_text']"), reply);
    // "A question to the customer": the second choice of "This message is"
    browser.click(driver.findElements(By.cssSelector("input[type='radio'][id*='field_reply_kind']")).get(1));
    if (screenshot != null) {
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
          driver.findElement(By.cssSelector("textarea[id$='field_reply_text']")));
      keep(browser, screenshot);
    }
    browser.click(browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space()='Complete']"))));
    browser.waiting().until(d -> d.findElements(CUSTOMER_MESSAGE).isEmpty());
  }

  private static WebElement openCustomerMessage(Browser browser, String base, String messageId) {
    browser.driver().get(base + "/demo/customers");
    return browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message-" + messageId)));
  }

  private static void answerAsCustomer(Browser browser, WebElement message, String text) {
    browser.type(message.findElement(By.name("body")), text);
    browser.click(message.findElement(By.cssSelector("button[type=submit]")));
    browser.waiting().until(d -> !d.findElements(By.id("notice")).isEmpty());
  }

  /** The open "Answer the customer" of the case, once the engine's jobs have brought it there. */
  private static Task awaitTask(ProcessEngine engine, String contactId) {
    return await("the task of case " + contactId).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(contactId)
            .taskDefinitionKey(ANSWER_CUSTOMER).singleResult(), Objects::nonNull);
  }

  /** The id of the question careflow sent the customer: the channel took it. */
  private static String awaitSentQuestion(JdbcClient jdbc, String contactId) {
    return await("the question of case " + contactId + " to be sent").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> jdbc.sql("select id from message where contact_id = ? and kind = 'QUESTION' and status = 'SENT'")
            .param(contactId).query(String.class).optional().orElse(null), Objects::nonNull);
  }
}
