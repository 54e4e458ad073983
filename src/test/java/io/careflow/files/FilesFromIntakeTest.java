package io.careflow.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careflow.communication.Message;
import io.careflow.communication.MessageStatus;
import io.careflow.casefile.Contact;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.TestWebhook;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer's files pushed with a contact ({@code POST /api/contacts}, {@code attachments}): a
 * malformed one refuses the request naming its field, and nothing is stored; a file careflow does
 * not take is kept out with why, and the customer is told through the engine step of
 * {@code customer-notice.bpmn} — a channel that is down is retried, then shows an incident, and
 * the same message leaves once the channel is back.
 */
class FilesFromIntakeTest extends ProtocolTestSupport {

  @Autowired
  CustomerFiles files;

  @Test
  void shouldRefuseMalformedFilesNamingEachFieldAndStoreNothing() {
    String externalId = "chat-" + UUID.randomUUID();
    var response = http.postJson("intake", "/api/contacts", Map.of(
        "channel", "EMAIL", "externalId", externalId,
        "customer", Map.of("email", uniqueEmail("bad-files"), "language", "pl"),
        "subject", "Zepsuty czajnik", "body", "Zdjęcie w załączniku",
        "attachments", List.of(
            Map.of("name", "czajnik.png", "contentType", "image/png", "contentBase64", base64(new byte[] {1, 2, 3})),
            Map.of("name", "faktura.pdf", "contentType", "pdf", "contentBase64", "%%% not base64 %%%"),
            Map.of("name", "../../etc/passwd", "contentType", "text/plain", "contentBase64", "aGVq"),
            Map.of("contentType", "image/png", "contentBase64", "aGVq"))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    List<String> fields = response.json().get("errors").findValuesAsText("field");
    assertThat(fields).containsExactlyInAnyOrder("attachments[1].contentType", "attachments[1].contentBase64",
        "attachments[2].name", "attachments[3].name");
    assertThat(jdbc.sql("select count(*) from contact where external_id = ?").param(externalId).query(Long.class)
        .single()).isZero();
  }

  @Test
  void shouldKeepThePhotoKeepTheVideoOutAndTellTheCustomerThroughAStepThatRetriesThenShowsAnIncident()
      throws Exception {
    TestWebhook.answer(503);
    byte[] photo = CustomerPhotoBrowserTest.photo();
    var response = http.postJson("intake", "/api/contacts", Map.of(
        "channel", "CHAT", "externalId", "chat-" + UUID.randomUUID(),
        "customer", Map.of("name", "Ola", "language", "pl", "handle", "chat:ola-" + UUID.randomUUID()),
        "subject", "Zepsuty czajnik", "body", "Czajnik nie grzeje, zdjęcie i film w załączniku.",
        "attachments", List.of(
            Map.of("name", "czajnik.png", "contentType", "image/png", "contentBase64", base64(photo)),
            Map.of("name", "film.mp4", "contentType", "video/mp4", "contentBase64", base64(new byte[100 * 1024])))));
    assertThat(response.status()).isEqualTo(201);
    Contact contact = contacts.find(response.json().get("id").asText()).orElseThrow();

    List<CustomerFiles.StoredFile> stored = files.ofContact(contact.id());
    assertThat(stored).extracting(CustomerFiles.StoredFile::fileName, CustomerFiles.StoredFile::accepted)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("czajnik.png", true),
            org.assertj.core.groups.Tuple.tuple("film.mp4", false));
    assertThat(files.content(contact.id(), stored.stream().filter(CustomerFiles.StoredFile::accepted).findFirst()
        .orElseThrow().id())).get().extracting(CustomerFiles.Content::bytes).isEqualTo(photo);

    // the notice is a step of its own, started with the files: the chat channel is down
    ProcessInstance notice = processInstanceOf(contact);
    assertThat(notice).isWaitingAt(FilesRefusedProcess.Elements.SERVICE_TELL_FILES_REFUSED);
    var management = processEngine.getManagementService();
    for (int attempt = 1; attempt <= 5; attempt++) {
      Job job = management.createJobQuery().processInstanceId(notice.getId()).singleResult();
      assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
    }
    assertThat(processEngine.getRuntimeService().createIncidentQuery().processInstanceId(notice.getId()).list())
        .singleElement().satisfies(incident -> assertThat(incident.getActivityId())
            .isEqualTo(FilesRefusedProcess.Elements.SERVICE_TELL_FILES_REFUSED));
    assertThat(TestWebhook.received()).hasSize(5).allSatisfy(r -> assertThat(r.accepted()).isFalse());
    List<Message> told = notices(contact);
    assertThat(told).singleElement().satisfies(m -> {
      assertThat(m.status()).isNotEqualTo(MessageStatus.SENT);
      assertThat(m.body()).contains("film.mp4").doesNotContain("czajnik.png");
    });

    // the channel is back and an operator retries: the same message leaves, once
    TestWebhook.answer(200);
    Job last = management.createJobQuery().processInstanceId(notice.getId()).singleResult();
    management.setJobRetries(last.getId(), 1);
    management.executeJob(last.getId());
    assertThat(notice).isEnded();
    assertThat(notices(contact)).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo(told.get(0).id());
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
    });
    JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        TestWebhook.received().get(TestWebhook.received().size() - 1).text());
    assertThat(sent.toString()).contains("film.mp4");
  }

  private ProcessInstance processInstanceOf(Contact contact) {
    return processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(FilesRefusedProcess.KEY).processInstanceBusinessKey(contact.id()).singleResult();
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
