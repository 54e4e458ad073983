package io.careflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.communication.ReplyStep;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.support.CareflowIntegrationTest;
import io.careflow.support.FormSubmission;
import io.careflow.support.Http;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Offers made in a task are known to everyone (SPEC R1): a reply form records an offer (text,
 * valid until), stored on the customer record and shown in every later task; a day already past
 * is refused naming the field.
 */
class TaskFormOfferTest extends CareflowIntegrationTest {

  static final ZoneId SHOP = ZoneId.of("Europe/Warsaw");

  Http http;

  @BeforeEach
  void http() {
    http = new Http(baseUrl());
  }

  @Test
  void shouldRecordAnOfferMadeInAReplyAndShowItInEveryLaterTask() {
    String email = uniqueEmail("offer");
    Contact first = intake.receive(emailContact(email, "INQUIRY", "Kettle", "Is the kettle in stock?"), "intake")
        .contact();
    String until = LocalDate.now(SHOP).plusDays(30).toString();

    Http.Response completed = submit(task(first), Map.of(CaseVariables.FORM_OFFER_TEXT, "  10% off the next kettle, code KET10 ",
        CaseVariables.FORM_OFFER_VALID_UNTIL, until));

    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    assertThat(jdbc.sql("select text, offered_by, contact_id, channel from offer where customer_id = ?")
        .param(first.customerId()).query().listOfRows()).singleElement().satisfies(row -> {
          assertThat(row.get("text")).isEqualTo("10% off the next kettle, code KET10");
          assertThat(row.get("offered_by")).isEqualTo("boris");
          assertThat(row.get("contact_id")).isEqualTo(first.id());
          assertThat(row.get("channel")).isEqualTo("EMAIL");
        });
    assertThat(jdbc.sql("select detail from contact_event where contact_id = ? and type = ?")
        .params(first.id(), ContactEvents.OFFER_MADE).query(String.class).list())
        .containsExactly("10% off the next kettle, code KET10 (valid until " + until + " 23:59)");
    // the customer record, and the next task of any case of this customer
    assertThat(http.get("anna", "/api/customers/" + first.customerId()).body())
        .contains("10% off the next kettle, code KET10");
    Contact next = intake.receive(emailContact(email, "INQUIRY", "Again", "And the lid?"), "intake").contact();
    assertThat(summary(task(next))).contains("10% off the next kettle, code KET10 · valid until " + until);
    // the values live in the offer table, not in the process
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(first.processInstanceId()).variableName(CaseVariables.FORM_OFFER_TEXT).list())
        .allSatisfy(v -> assertThat(v.getState()).isEqualTo("DELETED"));
  }

  @Test
  void shouldRefuseAnOfferValidUntilADayPastAndKeepTheTaskOpen() {
    Contact contact = intake.receive(emailContact(uniqueEmail("past"), "INQUIRY", "s", "b"), "intake").contact();
    Task task = task(contact);

    Http.Response refused = submit(task, Map.of(CaseVariables.FORM_OFFER_TEXT, "Free delivery",
        CaseVariables.FORM_OFFER_VALID_UNTIL, LocalDate.now(SHOP).minusDays(1).toString()));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("The offer holds until (the end of that day): must not be in the past");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(offers(contact)).isZero();
  }

  @Test
  void shouldRefuseAnOfferWithoutItsDayAndADayWithoutItsOffer() {
    Contact contact = intake.receive(emailContact(uniqueEmail("half"), "INQUIRY", "s", "b"), "intake").contact();
    Task task = task(contact);

    Http.Response noDay = submit(task, Map.of(CaseVariables.FORM_OFFER_TEXT, "Free delivery"));
    Http.Response noOffer = submit(task,
        Map.of(CaseVariables.FORM_OFFER_VALID_UNTIL, LocalDate.now(SHOP).plusDays(3).toString()));
    Http.Response notADay = submit(task, Map.of(CaseVariables.FORM_OFFER_TEXT, "Free delivery",
        CaseVariables.FORM_OFFER_VALID_UNTIL, "next week"));

    assertThat(noDay.status()).isEqualTo(400);
    assertThat(noDay.body()).contains("The offer holds until (the end of that day): ");
    assertThat(noOffer.status()).isEqualTo(400);
    assertThat(noOffer.body()).contains("An offer to the customer (optional): is required with a valid-until date");
    assertThat(notADay.status()).isEqualTo(400);
    assertThat(notADay.body()).contains("The offer holds until (the end of that day): ");
    assertThat(offers(contact)).isZero();
    // today still holds: the offer is valid to the end of the day
    assertThat(submit(task, Map.of(CaseVariables.FORM_OFFER_TEXT, "Free delivery",
        CaseVariables.FORM_OFFER_VALID_UNTIL, LocalDate.now(SHOP).toString())).status()).isEqualTo(204);
    assertThat(offers(contact)).isEqualTo(1);
  }

  /** Completes the inquiry's answer as boris through the REST API, as Tasklist submits it, with those values too. */
  private Http.Response submit(Task task, Map<String, String> offerValues) {
    var values = new LinkedHashMap<String, Object>(Map.of(ReplyStep.REPLY_TEXT, "Here you are",
        ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE"));
    values.putAll(offerValues);
    return http.postJson("boris", "/engine-rest/task/" + task.getId() + "/complete", FormSubmission.of(values));
  }

  private Task task(Contact contact) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(contact.id()).singleResult();
  }

  private String summary(Task task) {
    return (String) processEngine.getTaskService().getVariableLocal(task.getId(), CaseVariables.FORM_CUSTOMER_SUMMARY);
  }

  private long offers(Contact contact) {
    return jdbc.sql("select count(*) from offer where contact_id = ?").param(contact.id()).query(Long.class).single();
  }
}
