package io.careflow.demo.mail;

import io.careflow.protocol.complaint.ComplaintProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.careflow.CareflowApplication;
import io.careflow.contact.ContactIntakeService;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.support.OwnCareflow;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo as {@code ./mvnw spring-boot:run} starts it — default profile {@code demo}, its sample
 * contacts, nothing else installed — logs no ERROR and no stack trace: its e-mail goes to the
 * embedded mail server over SMTP and customers' e-mails come back over IMAP. With the mail server
 * or a channel's webhook down, each failed attempt is one WARN line naming the cause and what
 * careflow does next.
 */
@Tag(OwnCareflow.TAG)
@ExtendWith(OutputCaptureExtension.class)
class DemoStartLogTest {

  /** Boot's console lines: "<time>  ERROR <pid> --- …" */
  private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s");
  /** The first line of a printed stack trace: "java.net.ConnectException: Connection refused". */
  private static final Pattern TRACE_HEAD = Pattern.compile("^[a-z][\\w$]*(\\.[\\w$]+)+(Exception|Error)(: .*)?$");
  private static final String COMPLAINT_ACKNOWLEDGEMENT = ComplaintProcess.Elements.SERVICE_ACKNOWLEDGE_COMPLAINT;

  @TempDir
  Path data;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ConfigurableApplicationContext start(String... extraArgs) {
    List<String> args = new ArrayList<>(List.of("--server.port=0",
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("careflow") + ";DB_CLOSE_ON_EXIT=FALSE"));
    args.addAll(List.of(extraArgs));
    return new SpringApplicationBuilder(CareflowApplication.class).run(args.toArray(String[]::new));
  }

  @Test
  void shouldStartTheDemoWithoutErrorOrStackTraceAndMailThroughTheEmbeddedServer(CapturedOutput output)
      throws Exception {
    java.sql.Timestamp started = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(5));
    try (var careflow = start("--careflow.demo.mail.poll-interval=PT1S")) {
      DemoMailServer mail = careflow.getBean(DemoMailServer.class);
      ProcessEngine engine = careflow.getBean(ProcessEngine.class);
      JdbcClient jdbc = careflow.getBean(JdbcClient.class);

      // the demo contacts' acknowledgements went out through the job executor and SMTP
      await("the demo contacts' jobs to run", () -> engine.getManagementService().createJobQuery().executable()
          .count() == 0);
      // what this start sent (the demo's past of 90 days was written as history, not sent now)
      List<String> sentTo = jdbc.sql("select recipient from message where direction = 'OUT' and status = 'SENT' "
          + "and created_at >= ? and recipient like '%@%'").param(started).query(String.class).list();
      assertThat(sentTo).as("acknowledgements sent").isNotEmpty();
      for (String customer : sentTo) {
        assertThat(mail.receivedBy(customer)).as("mailbox of " + customer).isNotEmpty();
      }
      assertThat(mail.receivedBy("jan.kowalski@example.com")).extracting(MimeMessage::getSubject)
          .anySatisfy(subject -> assertThat(subject).contains("[#CF-"));
      assertThat(jdbc.sql("select count(*) from message where direction = 'OUT' and status <> 'SENT' "
          + "and created_at >= ?").param(started).query(Long.class).single()).isZero();
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();

      // a customer writes to the support mailbox: careflow reads it over IMAP and opens a contact
      long contacts = jdbc.sql("select count(*) from contact").query(Long.class).single();
      writeAsCustomer(mail, "ewa@example.com", "Zwrot czajnika", "Chcę zwrócić czajnik KET-200.");
      await("the customer's e-mail to become a contact", () -> jdbc.sql("select count(*) from contact")
          .query(Long.class).single() == contacts + 1);
      assertThat(jdbc.sql("select customer_email from contact where subject = 'Zwrot czajnika'")
          .query(String.class).single()).isEqualTo("ewa@example.com");
    }
    assertThat(problems(output.getAll())).isEmpty();
    assertThat(output.getAll()).contains("Demo mail server (no SMTP server configured)");
  }

  @Test
  void shouldLogOneWarnLinePerFailedAttemptWhenTheMailServerAndAWebhookAreDown(CapturedOutput output)
      throws Exception {
    HttpServer chat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    chat.createContext("/", exchange -> {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    chat.start();
    // the demo's past and open cases off: the two acknowledgements below are the only jobs
    try (var careflow = start("--careflow.demo.history=false", "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + closedPort(),
        "--camunda.bpm.job-execution.enabled=false",
        "--careflow.channels.chat.url=http://127.0.0.1:" + chat.getAddress().getPort() + "/careflow",
        "--careflow.channels.chat.secret=chat-webhook-secret-for-tests")) {
      // an SMTP server is configured: the demo runs no mail server of its own
      assertThat(careflow.getBeanProvider(DemoMailServer.class).getIfAvailable()).isNull();
      ProcessEngine engine = careflow.getBean(ProcessEngine.class);
      ManagementService management = engine.getManagementService();
      careflow.getBean(ContactIntakeService.class).receive(new NewContact("CHAT", "chat-session-1", null,
          new CustomerDetails(null, null, "Piotr Nowak", "pl", null, "chat:piotr", null), "Czajnik",
          "Czajnik przyszedł uszkodzony, jestem bardzo niezadowolony.", "COMPLAINT", null, null), "demo");

      List<Job> acknowledgements = management.createJobQuery().activityId(COMPLAINT_ACKNOWLEDGEMENT).list();
      assertThat(acknowledgements).hasSize(2);
      // five attempts a minute apart (R5/PT1M), the engine clock moved instead of waiting
      for (int attempt = 1; attempt <= 5; attempt++) {
        for (Job job : acknowledgements) {
          assertThat(catchThrowable(() -> management.executeJob(job.getId()))).isNotNull();
        }
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofSeconds(61).toMillis()));
      }
      assertThat(engine.getRuntimeService().createIncidentQuery().activityId(COMPLAINT_ACKNOWLEDGEMENT).count())
          .isEqualTo(2);

      for (Job job : acknowledgements) {
        List<String> lines = output.getAll().lines().filter(line -> line.contains("job " + job.getId() + ")"))
            .toList();
        assertThat(lines).as("lines of job " + job.getId()).hasSize(5)
            .allSatisfy(line -> assertThat(line).containsPattern("^\\S+\\s+WARN\\s")
                .contains("Step " + COMPLAINT_ACKNOWLEDGEMENT + " of complaint"));
        assertThat(lines.subList(0, 4)).allSatisfy(line -> assertThat(line).contains("Next attempt at")
            .contains("(in 60 s)").contains("an incident after the last"));
        assertThat(lines.get(0)).contains("4 attempts left");
        assertThat(lines.get(3)).contains("1 attempt left");
        assertThat(lines.get(4)).contains("That was its last attempt: an incident shows in Cockpit");
        assertThat(lines).allSatisfy(line -> assertThat(line).satisfiesAnyOf(
            mailLine -> assertThat(mailLine).contains("Connection refused").contains("127.0.0.1"),
            chatLine -> assertThat(chatLine).contains("answered 503")));
      }
    } finally {
      chat.stop(0);
    }
    assertThat(problems(output.getAll())).isEmpty();
  }

  /** ERROR lines and stack traces in the log. */
  private static List<String> problems(String log) {
    return log.lines().filter(line -> ERROR_LINE.matcher(line).find() || line.startsWith("\tat ")
        || line.startsWith("Caused by: ") || TRACE_HEAD.matcher(line).matches()).toList();
  }

  private static void writeAsCustomer(DemoMailServer mail, String from, String subject, String text)
      throws Exception {
    Properties props = new Properties();
    props.setProperty("mail.smtp.host", mail.smtpHost());
    props.setProperty("mail.smtp.port", Integer.toString(mail.smtpPort()));
    MimeMessage message = new MimeMessage(Session.getInstance(props));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.supportAddress()));
    message.setSubject(subject, "UTF-8");
    message.setText(text, "UTF-8");
    Transport.send(message);
  }

  /** A port nothing listens on: the mail server is down. */
  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** careflow's job executor and mailbox poller work in their own threads: wait (bounded) for the outcome. */
  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Still waiting after 30 s for " + what);
      }
      Thread.sleep(100);
    }
  }
}
