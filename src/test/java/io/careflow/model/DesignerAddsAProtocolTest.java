package io.careflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.casefile.ContactStatus;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.routing.Routing;
import io.careflow.scenario.Careflow;
import io.careflow.scenario.ScenarioRunner;
import io.careflow.support.FormSubmission;
import io.careflow.support.Http;
import io.careflow.support.OwnCareflow;
import io.careflow.support.TestMail;
import io.careflow.support.WorkingCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A process designer adds a protocol careflow does not have — order cancellation — with files
 * only, as they would in Camunda Modeler: a BPMN model, a form, message templates in three
 * languages, rows in the classification, SLA and routing tables, topic names and a scenario
 * (the files under {@code src/test/resources/designer/order-cancellation}). They go into a
 * scratch copy of {@code processes/}, {@code forms/} and {@code templates/}, and careflow is
 * started on that copy. No Java is written for the protocol.
 */
@Tag(OwnCareflow.TAG)
class DesignerAddsAProtocolTest {

  static final Path NEW_PROTOCOL = Path.of("src/test/resources/designer/order-cancellation");

  @TempDir
  Path scratch;

  @Test
  void shouldRunAProtocolAddedAsFilesOnly() throws Exception {
    designersCopy(true);
    try (ConfigurableApplicationContext context = start()) {
      String baseUrl = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
      Http http = new Http(baseUrl);
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      ContactRepository contacts = context.getBean(ContactRepository.class);

      // contacts in Polish, English and Russian reach it by their words alone
      Map<String, String> ids = new java.util.LinkedHashMap<>();
      ids.put("pl", push(http, "pl", "Anulowanie", "Proszę anulować moje zamówienie PL-2026-000900."));
      ids.put("en", push(http, "en", "Cancel", "Please cancel my order, I ordered the wrong kettle."));
      ids.put("ru", push(http, "ru", "Отмена", "Прошу отменить мой заказ, пожалуйста."));
      for (var id : ids.entrySet()) {
        JsonNode contact = http.get("maria", "/api/contacts/" + id.getValue()).json();
        assertThat(contact.get("topic").asText()).as(id.getKey()).isEqualTo("CANCELLATION");
        assertThat(contact.get("protocol").asText()).as(id.getKey()).isEqualTo("order-cancellation");
        // its own row of sla-policy.dmn applies, once the protocol is known
        JsonNode sla = contact.get("sla");
        assertThat(sla.get("policy").asText()).as(id.getKey()).startsWith("sla-policy rule_cancellation_reply");
        assertThat(sla.get("target").asText()).as(id.getKey()).isEqualTo("PT2H");
        // its task is routed (its routing row: the inquiries team) and carries its form and the customer record
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id.getValue())
            .taskDefinitionKey("user_cancel_order").singleResult();
        assertThat(task).as(id.getKey()).isNotNull();
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
            .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("team-inquiries"));
        assertThat(task.getDueDate()).isEqualTo(java.util.Date.from(
            java.time.OffsetDateTime.parse(sla.get("dueAt").asText()).toInstant()));
        assertThat(engine.getTaskService().getVariable(task.getId(), Routing.FORM_ROUTING_REASON)).isNotNull();
        assertThat(formKey(engine, task)).isEqualTo("cancel-order");
        assertThat((String) engine.getTaskService().getVariable(task.getId(), CaseVariables.FORM_CUSTOMER_SUMMARY))
            .isNotBlank();
        assertThat(engine.getTaskService().getVariable(task.getId(), CaseVariables.ORDER_ID))
            .as("the order number the contact came with").isEqualTo(id.getKey().equals("pl") ? null : "PL-2026-000901");
      }
      // the English and the Russian one go to boris, who has the language and the team
      assertThat(assignee(engine, ids.get("en"))).isEqualTo("boris");
      assertThat(assignee(engine, ids.get("ru"))).isEqualTo("boris");

      // the KPIs and the triage form know the new topic
      JsonNode kpis = http.get("maria", "/api/kpis?from=2026-01-01T00:00:00Z&to=2030-01-01T00:00:00Z"
          + "&topic=CANCELLATION").json();
      assertThat(kpis.get("contacts").asLong()).isEqualTo(3);
      assertThat(kpis.get("contactsByTopic").get("CANCELLATION").asLong()).isEqualTo(3);
      assertThat(context.getBean(TopicCatalog.class).options())
          .contains(new TopicCatalog.Option("Order cancellation", "CANCELLATION"));
      Http.Response unknownHint = http.post("intake", "/api/contacts", "application/json", """
          {"channel": "EMAIL", "customer": {"email": "a@example.com"}, "topic": "CANCELATION"}""");
      assertThat(unknownHint.status()).isEqualTo(400);
      assertThat(unknownHint.body()).as("an unknown hint is refused naming the topics that exist")
          .contains("CANCELLATION", "RETURN");

      // too late to cancel: the case turns into a return for the same customer
      String shipped = ids.get("en");
      completeAs(http, engine, shipped, "boris", FormSubmission.of("cancellationResult", "ALREADY_SHIPPED",
          "cancellationNote", "Left the warehouse yesterday.", PlanFollowUpListener.TYPE, "NONE"));
      Contact cancelled = contacts.find(shipped).orElseThrow();
      assertThat(cancelled.outcome()).isEqualTo("CANCELLATION_ALREADY_SHIPPED");
      assertThat(cancelled.status()).isEqualTo(ContactStatus.RESOLVED);
      List<Contact> followers = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
          .sql("select id from contact where follows_contact_id = ?").param(shipped).query(String.class).list()
          .stream().map(id -> contacts.find(id).orElseThrow()).toList();
      assertThat(followers).singleElement().satisfies(c -> {
        assertThat(c.customerId()).isEqualTo(cancelled.customerId());
        assertThat(c.topic()).isEqualTo("RETURN");
        assertThat(c.protocol()).isEqualTo("return");
        assertThat(c.orderId()).isEqualTo(cancelled.orderId());
      });

      // its scenario passes
      new ScenarioRunner(Careflow.of(context, baseUrl, TestMail.SMTP))
          .run(scratch.resolve("processes/scenarios/order-cancellation.yaml"));

      // a deploy from Modeler whose table names a protocol no process has is refused, naming file and row
      int deployments = (int) engine.getRepositoryService().createDeploymentQuery().count();
      String typo = Files.readString(scratch.resolve("processes/contact-classification.dmn"))
          .replace("<text>\"order-cancellation\"</text>", "<text>\"order-cancelation\"</text>");
      Http.Response refused = http.deploy("demo", "from Modeler", "processes/contact-classification.dmn", typo);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("processes/contact-classification.dmn").contains("rule_hint_cancellation")
          .contains("order-cancelation");
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    }
  }

  @Test
  void shouldRefuseToStartOnATableThatNamesAProtocolNoProcessHas() throws Exception {
    designersCopy(false); // the rows, but not the model
    assertThatThrownBy(this::start).hasStackTraceContaining("processes/contact-classification.dmn")
        .hasStackTraceContaining("rule_hint_cancellation")
        .hasStackTraceContaining("protocol 'order-cancellation', but no process has that key");
  }

  /** The shipped files and the designer's new ones (without the BPMN model when {@code withModel} is false). */
  private void designersCopy(boolean withModel) throws IOException {
    WorkingCopy.copyInto(scratch);
    // only the new protocol's scenario runs here; the shipped ones run in ScenarioTest
    try (Stream<Path> shipped = Files.list(scratch.resolve("processes/scenarios"))) {
      for (Path file : shipped.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Files.delete(file);
      }
    }
    for (String folder : List.of("processes", "forms", "templates")) {
      WorkingCopy.copyTree(NEW_PROTOCOL.resolve(folder), scratch.resolve(folder));
    }
    if (!withModel) {
      Files.delete(scratch.resolve("processes/order-cancellation.bpmn"));
    }
    String rows = Files.readString(NEW_PROTOCOL.resolve("rows/contact-classification.dmn.xml"));
    addRows("processes/contact-classification.dmn", part(rows, "topic-keywords"), "      <rule id=\"rule_defect_pl\">");
    addRows("processes/contact-classification.dmn", part(rows, "before rule_hint_complaint"),
        "      <rule id=\"rule_hint_complaint\">");
    addRows("processes/contact-classification.dmn", part(rows, "before rule_words_mixed"),
        "      <rule id=\"rule_words_mixed\">");
    addRows("processes/sla-policy.dmn", Files.readString(NEW_PROTOCOL.resolve("rows/sla-policy.dmn.xml")),
        "      <rule id=\"rule_replacement_review\">");
    addRows("processes/routing.dmn", Files.readString(NEW_PROTOCOL.resolve("rows/routing.dmn.xml")),
        "      <rule id=\"rule_team_missed_call\">");
    for (String line : Files.readAllLines(NEW_PROTOCOL.resolve("rows/topics.properties"))) {
      if (!line.startsWith("#") && line.contains(": ")) {
        String language = line.substring(0, line.indexOf(':'));
        Files.writeString(scratch.resolve("templates/topics_" + language + ".properties"),
            "\n" + line.substring(line.indexOf(": ") + 2) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }
    }
  }

  private ConfigurableApplicationContext start() {
    return WorkingCopy.start(scratch, "--logging.level.root=WARN");
  }


  private static String push(Http http, String language, String subject, String body) {
    String order = language.equals("pl") ? "" : ", \"orderId\": \"PL-2026-000901\"";
    Http.Response response = http.post("intake", "/api/contacts", "application/json", """
        {"channel": "EMAIL", "externalId": "<%s@mail.example>",
         "customer": {"email": "%s", "name": "Klient %s", "language": "%s"},
         "subject": "%s", "body": "%s"%s}""".formatted(UUID.randomUUID(),
        "cancel-" + language + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", language,
        language, subject, body, order));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private static String assignee(ProcessEngine engine, String contactId) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(contactId).singleResult().getAssignee();
  }

  private static String formKey(ProcessEngine engine, Task task) {
    var definition = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId());
    return ((org.camunda.bpm.model.bpmn.instance.UserTask) definition.getModelElementById(task.getTaskDefinitionKey()))
        .getCamundaFormRef();
  }

  private static void completeAs(Http http, ProcessEngine engine, String contactId, String user, Object json) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(contactId).singleResult();
    Http.Response done = http.postJson(user, "/engine-rest/task/" + task.getId() + "/complete", json);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private void addRows(String file, String rows, String before) throws IOException {
    Path path = scratch.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(text).contains(before);
    String added = rows.replaceFirst("^\\s*\n", "").stripTrailing() + "\n";
    Files.writeString(path, text.replace(before, added + before), StandardCharsets.UTF_8);
  }

  /** The rows after the comment naming {@code marker}, up to the next comment. */
  private static String part(String rows, String marker) {
    int start = rows.indexOf('\n', rows.indexOf(marker)) + 1;
    int end = rows.indexOf("<!--", start);
    return end < 0 ? rows.substring(start) : rows.substring(start, end);
  }

}
