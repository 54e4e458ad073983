package io.careflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.careflow.communication.Message;
import io.careflow.communication.MessageStatus;
import io.careflow.communication.ReplyStep;
import io.careflow.communication.WebhookSender;
import io.careflow.followup.PlanFollowUpListener;
import io.careflow.protocol.complaint.ComplaintProcess;
import io.careflow.protocol.inquiry.InquiryProcess;
import io.careflow.sla.DeadlineAlertProcess;
import io.careflow.support.Conversation;
import io.careflow.support.DemoPeople;
import io.careflow.support.Http;
import io.careflow.support.PostgresCareflow;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.ReliabilityTest;
import io.careflow.support.TestMail;
import io.careflow.support.TestWebhook;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The mail server and the chat tool are down while 200 customer messages are being
 * sent by the job executor — 100 replies agents wrote and 100 acknowledgements careflow sends on
 * its own, half by e-mail, half through the chat webhook. The chat webhook answers 503 for two
 * attempts, then recovers and every chat message arrives on the third. The mail server stays down
 * through all five attempts of the e-mails ({@code R5/PT1M}): their retries run out, 100
 * incidents show, the operator retries them as Cockpit does ({@code PUT /engine-rest/job/{id}/retries},
 * i.e. {@code ManagementService.setJobRetries}) once the mail server is back, and each e-mail
 * leaves once. Meanwhile the 50 chat complaints pass their 60-second deadlines: the deadlines are
 * recorded on time and the staff told once the mail server is back.
 *
 * <p>careflow runs in this JVM with its job executor on (the test profile has it off) and the
 * engine clock standing at Monday 30 November 2026 10:00; the test moves it a minute at a time
 * (the retry interval) and lets the job executor work, instead of waiting real minutes.
 */
@ReliabilityTest
@PostgresCareflow
@TestPropertySource(properties = {
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.job-execution.wait-time-in-millis=200",
    "camunda.bpm.job-execution.max-wait=1000",
    // 1,000 expected failures: no stack trace for each
    "logging.level.org.camunda.bpm.engine.jobexecutor=OFF",
    "logging.level.org.camunda.bpm.engine.context=OFF",
    "logging.level.org.camunda.bpm.engine.cmd=OFF"})
class ChannelOutageTest extends ProtocolTestSupport {

  private static final int PER_KIND = 50;
  private static final int MESSAGES = 4 * PER_KIND;
  private static final Duration RETRY_INTERVAL = Duration.ofMinutes(1);
  private static final Set<String> SEND_STEPS = Set.of(InquiryProcess.Elements.SERVICE_SEND_REPLY,
      ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT);

  /**
   * The job executor stops before the class ends: its threads still ran retries while the
   * process-test-coverage listener wrote its report at the end of the class, and that report
   * failed on the events they were adding (a ConcurrentModificationException, once).
   */
  @org.junit.jupiter.api.AfterEach
  void stopTheJobExecutor() {
    ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getJobExecutor().shutdown();
  }

  @Test
  void shouldDeliverEveryMessageExactlyOnceAfterTheMailServerAndTheChatToolComeBack() throws Exception {
    ManagementService management = processEngine.getManagementService();
    Instant started = Instant.now();
    TestMail.SMTP.stop();
    TestWebhook.answer(503);

    // the load: 100 complaints (acknowledged automatically) and 100 inquiries an agent answers
    List<String> complaints = push("COMPLAINT");
    List<String> inquiries = push("INQUIRY");
    for (String contactId : inquiries) {
      ProcessInstance inquiry = await().atMost(Duration.ofSeconds(30))
          .until(() -> processInstanceQuery(InquiryProcess.KEY, contactId), pi -> pi != null && task(pi) != null);
      // half are chats: the conversation algorithm is ticked (hidden, so ignored, for an e-mail)
      complete(inquiry, "boris", DemoPeople.BORIS, Conversation.done(Map.of(ReplyStep.REPLY_TEXT, "Yes, it is in stock.",
          ReplyStep.REPLY_KIND, "ANSWER", PlanFollowUpListener.TYPE, "NONE")));
    }
    List<String> contacts = new ArrayList<>(complaints);
    contacts.addAll(inquiries);

    // attempts 1 and 2 fail for every message: nothing is lost, all 200 wait as PENDING
    settle();
    // an outage holds up the acknowledgements, never the agents: every complaint is waiting for one
    long complaintsAtAgents = complaints.stream().filter(id -> processEngine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(id).taskDefinitionKey(ComplaintProcess.Elements.USER_INVESTIGATE_COMPLAINT).count() == 1).count();
    assertThat(complaintsAtAgents).isEqualTo(2 * PER_KIND);
    assertThat(statuses(contacts)).isEqualTo(Map.of(MessageStatus.PENDING, (long) MESSAGES));
    // 10:00:50: the chats' warning points (45 s) pass, their deadlines (60 s) are still ahead
    advance(Duration.ofSeconds(49));
    advance(RETRY_INTERVAL);
    assertThat(statuses(contacts)).isEqualTo(Map.of(MessageStatus.PENDING, (long) MESSAGES));
    int webhookRefused = TestWebhook.received().size();

    // the chat tool is back: the chat messages go out on their third attempt
    TestWebhook.answer(200);
    advance(RETRY_INTERVAL);
    assertThat(outbound(contacts).stream().filter(m -> m.status() == MessageStatus.SENT)
        .collect(Collectors.groupingBy(m -> m.channel().name(), Collectors.counting())))
        .isEqualTo(Map.of("CHAT", 2L * PER_KIND));

    // the mail server stays down through attempts 4 and 5: the e-mails' retries run out
    advance(RETRY_INTERVAL);
    advance(RETRY_INTERVAL);
    // the incidents: one per failed send step (each also marks its case's contact process as the cause's parent)
    List<Incident> incidents = processEngine.getRuntimeService().createIncidentQuery().incidentType("failedJob")
        .list().stream().filter(i -> i.getId().equals(i.getCauseIncidentId())).toList();
    Map<String, Long> incidentsByStep = incidents.stream()
        .collect(Collectors.groupingBy(Incident::getActivityId, Collectors.counting()));
    // the warnings to anna raised at 10:00:50 ran out of retries too; the later alerts have one left
    assertThat(incidentsByStep).as("failed jobs by step").isEqualTo(Map.of(
        InquiryProcess.Elements.SERVICE_SEND_REPLY, (long) PER_KIND, ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT, (long) PER_KIND,
        DeadlineAlertProcess.Elements.SERVICE_SEND_DEADLINE_ALERT, (long) PER_KIND));
    // the e-mails whose steps gave up are undelivered (not answers), each told to the team lead
    Map<String, Long> undeliveredByChannel = outbound(contacts).stream()
        .filter(m -> m.status() == MessageStatus.UNDELIVERED)
        .collect(Collectors.groupingBy(m -> m.channel().name(), Collectors.counting()));
    assertThat(undeliveredByChannel).isEqualTo(Map.of("EMAIL", 2L * PER_KIND));
    // what Cockpit shows a manager: the incidents, through the REST API it calls
    Http cockpit = new Http(baseUrl());
    long shown = 0;
    for (var incident : cockpit.get("maria", "/engine-rest/incident?incidentType=failedJob").json()) {
      shown += incident.get("id").asText().equals(incident.get("causeIncidentId").asText()) ? 1 : 0;
    }
    assertThat(shown).isEqualTo(incidents.size());

    // the mail server is back; the operator retries every incident as Cockpit does
    TestMail.SMTP.start();
    for (Incident incident : incidents) {
      Http.Response retry = cockpit.putJson("demo", "/engine-rest/job/" + incident.getConfiguration() + "/retries",
          "{\"retries\": 1}");
      assertThat(retry.status()).as(retry.body()).isEqualTo(204);
    }
    advance(RETRY_INTERVAL);
    await("every message sent").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .until(() -> outbound(contacts).stream().allMatch(m -> m.status() == MessageStatus.SENT));
    settle();

    // e-mail: each of the 100 left once, under the Message-ID careflow recorded for it
    List<Message> sent = outbound(contacts);
    Set<String> emailIds = sent.stream().filter(m -> m.channel().name().equals("EMAIL")).map(Message::externalId)
        .collect(Collectors.toSet());
    List<MimeMessage> customerMail = Arrays.stream(TestMail.SMTP.getReceivedMessages())
        .filter(m -> recipient(m).endsWith("@example.com")).toList();
    List<String> mailIds = customerMail.stream().map(ChannelOutageTest::messageId).toList();
    assertThat(emailIds.size()).isEqualTo(2 * PER_KIND);
    assertThat(mailIds.size()).as("customer e-mails received").isEqualTo(2 * PER_KIND);
    assertThat(Set.copyOf(mailIds).equals(emailIds)).as("each recorded Message-ID received once").isTrue();

    // chat: each of the 100 accepted once by the chat tool (its idempotency key seen once with 2xx)
    Set<String> chatIds = sent.stream().filter(m -> m.channel().name().equals("CHAT")).map(Message::id)
        .collect(Collectors.toSet());
    List<TestWebhook.Request> webhook = TestWebhook.received();
    List<String> accepted = webhook.stream().filter(TestWebhook.Request::accepted)
        .map(r -> r.header(WebhookSender.MESSAGE_ID)).toList();
    assertThat(accepted.size()).as("chat messages accepted").isEqualTo(2 * PER_KIND);
    assertThat(Set.copyOf(accepted).equals(chatIds)).as("each chat message accepted once").isTrue();
    assertThat(webhook.size()).as("webhook requests: 2 refused + 1 accepted per message").isEqualTo(3 * 2 * PER_KIND);
    assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();

    // the chat complaints' deadlines passed during the outage: recorded once each, the staff told once
    long[] levels = jdbc.sql("""
            select count(d.warned_at), count(d.breached_at), count(d.escalated_at),
                   count(*) filter (where d.warned_at < d.due_at)
            from deadline d join contact c on c.id = d.contact_id
            where c.channel = 'CHAT' and c.topic = 'COMPLAINT' and d.step = 'reply'""")
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    assertThat(levels[0]).as("warning points handled").isEqualTo(PER_KIND);
    assertThat(levels[1]).as("breaches recorded").isEqualTo(PER_KIND);
    assertThat(levels[2]).as("escalations recorded").isEqualTo(PER_KIND);
    Map<String, Long> staffMail = new HashMap<>();
    Arrays.stream(TestMail.SMTP.getReceivedMessages()).filter(m -> recipient(m).endsWith("@shop.example"))
        .forEach(m -> staffMail.merge(recipient(m) + " " + subject(m), 1L, Long::sum));
    long staffResent = staffMail.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
    Map<String, Long> staffByRecipient = staffMail.entrySet().stream().collect(Collectors.groupingBy(
        e -> e.getKey().substring(0, e.getKey().indexOf(' ')), Collectors.summingLong(Map.Entry::getValue)));
    assertThat(staffResent).isZero();
    // the chat inquiries' answers could not be handed over in time either: an answer stops the
    // clock once it went out, so their deadlines ran on, were watched and passed too
    long inquiryBreaches = jdbc.sql("""
            select count(d.breached_at) from deadline d join contact c on c.id = d.contact_id
            where c.channel = 'CHAT' and c.topic = 'INQUIRY' and d.step = 'reply'""").query(Long.class).single();
    assertThat(inquiryBreaches).as("chat inquiries whose answer was stuck past the deadline").isEqualTo(PER_KIND);
    // maria leads the team (deadline passed; each e-mail not delivered) and manages (twice the time);
    // anna's team is warned
    assertThat(staffByRecipient.getOrDefault("maria@shop.example", 0L))
        .isEqualTo(2L * (PER_KIND + inquiryBreaches) + 2L * PER_KIND);
    assertThat(staffByRecipient.getOrDefault("anna@shop.example", 0L)).as("warnings given before the deadline")
        .isEqualTo(levels[3]);

    System.out.printf("""

        ===== Mail and chat outage under load, job executor running, PostgreSQL
        messages delayed           %d (all PENDING while both were down): %d replies + %d acknowledgements;
                                   %d by e-mail, %d through the chat webhook
        chat webhook               down (503) for 2 attempts: %d refused requests; back on attempt 3
        mail server                down for all 5 attempts of the messages (R5/PT1M): %d incidents %s
        operator                   retried %d incidents (PUT /engine-rest/job/{id}/retries) once SMTP was back
        delivered after recovery   %d e-mails (%d distinct Message-IDs, = the recorded ones), %d chat messages
                                   accepted once each (%d webhook requests in all); duplicates 0; incidents left 0
        complaints at the agents   %d of %d while the acknowledgements could not be sent
        chat complaint deadlines   %d warning points (%d before the deadline, so warned), %d breaches, %d escalations
                                   recorded during the outage
        staff e-mails              %d, after the mail server came back; sent twice %d
        took                       %.1f s (engine clock moved by 6 minutes)
        =====%n""",
        MESSAGES, 2 * PER_KIND, 2 * PER_KIND, 2 * PER_KIND, 2 * PER_KIND, webhookRefused, incidents.size(),
        incidentsByStep, incidents.size(), customerMail.size(), Set.copyOf(mailIds).size(), accepted.size(),
        webhook.size(), complaintsAtAgents, 2 * PER_KIND, levels[0], levels[3], levels[1], levels[2], staffMail.values().stream().mapToLong(Long::longValue).sum(),
        staffResent, Duration.between(started, Instant.now()).toMillis() / 1000.0);
  }

  /** 50 e-mails and 50 chats on that topic, through the intake API as the shop's integration would. */
  private List<String> push(String topic) throws Exception {
    ExecutorService pushers = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 2 * PER_KIND; i++) {
        boolean email = i % 2 == 0;
        String externalId = topic + "-" + i + "-" + java.util.UUID.randomUUID();
        Map<String, Object> customer = email
            ? Map.of("email", uniqueEmail("outage"), "name", "Jan Kowalski", "language", "en")
            : Map.of("phone", "+48 601 %03d %03d".formatted(i, topic.length()), "name", "Ola Nowak", "language", "en");
        Map<String, Object> contact = Map.of("channel", email ? "EMAIL" : "CHAT", "externalId", externalId,
            "customer", customer, "subject", topic + " " + i, "body", topic.equals("COMPLAINT")
                ? "The kettle broke after a week. Unacceptable!" : "Is the KET-200 kettle in stock?",
            "topic", topic);
        ids.add(pushers.submit(() -> {
          Http.Response created = http.postJson("intake", "/api/contacts", contact);
          assertThat(created.status()).as(created.body()).isEqualTo(201);
          return created.json().get("id").asText();
        }));
      }
      List<String> result = new ArrayList<>();
      for (Future<String> id : ids) {
        result.add(id.get());
      }
      return result;
    } finally {
      pushers.shutdown();
    }
  }

  private ProcessInstance processInstanceQuery(String key, String contactId) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
        .processInstanceBusinessKey(contactId).singleResult();
  }

  /** The engine clock moves on; the job executor runs what came due. */
  private void advance(Duration duration) {
    clock(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().plus(duration).plusSeconds(1));
    settle();
  }

  /** Waits until the job executor has run every job that is due by the engine clock. */
  private void settle() {
    await("the job executor done with what is due").atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> processEngine.getManagementService().createJobQuery().executable().count() == 0);
  }

  private Map<MessageStatus, Long> statuses(List<String> contactIds) {
    return outbound(contactIds).stream().collect(Collectors.groupingBy(Message::status, Collectors.counting()));
  }

  /** Messages careflow sent or is sending on these contacts. */
  private List<Message> outbound(List<String> contactIds) {
    return contactIds.stream().flatMap(id -> messages.ofContact(id).stream())
        .filter(m -> m.direction() == Message.Direction.OUT).toList();
  }

  private static String recipient(MimeMessage mail) {
    try {
      return ((InternetAddress) mail.getAllRecipients()[0]).getAddress();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
