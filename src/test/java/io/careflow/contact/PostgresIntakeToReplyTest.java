package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.careflow.casefile.CaseVariables;
import io.careflow.communication.CaseToken;
import io.careflow.communication.ReplyStep;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.support.EmbeddedPostgresConfiguration;
import io.careflow.support.Http;
import io.careflow.support.TestMail;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import io.careflow.support.OwnCareflow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The walking skeleton on a real PostgreSQL 17: Flyway and the engine share the schema,
 * a contact goes intake → task → reply e-mail → resolved, a duplicate stays one contact and
 * bad input leaves nothing.
 */
@Tag(OwnCareflow.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(EmbeddedPostgresConfiguration.class)
@DirtiesContext
class PostgresIntakeToReplyTest {

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", TestMail::port);
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine processEngine;

  @Autowired
  JdbcClient jdbc;

  Http http;

  @BeforeEach
  void setUp() throws Exception {
    init(processEngine);
    http = new Http("http://localhost:" + port);
    TestMail.SMTP.purgeEmailFromAllMailboxes();
  }

  @Test
  void shouldRunOnPostgres() {
    assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17");
    assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
        .isPositive();
  }

  @Test
  void shouldTakeAContactFromIntakeToTheCustomersMailbox() throws Exception {
    String email = "pg-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String json = """
        {"channel": "EMAIL", "externalId": "<%s@mail.example>", "receivedAt": "2026-11-20T10:00:00+01:00",
         "customer": {"email": "%s", "name": "Piotr", "language": "pl"},
         "subject": "Gwarancja", "body": "Jak długo trwa gwarancja?", "topic": "INQUIRY"}"""
        .formatted(UUID.randomUUID(), email);
    Http.Response created = http.postJson("intake", "/api/contacts", json);
    assertThat(created.status()).isEqualTo(201);
    assertThat(http.postJson("intake", "/api/contacts", json).status()).isEqualTo(200);
    String contactId = created.json().get("id").asText();

    ProcessInstance inquiry = processInstanceQuery().processDefinitionKey(InquiryProcess.KEY)
        .processInstanceBusinessKey(contactId).singleResult();
    assertThat(inquiry).isWaitingAt(InquiryProcess.Elements.USER_ANSWER_CUSTOMER);
    assertThat(task(inquiry)).hasCandidateGroupAssociated("team-inquiries");

    var identity = processEngine.getIdentityService();
    identity.setAuthentication("boris", List.of("agents", "team-inquiries"));
    try {
      processEngine.getTaskService().claim(task(inquiry).getId(), "boris");
      processEngine.getTaskService().complete(task(inquiry).getId(),
          Map.of(ReplyStep.REPLY_TEXT, "Dwa lata.", ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE"));
    } finally {
      identity.clearAuthentication();
    }
    execute(job(inquiry));

    assertThat(inquiry).isEnded();
    var mails = TestMail.SMTP.getReceivedMessagesForDomain("example.org");
    assertThat(mails).hasSize(1);
    assertThat(((InternetAddress) mails[0].getFrom()[0]).getPersonal()).startsWith("Boris Ivanov");
    assertThat(mails[0].getSubject()).isEqualTo("Re: Gwarancja " + CaseToken.of(contactId));

    var contact = http.get("maria", "/api/contacts/" + contactId).json();
    assertThat(contact.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(contact.get("sla").get("firstReplyAt").isNull()).isFalse();
    assertThat(jdbc.sql("select count(*) from contact where external_id like '<%'").query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void shouldLeaveNothingBehindForBadInput() {
    long contacts = jdbc.sql("select count(*) from contact").query(Long.class).single();
    long processes = processEngine.getRuntimeService().createProcessInstanceQuery().count();

    Http.Response response = http.postJson("intake", "/api/contacts", """
        {"channel": "EMAIL", "customer": {"email": "not-an-address"}}""");

    assertThat(response.status()).isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from contact").query(Long.class).single()).isEqualTo(contacts);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(processes);
  }

  @Test
  void shouldKeepTheCustomerRecordOnPostgres() {
    String email = "pg-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String phone = "+48 60" + (1_000_000 + (int) (Math.random() * 8_999_999));
    var byEmail = http.postJson("intake", "/api/contacts", """
        {"channel": "EMAIL", "customer": {"email": "%s", "language": "pl"}, "body": "b", "topic": "INQUIRY"}"""
        .formatted(email)).json();
    var byPhone = http.postJson("intake", "/api/calls/missed", """
        {"callId": "call-%s", "phone": "%s"}""".formatted(UUID.randomUUID(), phone)).json();
    String into = byEmail.get("customerId").asText();
    String from = byPhone.get("customerId").asText();
    assertThat(http.postJson("anna", "/api/customers/" + from + "/notes", """
        {"text": "Works night shifts", "contactId": "%s"}""".formatted(byPhone.get("id").asText())).status())
        .isEqualTo(201);
    assertThat(http.postJson("boris", "/api/customers/" + into + "/offers", """
        {"text": "Free delivery", "validUntil": "%s"}""".formatted(java.time.OffsetDateTime.now().plusDays(5)))
        .status()).isEqualTo(201);

    var merged = http.postJson("maria", "/api/customers/merge", """
        {"into": "%s", "from": "%s", "reason": "one person"}""".formatted(into, from));
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    var record = http.get("anna", "/api/customers?phone=" + phone.replace("+", "%2B").replace(" ", "")).json();
    assertThat(record.get("id").asText()).isEqualTo(into);
    assertThat(record.get("contacts")).hasSize(2);
    assertThat(record.get("merged").get(0).get("customerId").asText()).isEqualTo(from);

    var next = http.postJson("intake", "/api/contacts", """
        {"channel": "EMAIL", "customer": {"email": "%s"}, "body": "again", "topic": "INQUIRY"}"""
        .formatted(email)).json();
    var task = processEngine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(next.get("id").asText()).singleResult();
    assertThat((String) processEngine.getTaskService().getVariableLocal(task.getId(), CaseVariables.FORM_CUSTOMER_SUMMARY))
        .contains("Works night shifts").contains("Free delivery").contains("MISSED_CALL");
  }
}
