package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.casefile.Contact;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.Http;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The intake API of API.md: created, duplicate, every kind of bad input, authentication. */
class ContactApiTest extends CareflowIntegrationTest {

  Http http;

  @BeforeEach
  void http() {
    http = new Http(baseUrl());
  }

  @Test
  void shouldCreateAContactAndStartItsProcess() {
    String externalId = "<" + UUID.randomUUID() + "@mail.example>";
    Http.Response response = http.postJson("intake", "/api/contacts", """
        {"channel": "EMAIL", "externalId": "%s", "receivedAt": "2026-11-20T15:00:00+01:00",
         "customer": {"email": "Jan.Kowalski@Example.com", "name": "Jan Kowalski", "language": "pl"},
         "subject": "Broken kettle", "body": "It stopped working after a week.", "topic": "INQUIRY",
         "orderId": "PL-2026-000123", "productSku": "KET-200"}""".formatted(externalId));

    assertThat(response.status()).isEqualTo(201);
    JsonNode body = response.json();
    assertThat(response.header("Location")).isEqualTo("/api/contacts/" + body.get("id").asText());
    assertThat(body.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(body.get("status").asText()).isEqualTo("OPEN");
    assertThat(body.get("topic").asText()).isEqualTo("INQUIRY");
    assertThat(body.get("protocol").asText()).isEqualTo("inquiry");
    assertThat(body.get("receivedAt").asText()).isEqualTo("2026-11-20T15:00:00+01:00");
    assertThat(body.get("sla").has("dueAt")).isTrue();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(body.get("processInstanceId").asText()).count()).isEqualTo(1);

    Http.Response read = http.get("anna", "/api/contacts/" + body.get("id").asText());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("customerId").asText()).isEqualTo(body.get("customerId").asText());
  }

  @Test
  void shouldTurnACallMeRequestIntoACallBackAtTheNextOpening() {
    // Friday 16:30; the customer asks for a call at 18:00, after closing time
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-12-04T16:30:00+01:00").toInstant()));
    Http.Response response = http.postJson("intake", "/api/contacts", """
        {"channel": "WEB_FORM", "externalId": "form-%s", "customer": {"phone": "+48 600 %03d 321", "name": "Ola"},
         "callBackAt": "2026-12-04T18:00:00+01:00", "subject": "Call me", "body": "About my order", "topic": "RETURN"}"""
        .formatted(UUID.randomUUID(), (int) (System.nanoTime() % 1000)));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode body = response.json();
    assertThat(body.get("callBackAt").asText()).as("Monday's opening").isEqualTo("2026-12-07T09:00:00+01:00");
    assertThat(body.get("protocol").asText()).as("a call-back, whatever the hint").isEqualTo("missed-call");
    assertThat(body.get("sla").get("paused").asBoolean()).as("no clock runs before that time").isTrue();
  }

  @Test
  void shouldSetTheReplyDeadlineOfAFridayAfternoonEmailAtIntake() {
    // Friday 4 December 2026, 15:05 in Warsaw; the e-mail came at 15:00
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-12-04T15:05:00+01:00").toInstant()));
    Http.Response response = http.postJson("intake", "/api/contacts", """
        {"channel": "EMAIL", "receivedAt": "2026-12-04T15:00:00+01:00",
         "customer": {"email": "%s"}, "subject": "Friday", "body": "b", "topic": "INQUIRY"}"""
        .formatted(uniqueEmail("friday")));

    assertThat(response.status()).isEqualTo(201);
    JsonNode sla = response.json().get("sla");
    // the target of the row that applied, counted in working time from receipt: the weekend is closed
    JsonNode due = http.get("intake", "/api/calendar/due?from=2026-12-04T15:00:00%2B01:00&duration="
        + sla.get("target").asText()).json();
    assertThat(sla.get("dueAt").asText()).isEqualTo(due.get("dueAt").asText());
    assertThat(sla.get("policy").asText()).startsWith("sla-policy rule_");
    assertThat(sla.get("met").isNull()).isTrue();
    assertThat(sla.get("paused").asBoolean()).isFalse();
  }

  @Test
  void shouldShowWhoHoldsTheCase() {
    Contact contact = intake.receive(emailContact(uniqueEmail("holder"), "INQUIRY", "s", "b"), "intake").contact();
    // routing gave the inquiry to boris, the one agent of the inquiries team
    assertThat(http.get("boris", "/api/contacts/" + contact.id()).json().get("assignee").asText()).isEqualTo("boris");

    var task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id()).singleResult();
    processEngine.getTaskService().setAssignee(task.getId(), null);
    assertThat(http.get("boris", "/api/contacts/" + contact.id()).json().get("assignee").isNull()).isTrue();
    processEngine.getTaskService().claim(task.getId(), "boris");

    JsonNode view = http.get("maria", "/api/contacts/" + contact.id()).json();
    assertThat(view.get("assignee").asText()).isEqualTo("boris");
    assertThat(view.get("status").asText()).isEqualTo("OPEN");
    assertThat(view.get("sla").get("firstReplyAt").isNull()).isTrue();
  }

  @Test
  void shouldAnswerADuplicateWithTheFirstContact() {
    String json = """
        {"channel": "EMAIL", "externalId": "<%s@mail.example>", "customer": {"email": "%s"}, "body": "b"}"""
        .formatted(UUID.randomUUID(), uniqueEmail("dup"));
    Http.Response first = http.postJson("intake", "/api/contacts", json);
    long processes = runningProcesses();
    Http.Response second = http.postJson("intake", "/api/contacts", json);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(runningProcesses()).isEqualTo(processes);
  }

  @Test
  void shouldCreateOneContactForConcurrentDuplicates() throws Exception {
    String externalId = "<" + UUID.randomUUID() + "@mail.example>";
    String json = """
        {"channel": "EMAIL", "externalId": "%s", "customer": {"email": "%s"}, "body": "same"}"""
        .formatted(externalId, uniqueEmail("race"));
    int threads = 8;
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(threads);
    List<Future<Http.Response>> answers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      answers.add(pool.submit((Callable<Http.Response>) () -> {
        start.await();
        return http.postJson("intake", "/api/contacts", json);
      }));
    }
    start.countDown();
    List<Http.Response> responses = new ArrayList<>();
    for (Future<Http.Response> answer : answers) {
      responses.add(answer.get());
    }
    pool.shutdown();

    assertThat(responses).extracting(Http.Response::status).containsOnly(200, 201);
    assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(responses).extracting(r -> r.json().get("id").asText()).containsOnly(
        responses.get(0).json().get("id").asText());
    assertThat(jdbc.sql("select count(*) from contact where external_id = ?").param(externalId)
        .query(Long.class).single()).isEqualTo(1);
    String id = responses.get(0).json().get("id").asText();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(ContactProcess.KEY).count()).isEqualTo(1);
  }

  static List<Arguments> badContacts() {
    String longText = "x".repeat(100_001);
    return List.of(
        Arguments.of("unknown channel", """
            {"channel": "FAX", "customer": {"email": "a@example.com"}}""", List.of("channel")),
        Arguments.of("neither e-mail nor phone", """
            {"channel": "CHAT", "customer": {"name": "Anonymous"}}""", List.of("customer")),
        Arguments.of("empty handle", """
            {"channel": "CHAT", "customer": {"handle": ""}}""", List.of("customer.handle")),
        Arguments.of("blank handle", """
            {"channel": "SOCIAL", "customer": {"handle": "   "}}""", List.of("customer.handle")),
        Arguments.of("handle over 200 characters", """
            {"channel": "SOCIAL", "customer": {"handle": "fb:%s"}}""".formatted("1".repeat(198)),
            List.of("customer.handle")),
        Arguments.of("handle of a channel that has none", """
            {"channel": "EMAIL", "customer": {"email": "a@example.com", "handle": "fb:1"}}""",
            List.of("customer.handle")),
        Arguments.of("call-me time in the past", """
            {"channel": "WEB_FORM", "customer": {"phone": "+48600100200"}, "callBackAt": "2020-01-01T10:00:00+01:00"}""",
            List.of("callBackAt")),
        Arguments.of("call-me time more than 30 days ahead", """
            {"channel": "WEB_FORM", "customer": {"phone": "+48600100200"}, "callBackAt": "%s"}"""
            .formatted(java.time.OffsetDateTime.now().plusDays(31)), List.of("callBackAt")),
        Arguments.of("malformed call-me time", """
            {"channel": "WEB_FORM", "customer": {"phone": "+48600100200"}, "callBackAt": "tomorrow at ten"}""",
            List.of("callBackAt")),
        Arguments.of("call-me time on a channel that is not a web form", """
            {"channel": "EMAIL", "customer": {"email": "a@example.com"}, "callBackAt": "%s"}"""
            .formatted(java.time.OffsetDateTime.now().plusDays(1)), List.of("callBackAt")),
        Arguments.of("call-me request without a phone number", """
            {"channel": "WEB_FORM", "customer": {"email": "a@example.com"}, "callBackAt": "%s"}"""
            .formatted(java.time.OffsetDateTime.now().plusDays(1)), List.of("customer.phone")),
        Arguments.of("no customer, no channel", """
            {"body": "hello"}""", List.of("channel", "customer")),
        Arguments.of("malformed e-mail", """
            {"channel": "EMAIL", "customer": {"email": "jan(at)example"}}""", List.of("customer.email")),
        Arguments.of("malformed phone", """
            {"channel": "PHONE", "customer": {"phone": "12-34"}}""", List.of("customer.phone")),
        Arguments.of("e-mail contact without e-mail", """
            {"channel": "EMAIL", "customer": {"phone": "+48600100200"}}""", List.of("customer.email")),
        Arguments.of("subject too long", """
            {"channel": "EMAIL", "customer": {"email": "a@example.com"}, "subject": "%s"}"""
            .formatted("s".repeat(501)), List.of("subject")),
        Arguments.of("body too long", """
            {"channel": "EMAIL", "customer": {"email": "a@example.com"}, "body": "%s"}""".formatted(longText),
            List.of("body")),
        Arguments.of("unknown topic", """
            {"channel": "EMAIL", "customer": {"email": "a@example.com"}, "topic": "WEATHER"}""", List.of("topic")),
        Arguments.of("malformed instant", """
            {"channel": "EMAIL", "customer": {"email": "a@example.com"}, "receivedAt": "yesterday"}""",
            List.of("receivedAt")),
        Arguments.of("instant in the future", """
            {"channel": "EMAIL", "customer": {"email": "a@example.com"}, "receivedAt": "2099-01-01T00:00:00Z"}""",
            List.of("receivedAt")),
        Arguments.of("several bad fields at once", """
            {"channel": "FAX", "customer": {"email": "bad", "phone": "1", "language": "polish"}, "topic": "X"}""",
            List.of("channel", "customer.email", "customer.language", "customer.phone", "topic")),
        Arguments.of("malformed JSON", "{\"channel\": ", List.of("body")),
        Arguments.of("not an object", "[1, 2]", List.of("body")),
        Arguments.of("empty body", "", List.of("body")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badContacts")
  void shouldRefuseBadInputAndStoreNothing(String what, String json, List<String> badFields) {
    Snapshot before = snapshot();

    Http.Response response = http.postJson("intake", "/api/contacts", json);

    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode errors = response.json().get("errors");
    assertThat(StreamSupport.stream(errors.spliterator(), false).map(e -> e.get("field").asText()).distinct())
        .as(response.body()).containsExactlyInAnyOrderElementsOf(badFields);
    assertThat(errors.get(0).get("message").asText()).isNotBlank();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void shouldRefuseABodyOverTheLimit() {
    Snapshot before = snapshot();
    String json = """
        {"channel": "EMAIL", "customer": {"email": "a@example.com"}, "body": "%s"}""".formatted("x".repeat(270_000));

    Http.Response response = http.postJson("intake", "/api/contacts", json);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void shouldRefuseANonJsonBody() {
    long contacts = count("contact");
    Http.Response response = http.post("intake", "/api/contacts", "text/plain", "channel=EMAIL");
    assertThat(response.status()).isEqualTo(415);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(count("contact")).isEqualTo(contacts);
  }

  @Test
  void shouldRefuseABadMissedCall() {
    long contacts = count("contact");
    Http.Response response = http.postJson("intake", "/api/calls/missed", """
        {"callId": " ", "phone": "call me", "at": "noon"}""");
    assertThat(response.status()).isEqualTo(400);
    assertThat(StreamSupport.stream(response.json().get("errors").spliterator(), false)
        .map(e -> e.get("field").asText())).containsExactlyInAnyOrder("callId", "phone", "at");
    assertThat(count("contact")).isEqualTo(contacts);
  }

  @Test
  void shouldRegisterAMissedCallOnce() {
    String json = """
        {"callId": "call-%s", "phone": "+48 600 300 400", "at": "2026-11-20T10:15:00+01:00"}"""
        .formatted(UUID.randomUUID());
    Http.Response first = http.postJson("intake", "/api/calls/missed", json);
    Http.Response again = http.postJson("intake", "/api/calls/missed", json);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("channel").asText()).isEqualTo("MISSED_CALL");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
  }

  @Test
  void shouldRequireCredentials() {
    long contacts = count("contact");
    Http.Response response = http.postJson(null, "/api/contacts", """
        {"channel": "EMAIL", "customer": {"email": "a@example.com"}}""");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(http.get(null, "/api/contacts/any").status()).isEqualTo(401);
    assertThat(http.postJson(null, "/api/calls/missed", "{}").status()).isEqualTo(401);
    assertThat(count("contact")).isEqualTo(contacts);
  }

  @Test
  void shouldRefuseUsersWhoseGroupsDoNotAllowIt() {
    long contacts = count("contact");
    String json = """
        {"channel": "EMAIL", "customer": {"email": "a@example.com"}}""";
    assertThat(http.postJson("maria", "/api/contacts", json).status()).isEqualTo(403);
    assertThat(http.postJson("anna", "/api/calls/missed", "{\"callId\": \"1\", \"phone\": \"+48600100200\"}")
        .status()).isEqualTo(403);
    Http.Response forbidden = http.get("intake", "/api/contacts/any/timeline");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
    assertThat(count("contact")).isEqualTo(contacts);
  }

  @Test
  void shouldAnswerAnUnknownContactWith404() {
    Http.Response response = http.get("maria", "/api/contacts/" + UUID.randomUUID());
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void shouldLeaveNeitherContactNorCustomerWhenTheProcessCannotStart() {
    Snapshot before = snapshot();
    var repository = processEngine.getRepositoryService();
    repository.suspendProcessDefinitionByKey(ContactProcess.KEY);
    try {
      Http.Response response = http.postJson("intake", "/api/contacts", """
          {"channel": "EMAIL", "customer": {"email": "%s"}, "body": "b"}""".formatted(uniqueEmail("fail")));
      assertThat(response.status()).isEqualTo(500);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    } finally {
      repository.activateProcessDefinitionByKey(ContactProcess.KEY);
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  /** Everything a contact leaves behind: rows of careflow's tables and running processes. */
  record Snapshot(long contacts, long customers, long identities, long events, long messages, long processes) {}

  private Snapshot snapshot() {
    return new Snapshot(count("contact"), count("customer"), count("customer_identity"), count("contact_event"),
        count("message"), runningProcesses());
  }
}
