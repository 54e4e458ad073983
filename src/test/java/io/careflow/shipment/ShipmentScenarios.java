package io.careflow.shipment;

import static io.careflow.support.DemoPeople.BORIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.communication.Message;
import io.careflow.communication.MessageKind;
import io.careflow.communication.MessageStatus;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactEvents.ContactEvent;
import io.careflow.casefile.ContactStatus;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.shipment.ShipmentProcess.Elements;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineService;
import io.careflow.support.Http;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main path of SPEC R5's shipment news, on H2 ({@link ShipmentProcessTest}) and on
 * PostgreSQL ({@link ShipmentPostgresTest}): an e-mail customer is told once, however often
 * and however concurrently the carrier repeats itself; a delay is apologised for and checked
 * by an agent under its own deadline, which resolves the proactive contact.
 */
abstract class ShipmentScenarios extends ShipmentTestSupport {

  @Autowired
  io.careflow.calendar.WorkingTimeCalendar calendar;


  @Autowired
  DeadlineService deadlines;

  @Autowired
  ContactEvents contactEvents;

  @Test
  void shouldTellTheCustomerOnceWhenTheCarrierRepeatsItselfConcurrently() throws Exception {
    String email = uniqueEmail("parcel");
    String order = newOrder();
    Contact asked = emailContactNaming(order, email, "en");
    Map<String, Object> shipped = event(newTracking(), order, "SHIPPED", SEEN, "2026-12-02T12:00:00+01:00");

    List<Http.Response> answers = concurrently(6, () -> http.postJson("intake", PATH, shipped));

    assertThat(answers).extracting(Http.Response::status).containsOnly(202);
    assertThat(answers).extracting(r -> r.json().get("eventId").asText()).containsOnly(
        answers.get(0).json().get("eventId").asText());
    assertThat(answers).filteredOn(r -> !r.json().get("duplicate").asBoolean()).hasSize(1);
    String eventId = answers.get(0).json().get("eventId").asText();
    assertThat(eventsOfOrder(order)).isEqualTo(1);
    assertThat(shipmentProcesses(eventId)).isEqualTo(1);

    ProcessInstance pi = shipment(eventId);
    assertThat(pi).isWaitingAt(Elements.SERVICE_SEND_SHIPMENT_MESSAGE);
    run(pi, Elements.SERVICE_SEND_SHIPMENT_MESSAGE);
    assertThat(pi).hasPassed(Elements.END_CUSTOMER_TOLD).isEnded();
    // the same event once more, after it was told: still nothing new
    assertThat(http.postJson("intake", PATH, shipped).json().get("duplicate").asBoolean()).isTrue();

    List<MimeMessage> mails = mailsTo(email);
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).isEqualTo("Your order " + order + " has been shipped");
    assertThat(messagesOf(asked.customerId())).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MessageKind.NOTICE);
      assertThat(m.status()).isEqualTo(MessageStatus.SENT);
      assertThat(m.channel()).isEqualTo(Channel.EMAIL);
      assertThat(m.contactId()).isNull();
      assertThat(m.body()).contains("Dear Jan Kowalski").contains(order).contains(shipped.get("trackingId").toString())
          .contains("Wednesday, December 2, 2026");
      assertThat(m.bodyHtml()).contains(order);
    });
  }

  @Test
  void shouldApologiseForADelayAndHaveAnAgentCheckItWithinItsOwnDeadline() throws Exception {
    String email = uniqueEmail("delayed");
    String order = newOrder();
    String tracking = newTracking();
    Contact asked = emailContactNaming(order, email, "pl");

    Http.Response accepted = http.postJson("intake", PATH,
        event(tracking, order, "DELAYED", SEEN, "2026-12-09T12:00:00+01:00"));
    assertThat(accepted.status()).isEqualTo(202);
    String eventId = accepted.json().get("eventId").asText();
    ProcessInstance pi = shipment(eventId);
    assertThat(pi).isWaitingAt(Elements.SERVICE_OPEN_DELAY_CONTACT);
    run(pi, Elements.SERVICE_OPEN_DELAY_CONTACT);

    // a proactive contact of the customer, with the event's id, guarded by 4 working hours from the event
    Contact delay = contacts.find(eventId).orElseThrow();
    assertThat(delay.customerId()).isEqualTo(asked.customerId());
    assertThat(delay.channel()).isEqualTo(Channel.EMAIL);
    assertThat(delay.orderId()).isEqualTo(order);
    assertThat(delay.protocol()).isEqualTo(ShipmentProcess.KEY);
    assertThat(delay.processInstanceId()).isEqualTo(pi.getId());
    assertThat(jdbc.sql("select proactive from contact where id = ?").param(eventId).query(Boolean.class).single())
        .isTrue();
    Deadline deadline = deadlines.first(eventId, ShipmentProcess.DELAY_STEP).orElseThrow();
    assertThat(deadline.policy()).startsWith("sla-policy rule_shipment_delay");
    assertThat(deadline.startedAt()).isEqualTo(MONDAY_10);
    assertThat(deadline.dueAt()).isEqualTo(calendar.after(MONDAY_10, deadline.target()));

    assertThat(pi).isWaitingAt(Elements.SERVICE_SEND_DELAY_APOLOGY);
    run(pi, Elements.SERVICE_SEND_DELAY_APOLOGY);
    assertThat(pi).isWaitingAt(Elements.USER_CHECK_DELAYED_SHIPMENT);
    Task task = task(pi);
    assertThat(task).hasCandidateGroupAssociated("team-inquiries");
    assertThat(task.getDueDate()).isEqualTo(Date.from(deadline.dueAt()));
    var form = processEngine.getTaskService().getVariables(task.getId());
    assertThat(form.get(ShipmentProcess.ORDER_ID)).isEqualTo(order);
    assertThat(form.get(ShipmentProcess.TRACKING_ID)).isEqualTo(tracking);
    assertThat((String) form.get(ShipmentProcess.FORM_EXPECTED_DELIVERY)).contains("2026-12-09 12:00")
        .contains("środa, 9 grudnia 2026");
    assertThat((String) form.get(ShipmentProcess.FORM_SENT_MESSAGE)).contains("EMAIL to " + email)
        .contains("SENT").contains("Przepraszamy").contains("9 grudnia 2026");
    assertThat((String) form.get(CaseVariables.FORM_CUSTOMER_MESSAGE)).contains("delayed").contains(order);

    List<MimeMessage> mails = mailsTo(email);
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).isEqualTo("Przepraszamy: dostawa zamówienia " + order + " się opóźnia");
    Message apology = messagesOf(asked.customerId()).get(0);
    assertThat(apology.body()).contains("Nowy przewidywany termin dostawy: środa, 9 grudnia 2026").contains(tracking);

    assertThat(http.get("maria", "/api/contacts/" + eventId).json().get("protocol").asText())
        .isEqualTo(ShipmentProcess.KEY);
    clock(deadline.warningAt());
    complete(pi, "boris", BORIS, Map.of(ShipmentProcess.FORM_CHECK_NOTE, "Carrier confirms Wednesday.",
        PlanFollowUpListener.TYPE, "NONE"));

    assertThat(pi).hasPassed(Elements.SERVICE_STOP_DELAY_CLOCK, Elements.SERVICE_RESOLVE_DELAY_CONTACT,
        Elements.END_DELAY_CHECKED).isEnded();
    assertThat(deadlines.first(eventId, ShipmentProcess.DELAY_STEP).orElseThrow().met()).isTrue();
    Contact resolved = contacts.find(eventId).orElseThrow();
    assertThat(resolved.status()).isEqualTo(ContactStatus.RESOLVED);
    assertThat(resolved.outcome()).isEqualTo(ShipmentProcess.OUTCOME_DELAY_CHECKED);
    assertThat(resolved.outcomeDetail()).isEqualTo("Carrier confirms Wednesday.");
    assertThat(contactEvents.of(eventId)).extracting(ContactEvent::type).containsSubsequence(
        OpenDelayContactDelegate.SHIPMENT_EVENT_RECEIVED, DeadlineService.STARTED, ContactEvents.MESSAGE_SENT,
        DeadlineService.MET, ContactEvents.RESOLVED);
    assertThat(contactEvents.of(eventId).get(0).actor()).isEqualTo("intake");
    assertThat(messagesOf(asked.customerId())).hasSize(1);
    // careflow opened this case itself: no satisfaction survey for it
    assertThat(jdbc.sql("select count(*) from follow_up where contact_id = ?").param(eventId).query(Long.class)
        .single()).isZero();
  }

  /** Runs {@code calls} copies of the request at the same moment. */
  static List<Http.Response> concurrently(int calls, java.util.concurrent.Callable<Http.Response> request)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Http.Response>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return request.call();
        }));
      }
      start.countDown();
      List<Http.Response> responses = new ArrayList<>();
      for (Future<Http.Response> future : futures) {
        responses.add(future.get(60, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }
}
