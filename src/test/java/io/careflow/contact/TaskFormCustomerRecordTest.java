package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.support.Refusal;
import io.careflow.communication.ReplyStep;
import io.careflow.customer.Note;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.FormSubmission;
import io.careflow.support.Http;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer record in the task forms (SPEC R1): the summary every task shows comes
 * from the record, and a note typed into any task form is stored on the customer.
 */
class TaskFormCustomerRecordTest extends CareflowIntegrationTest {

  Http http;

  @BeforeEach
  void http() {
    http = new Http(baseUrl());
  }

  @Test
  void shouldShowANoteWrittenInAnEarlierContactInTheNextTask() {
    String email = uniqueEmail("summary");
    Contact first = intake.receive(emailContact(email, "INQUIRY", "Warranty", "How long?"), "intake").contact();
    complete("boris", task(first), Map.of(ReplyStep.REPLY_TEXT, "Two years.",
        CaseVariables.FORM_NEW_NOTE, "Has two children; on holiday in August"));

    Contact second = intake.receive(emailContact(email, "INQUIRY", "Damaged", "Torn box"), "intake").contact();
    String summary = summary(task(second));

    assertThat(summary)
        .contains("Customer type: NEW")
        .contains("language: en")
        .contains("preferred agent: Boris Ivanov (1 reply)")
        .contains("EMAIL · INQUIRY · OPEN, answered · Warranty")
        .contains("Boris Ivanov: Has two children; on holiday in August")
        .contains("Open offers: none")
        // the contact of the task itself is shown beside the summary, not in it
        .doesNotContain("Damaged");
  }

  @Test
  void shouldStoreANoteTypedIntoTheTaskFormSignedByTheAgent() {
    Contact contact = intake.receive(emailContact(uniqueEmail("typed"), "INQUIRY", "s", "b"), "intake").contact();
    Task task = task(contact);
    http.postJson("boris", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"boris\"}");

    Http.Response completed = http.postJson("boris", "/engine-rest/task/" + task.getId() + "/complete", FormSubmission.of(
        ReplyStep.REPLY_TEXT, "Here you are", ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE",
        CaseVariables.FORM_NEW_NOTE, "  Prefers to be called after 18:00  "));

    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    assertThat(jdbc.sql("select text, author, contact_id from note where customer_id = ?")
        .param(contact.customerId()).query().listOfRows())
        .singleElement().satisfies(row -> {
          assertThat(row.get("text")).isEqualTo("Prefers to be called after 18:00");
          assertThat(row.get("author")).isEqualTo("boris");
          assertThat(row.get("contact_id")).isEqualTo(contact.id());
        });
    assertThat(jdbc.sql("select count(*) from contact_event where contact_id = ? and type = ?")
        .params(contact.id(), ContactEvents.NOTE_ADDED).query(Long.class).single()).isEqualTo(1);
    // the text lives in the note table, not in the process
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(contact.processInstanceId()).variableName(CaseVariables.FORM_NEW_NOTE).list())
        .allSatisfy(v -> assertThat(v.getState()).isEqualTo("DELETED"));
  }

  @Test
  void shouldStoreANoteFromTheTriageFormToo() {
    Contact contact = intake.receive(emailContact(uniqueEmail("triage"), null, "?", "?"), "intake").contact();
    complete("anna", task(contact), Map.of(CaseVariables.TOPIC_HINT, "RETURN",
        CaseVariables.FORM_NEW_NOTE, "Moving to Kraków next month"));

    assertThat(notesOf(contact.customerId())).containsExactly("Moving to Kraków next month");
  }

  @Test
  void shouldRefuseAnOverlongNoteAndKeepTheTaskOpen() {
    Contact contact = intake.receive(emailContact(uniqueEmail("long"), "INQUIRY", "s", "b"), "intake").contact();
    Task task = task(contact);

    Http.Response refused = http.postJson("boris", "/engine-rest/task/" + task.getId() + "/complete", FormSubmission.of(
        ReplyStep.REPLY_TEXT, "Here you are", ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE",
        CaseVariables.FORM_NEW_NOTE, "n".repeat(Note.MAX_TEXT + 1)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Note about the customer (optional): must be at most");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(notesOf(contact.customerId())).isEmpty();
    assertThat(count("message", contact.id())).isZero();
    assertThatThrownBy(() -> complete("boris", task, Map.of(ReplyStep.REPLY_TEXT, "x",
        CaseVariables.FORM_NEW_NOTE, "n".repeat(Note.MAX_TEXT + 1))))
        .isInstanceOf(ProcessEngineException.class).satisfies(Refusal.naming(CaseVariables.FORM_NEW_NOTE));
  }

  @Test
  void shouldStoreNoNoteWhenTheReplyIsRefused() {
    Contact contact = intake.receive(emailContact(uniqueEmail("refused"), "INQUIRY", "s", "b"), "intake").contact();
    assertThatThrownBy(() -> complete("boris", task(contact), Map.of(ReplyStep.REPLY_TEXT, " ",
        CaseVariables.FORM_NEW_NOTE, "Likes green kettles")))
        .satisfies(Refusal.naming(ReplyStep.REPLY_TEXT));
    assertThat(notesOf(contact.customerId())).isEmpty();
  }

  @Test
  void shouldIgnoreAnEmptyNoteField() {
    Contact contact = intake.receive(emailContact(uniqueEmail("blank"), "INQUIRY", "s", "b"), "intake").contact();
    complete("boris", task(contact), Map.of(ReplyStep.REPLY_TEXT, "Done", CaseVariables.FORM_NEW_NOTE, "  \n "));
    assertThat(notesOf(contact.customerId())).isEmpty();
  }

  @Test
  void shouldShowTheTypeAndOnlyOffersStillOpen() {
    String email = uniqueEmail("offers");
    Contact first = intake.receive(emailContact(email, "INQUIRY", "s", "b"), "intake").contact();
    String customer = "/api/customers/" + first.customerId();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    http.postJson("boris", customer + "/offers", Map.of("text", "Free delivery this week",
        "validUntil", now.plusDays(1).toString()));
    http.postJson("boris", customer + "/offers", Map.of("text", "10% off KET-200, code KET10",
        "validUntil", now.plusDays(30).toString()));
    http.putJson("maria", customer + "/vip", "{\"vip\": true}");
    ClockUtil.offset(2 * 24 * 3600 * 1000L);

    String summary = summary(task(intake.receive(emailContact(email, "INQUIRY", "again", "b"), "intake").contact()));

    assertThat(summary).contains("Customer type: VIP")
        .contains("10% off KET-200, code KET10 · valid until")
        .contains("by Boris Ivanov")
        .doesNotContain("Free delivery this week")
        .contains("preferred agent: none yet");
  }

  // --- helpers

  private Task task(Contact contact) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id()).singleResult();
  }

  private String summary(Task task) {
    return (String) processEngine.getTaskService().getVariableLocal(task.getId(),
        CaseVariables.FORM_CUSTOMER_SUMMARY);
  }

  private void complete(String agent, Task task, Map<String, Object> variables) {
    var identity = processEngine.getIdentityService();
    identity.setAuthentication(agent, List.of("agents", "team-inquiries"));
    try {
      var submitted = new HashMap<>(variables);
      if (submitted.containsKey(ReplyStep.REPLY_TEXT)) {
        // what the form preselects, as Tasklist submits it
        submitted.putIfAbsent(ReplyStep.REPLY_KIND, "ANSWER");
        submitted.putIfAbsent(PlanFollowUpListener.TYPE, "NONE");
      }
      processEngine.getTaskService().complete(task.getId(), submitted);
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<String> notesOf(String customerId) {
    return jdbc.sql("select text from note where customer_id = ?").param(customerId).query(String.class).list();
  }

  private long count(String table, String contactId) {
    return jdbc.sql("select count(*) from " + table + " where contact_id = ?").param(contactId)
        .query(Long.class).single();
  }
}
