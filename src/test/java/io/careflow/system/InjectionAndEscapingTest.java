package io.careflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.careflow.casefile.Contact;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.reporting.KpiDataSet;
import io.careflow.support.Browser;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import io.careflow.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Injection and escaping. Expressions never reach the engine through task
 * queries ({@code orQueries} included) or filters, agents cannot create or change filters at
 * all, and careflow's own expression-based filters keep working. What a customer writes —
 * markup, AngularJS {@code {{…}}} and EL/FreeMarker {@code ${…}} — is shown as text in
 * Tasklist's forms (headless Chromium), in e-mails and on the dashboard, and never evaluated.
 */
class InjectionAndEscapingTest extends CareflowIntegrationTest {

  /** Markup, AngularJS and EL/FreeMarker expressions, each of which would leave a trace if run. */
  static final String HOSTILE = "<script>window.pwned='script'</script><img src=x onerror=\"window.pwned='img'\">"
      + " {{7*7}} {{constructor.constructor('window.pwned=\\'angular\\'')()}} ${7*7} #{7*7} ${''.getClass()}";
  static final String HOSTILE_NAME = "Eve <b>Bold</b> {{7*7}} ${7*7}";

  Http http;

  @BeforeEach
  void http() {
    http = new Http(baseUrl());
  }

  // ---------------------------------------------------------------------------------------
  // expressions in queries and filters

  @Test
  void shouldRefuseAdHocExpressionsButKeepCareflowsStoredFilters() {
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    // careflow's own filters ("My tasks", "My teams' tasks", "Due soon") are stored queries with
    // ${currentUser()} / ${currentUserGroups()}: only careflow creates them (see below)
    assertThat(configuration.isEnableExpressionsInStoredQueries()).isTrue();

    Task task = complaintTaskOfAnna();
    Filter teams = filter(TasklistFilters.MY_TEAMS_TASKS);
    Http.Response list = http.postJson("anna", "/engine-rest/filter/" + teams.getId() + "/list", "{}");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().findValuesAsText("id")).contains(task.getId());
    // boris is not in team-complaints: the same stored filter shows him other tasks
    assertThat(http.postJson("boris", "/engine-rest/filter/" + teams.getId() + "/list", "{}").json()
        .findValuesAsText("id")).doesNotContain(task.getId());
  }

  static List<String> expressionSpellings() {
    return List.of("${true}", "#{true}", "\\u0024{true}", "$\\u007btrue}", "\\u0023\\u007Btrue}",
        "${''.getClass().forName('java.lang.Runtime')}", "x ${currentUser()} y");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressionSpellings")
  void shouldRefuseExpressionsInEveryTaskQueryDoor(String expression) {
    String myTasks = filter(TasklistFilters.MY_TASKS).getId();
    long filters = processEngine.getFilterService().createFilterQuery().count();
    List<String> bodies = List.of(
        "{\"orQueries\": [{\"assigneeExpression\": \"" + expression + "\"}]}",
        "{\"orQueries\": [{\"candidateGroup\": \"agents\"}, {\"dueBeforeExpression\": \"" + expression + "\"}]}",
        "{\"candidateUserExpression\": \"" + expression + "\"}",
        "{\"taskVariables\": [{\"name\": \"x\", \"operator\": \"eq\", \"value\": \"" + expression + "\"}]}",
        "{\"" + expression + "\": 1}");
    List<String> doors = List.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest/history/task",
        "/engine-rest/history/task/count", "/engine-rest/filter/" + myTasks + "/list",
        "/engine-rest/filter/" + myTasks + "/count", "/engine-rest/engine/default/task",
        "/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/filter/" + myTasks + "/list");
    for (String door : doors) {
      for (String body : bodies) {
        for (String user : List.of("anna", "maria", "demo")) {
          Http.Response response = http.postJson(user, door, body);
          assertThat(response.status()).as(user + " " + door + " " + body).isEqualTo(400);
          assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
      }
    }
    // a filter with an expression cannot be stored either, not even by the administrator
    assertThat(http.postJson("demo", "/engine-rest/filter/create", "{\"resourceType\": \"Task\", \"name\": \"x\","
        + " \"query\": {\"orQueries\": [{\"assigneeExpression\": \"" + expression + "\"}]}}").status())
        .isEqualTo(400);
    assertThat(http.putJson("demo", "/engine-rest/filter/" + myTasks, "{\"resourceType\": \"Task\", \"name\": \""
        + TasklistFilters.MY_TASKS + "\", \"query\": {\"assigneeExpression\": \"" + expression + "\"}}").status())
        .isEqualTo(400);
    assertThat(processEngine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"anna", "boris", "maria", "intake"})
  void shouldNotLetAnyoneButTheAdministratorCreateOrChangeFilters(String user) throws Exception {
    Filter teams = filter(TasklistFilters.MY_TEAMS_TASKS);
    String before = storedQuery(teams.getId());
    long filters = processEngine.getFilterService().createFilterQuery().count();

    assertThat(http.postJson(user, "/engine-rest/filter/create",
        "{\"resourceType\": \"Task\", \"name\": \"mine\", \"query\": {\"candidateGroup\": \"team-returns\"}}").status())
        .isIn(403);
    // the stored filter with ${currentUserGroups()}: neither widened nor renamed nor deleted
    assertThat(http.putJson(user, "/engine-rest/filter/" + teams.getId(), "{\"resourceType\": \"Task\", \"name\": \""
        + TasklistFilters.MY_TEAMS_TASKS + "\", \"query\": {}}").status()).isIn(403, 404);
    assertThat(delete(user, "/engine-rest/filter/" + teams.getId())).isIn(403, 404);

    assertThat(processEngine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
    assertThat(storedQuery(teams.getId())).isEqualTo(before).contains("currentUserGroups()");
  }

  // ---------------------------------------------------------------------------------------
  // what the customer wrote, shown to people

  @Test
  void shouldShowHostileCustomerTextAsTextInMails() throws Exception {
    String email = uniqueEmail("eve");
    Contact contact = intake.receive(new NewContact("EMAIL", null, null,
        new CustomerDetails(email, null, HOSTILE_NAME, "en"), HOSTILE, HOSTILE, "COMPLAINT", null, null),
        "intake").contact();
    ProcessInstance complaint = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(contact.id()).processDefinitionKey(ComplaintProcess.KEY).singleResult();
    // the automatic acknowledgement: "Dear <name>", in reply to the customer's subject
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute(
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job(
            ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT, complaint));

    MimeMessage[] mails = TestMail.SMTP.getReceivedMessagesForDomain(email.substring(email.indexOf('@') + 1));
    assertThat(mails).hasSize(1);
    String html = htmlPart(mails[0]);
    assertThat(html).contains("Eve &lt;b&gt;Bold&lt;/b&gt; {{7*7}} ${7*7}").doesNotContain("<b>Bold", "49");
    assertThat(GreenMailUtil.getBody(mails[0])).contains("Dear Eve <b>Bold</b> {{7*7}} ${7*7},");
    // a subject header is plain text in every mail client: the customer's words, unevaluated
    assertThat(mails[0].getSubject()).startsWith("Re: " + HOSTILE + " [#CF-");
  }

  @Test
  void shouldShowHostileSubjectsAsTextOnTheDashboard() {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
        java.time.Instant.parse("2026-11-30T09:00:00Z")));
    String team = "team-esc-" + UUID.randomUUID().toString().substring(0, 8);
    new KpiDataSet(jdbc).contact("EMAIL", "COMPLAINT", team)
        .received(LocalDate.of(2019, 9, 3).atTime(10, 0).atZone(ZoneId.of("Europe/Warsaw")).toInstant())
        .met(null).subject(HOSTILE).insert();
    Http.Response page = http.get("maria", "/dashboard?from=2019-09-02&to=2019-09-06&team=" + team);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("<script", "<img src=x", "onerror=\"")
        .contains("&lt;script&gt;window.pwned=&#39;script&#39;&lt;/script&gt;")
        .contains("{{7*7}}").contains("${7*7}").contains("#{7*7}").contains("${&#39;&#39;.getClass()}");
  }

  @Test
  void shouldShowHostileCustomerTextAsTextInTasklist() throws Exception {
    Contact contact = intake.receive(new NewContact("EMAIL", null, null,
        new CustomerDetails(uniqueEmail("eve"), null, HOSTILE_NAME, "en"), HOSTILE, HOSTILE, "INQUIRY", null, null),
        "intake").contact();
    // an agent's note about the customer, shown in every later task
    assertThat(http.postJson("anna", "/api/customers/" + contact.customerId() + "/notes",
        Map.of("text", "Note " + HOSTILE)).status()).isEqualTo(201);
    Contact second = intake.receive(new NewContact("EMAIL", null, null,
        new CustomerDetails(contactEmail(contact), null, HOSTILE_NAME, "en"), "Again " + HOSTILE, "Again " + HOSTILE,
        "INQUIRY", null, null), "intake").contact();
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(second.id())
        .singleResult();
    assertThat(task.getAssignee()).isEqualTo("boris");

    try (Browser browser = Browser.start("tasklist-escaping")) {
      browser.onFailureScreenshot(() -> {
        var driver = browser.driver();
        var wait = browser.waiting();
        driver.get(baseUrl() + "/camunda/app/tasklist/default/");
        browser.type(wait.until(ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("input[placeholder='Username']"))), "boris");
        browser.type(driver.findElement(By.cssSelector("input[placeholder='Password']")), "boris");
        browser.click(driver.findElement(By.cssSelector("button[type='submit']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-filters]"),
            TasklistFilters.MY_TEAMS_TASKS));
        driver.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        driver.navigate().refresh();
        By message = By.cssSelector("textarea[id$='field_customer_message']");
        wait.until(d -> d.findElements(message).stream()
            .anyMatch(m -> String.valueOf(m.getDomProperty("value")).contains("Again")));
        browser.screenshot("hostile-task-form");

        assertThat(driver.findElement(message).getDomProperty("value")).contains("Again " + HOSTILE);
        assertThat(driver.findElement(By.cssSelector("input[id$='field_customer_name']")).getDomProperty("value"))
            .isEqualTo(HOSTILE_NAME);
        assertThat(driver.findElement(By.cssSelector("textarea[id$='field_customer_summary']"))
            .getDomProperty("value")).contains("Note " + HOSTILE);
        // the task list shows the task's name, and the page itself: nothing ran, nothing was evaluated
        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(text).doesNotContain("Eve Bold 49");
        assertThat(driver.findElements(By.cssSelector("img[src='x'], b"))).extracting(e -> e.getText())
            .doesNotContain("Bold");
        assertThat(((JavascriptExecutor) driver).executeScript("return typeof window.pwned"))
            .isEqualTo("undefined");
        try {
          driver.switchTo().alert();
          throw new AssertionError("An alert opened: " + driver.switchTo().alert().getText());
        } catch (NoAlertPresentException expected) {
          // no dialog: nothing ran
        }
      });
    }
  }

  // ---------------------------------------------------------------------------------------

  private Task complaintTaskOfAnna() {
    Contact contact = intake.receive(emailContact(uniqueEmail("filter"), "COMPLAINT", "Lid", "Missing lid"),
        "intake").contact();
    ProcessInstance complaint = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(contact.id()).processDefinitionKey(ComplaintProcess.KEY).singleResult();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute(
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job(
            ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT, complaint));
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id())
        .singleResult();
  }

  private int delete(String user, String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + path))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The filter's query as the engine stores it (JSON, expressions included). */
  private String storedQuery(String filterId) {
    return jdbc.sql("select query_ from ACT_RU_FILTER where id_ = ?").param(filterId).query(String.class).single();
  }

  private Filter filter(String name) {
    return processEngine.getFilterService().createFilterQuery().filterName(name).singleResult();
  }

  private String contactEmail(Contact contact) {
    return jdbc.sql("select customer_email from contact where id = ?").param(contact.id()).query(String.class).single();
  }

  private static String htmlPart(MimeMessage mail) throws Exception {
    Object content = mail.getContent();
    if (content instanceof jakarta.mail.Multipart multipart) {
      return htmlOf(multipart);
    }
    return String.valueOf(content);
  }

  private static String htmlOf(jakarta.mail.Multipart multipart) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      var part = multipart.getBodyPart(i);
      if (part.getContent() instanceof jakarta.mail.Multipart nested) {
        String html = htmlOf(nested);
        if (html != null) {
          return html;
        }
      } else if (part.isMimeType("text/html")) {
        return String.valueOf(part.getContent());
      }
    }
    return null;
  }
}
