package io.careflow.communication;

import static org.assertj.core.api.Assertions.assertThat;

import io.careflow.casefile.Contact;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.defect.DefectReplacementProcess;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import io.careflow.support.ProtocolTestSupport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Automatic notices are personal and say when: signed by the case's agent when the case has one
 * (else the shop), and the acknowledgements name the time by which the customer will have the
 * answer — the deadline's due time in the customer's time zone and words, never "soon".
 */
class NoticeSignatureTest extends ProtocolTestSupport {

  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  /** Monday 7 December 2026, 13:00 in Warsaw: six working hours after Friday 15:00. */
  private static final Instant MONDAY_13 = OffsetDateTime.parse("2026-12-07T13:00+01:00").toInstant();

  @Autowired
  MessageTemplates templates;

  @Autowired
  io.careflow.system.UserDirectory users;

  @Value("${careflow.mail.shop-name}")
  String shopName;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "en | You will have our answer by Monday, 7 December, 13:00. | soon",
      "pl | Odpowiedź otrzyma Pan/Pani najpóźniej w terminie: poniedziałek, 7 grudnia, 13:00. | Wkrótce",
      "ru | Вы получите ответ не позднее срока: понедельник, 7 декабря, 13:00. | скоро"})
  void shouldNameTheDueTimeInTheCustomersWordsInTheComplaintAcknowledgement(String language, String sentence,
      String never) {
    Map<String, Object> model = model(language);
    model.put(NoticeSignature.ANSWER_BY, NoticeSignature.when(MONDAY_13, WARSAW, language));

    MessageTemplates.Rendered rendered = templates.render("complaint-acknowledgement", language, model);

    assertThat(rendered.language()).isEqualTo(language);
    assertThat(rendered.text()).contains(sentence).doesNotContainIgnoringCase(never).contains("Anna Nowak");
    assertThat(rendered.html()).contains(sentence).doesNotContainIgnoringCase(never).contains("Anna Nowak<br>");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "en | within 2 working days — by Wednesday, 9 December, 13:00 — and lets you know",
      "pl | w ciągu 2 dni roboczych (termin: środa, 9 grudnia, 13:00) i da znać",
      "ru | в течение 2 рабочих дней (срок: среда, 9 декабря, 13:00) и сообщит вам"})
  void shouldNameTheReviewDueTimeInTheReplacementConfirmation(String language, String sentence) {
    Map<String, Object> model = model(language);
    model.put(NoticeSignature.DUE, Map.of(DefectReplacementProcess.REVIEW_STEP,
        NoticeSignature.when(MONDAY_13.plus(java.time.Duration.ofDays(2)), WARSAW, language)));

    MessageTemplates.Rendered rendered = templates.render("replacement-request-received", language, model);

    assertThat(rendered.text()).contains(sentence);
    assertThat(rendered.html()).contains(sentence);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "en | Shop & Co customer service",
      "pl | Obsługa klienta Shop & Co",
      "ru | Служба поддержки Shop & Co"})
  void shouldBeSignedByTheShopWhenTheCaseHasNoAgent(String language, String signOff) {
    Map<String, Object> model = model(language);
    model.remove(NoticeSignature.AGENT_NAME);

    MessageTemplates.Rendered rendered = templates.render("complaint-acknowledgement", language, model);

    assertThat(rendered.text()).contains(signOff).doesNotContain("Anna");
    // no reply clock running: no date, and still no "soon"
    assertThat(rendered.text()).doesNotContainIgnoringCase("soon").doesNotContain("Wkrótce").doesNotContain("скоро");
  }

  @Test
  void shouldWriteTheTimeInTheCustomersTimeZone() {
    assertThat(NoticeSignature.when(MONDAY_13, ZoneId.of("Europe/Moscow"), "ru"))
        .isEqualTo("понедельник, 7 декабря, 15:00");
    assertThat(NoticeSignature.when(MONDAY_13, ZoneId.of("Europe/London"), "en"))
        .isEqualTo("Monday, 7 December, 12:00");
    assertThat(NoticeSignature.when(MONDAY_13, WARSAW, "pl")).isEqualTo("poniedziałek, 7 grudnia, 13:00");
  }

  @Test
  void shouldAcknowledgeAComplaintWithTheReplyDeadlineSignedByTheAgentRoutingChose() {
    clock(OffsetDateTime.parse("2026-12-04T15:00+01:00").toInstant());
    Contact contact = intake.receive(emailContact(uniqueEmail("ack"), "COMPLAINT", "Broken parcel",
        "The parcel came crushed."), "intake").contact();
    ProcessInstance complaint = protocol(contact, ComplaintProcess.KEY);
    Deadline reply = deadline(contact.id(), DeadlineService.REPLY);

    // the answer task, created alongside the acknowledgement, went to an agent: the case's agent
    String assignee = task(complaint).getAssignee();
    String signer = assignee == null ? shopName : users.displayName(assignee);

    run(complaint, ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);

    assertThat(notices(contact)).singleElement().satisfies(notice -> {
      assertThat(notice.body()).contains("You will have our answer by "
          + NoticeSignature.when(reply.dueAt(), WARSAW, "en") + ".").doesNotContainIgnoringCase("soon")
          .contains("Kind regards,\n" + (assignee == null ? "" : signer + "\n"));
      assertThat(notice.authorName()).isEqualTo(signer);
      assertThat(notice.author()).isEqualTo("system");
    });
    // Friday 15:00 + 6 working hours, as the example
    if (reply.target().toString().equals("PT6H")) {
      assertThat(reply.dueAt()).isEqualTo(MONDAY_13);
      assertThat(notices(contact).get(0).body()).contains("by Monday, 7 December, 13:00");
    }
  }

  @Test
  void shouldSignANoticeWithTheCasesAgentAndNameTheReviewDueTime() {
    Contact contact = intake.receive(emailContact(uniqueEmail("signed"), "DEFECT", "Broken kettle",
        "It stopped working after a week."), "intake").contact();
    ProcessInstance pi = protocol(contact, DefectReplacementProcess.KEY);
    Map<String, Object> talk = new HashMap<>();
    DefectReplacementProcess.DIALOGUE_STEPS.forEach(step -> talk.put(step, "DONE"));
    talk.put(ReplyStep.REPLY_TEXT, "We will replace the kettle.");
    talk.put(DefectReplacementProcess.REGISTERED_BY, "AGENT");
    talk.put(DefectReplacementProcess.PRODUCT_SKU, "KET-200");
    talk.put(DefectReplacementProcess.FAULT, "Heating element dead");
    complete(pi, "boris", List.of("agents", "team-replacements"), talk);
    run(pi, DefectReplacementProcess.Elements.SERVICE_SEND_REPLY);
    Deadline review = deadline(contact.id(), DefectReplacementProcess.REVIEW_STEP);

    run(pi, DefectReplacementProcess.Elements.SERVICE_CONFIRM_REQUEST_RECEIVED);

    assertThat(notices(contact)).singleElement().satisfies(notice -> {
      assertThat(notice.authorName()).isEqualTo("Boris Ivanov");
      assertThat(notice.author()).isEqualTo("system");
      assertThat(notice.body()).contains("Kind regards,\nBoris Ivanov\n")
          .contains("within 2 working days — by " + NoticeSignature.when(review.dueAt(), WARSAW, "en") + " —");
    });
  }

  private static Map<String, Object> model(String language) {
    Map<String, Object> model = new HashMap<>();
    model.put("customerName", language.equals("ru") ? "Ола" : "Ola");
    model.put("shopName", "Shop & Co");
    model.put("subject", "Broken parcel");
    model.put(NoticeSignature.AGENT_NAME, "Anna Nowak");
    return model;
  }
}
