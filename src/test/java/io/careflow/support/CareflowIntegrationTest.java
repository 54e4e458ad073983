package io.careflow.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.careflow.contact.ContactIntakeService;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.sla.Deadline;
import io.careflow.sla.DeadlineAlertProcess;
import io.careflow.sla.DeadlineService;
import io.careflow.sla.DeadlineWatchProcess;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * careflow as it runs — web server, security, engine, H2 — shared by every test class that
 * extends this one (one Spring context for all). The job executor is off: tests run jobs
 * themselves and move the engine clock instead of waiting. Mail goes to GreenMail. Every test
 * records the flow nodes it passed (camunda-process-test-coverage: reports under
 * target/process-test-coverage/, checked per process by {@link ProcessCoverageGate}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class CareflowIntegrationTest {

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", TestMail::port);
    registry.add("careflow.mail.inbound.host", () -> "127.0.0.1");
    registry.add("careflow.mail.inbound.port", TestMail::imapPort);
    for (String channel : new String[] {"chat", "social", "sms"}) {
      registry.add("careflow.channels." + channel + ".url", () -> TestWebhook.url(channel));
      registry.add("careflow.channels." + channel + ".secret", () -> TestWebhook.SECRET);
      registry.add("careflow.channels." + channel + ".timeout", () -> "PT2S");
    }
  }

  @LocalServerPort
  protected int port;

  @Autowired
  protected ProcessEngine processEngine;

  @Autowired
  protected ContactIntakeService intake;

  @Autowired
  protected JdbcClient jdbc;

  @Autowired
  protected DeadlineService deadlineService;

  @BeforeEach
  void initCareflowTest() throws Exception {
    init(processEngine);
    TestMail.SMTP.purgeEmailFromAllMailboxes();
    TestWebhook.reset();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** A unique e-mail address, so tests sharing the database never meet each other's customers. */
  protected static String uniqueEmail(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  protected static NewContact emailContact(String email, String topic, String subject, String body) {
    return new NewContact("EMAIL", "<" + UUID.randomUUID() + "@mail.example>", null,
        new CustomerDetails(email, null, "Jan Kowalski", "en"), subject, body, topic, null, null);
  }

  protected long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /**
   * Runs the e-mails to staff that the deadlines of this contact have raised so far
   * ({@code deadline-alert.bpmn}: asynchronous, so a test runs them like every job).
   *
   * @return how many were run
   */
  protected int runDeadlineAlerts(String contactId) {
    var management = processEngine.getManagementService();
    int run = 0;
    for (var alert : processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(DeadlineAlertProcess.KEY).variableValueEquals(DeadlineAlertProcess.CONTACT_ID, contactId)
        .list()) {
      for (var job : management.createJobQuery().processInstanceId(alert.getId()).list()) {
        management.executeJob(job.getId());
        run++;
      }
    }
    return run;
  }

  /** Completes the task as that user with those groups, as the engine sees an agent in Tasklist. */
  protected void completeAs(String taskId, String user, List<String> groups, java.util.Map<String, Object> variables) {
    var identity = processEngine.getIdentityService();
    identity.setAuthentication(user, groups);
    try {
      processEngine.getTaskService().complete(taskId, new java.util.HashMap<>(variables));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The newest deadline of that step on the contact (running or done). */
  protected Deadline deadline(String contactId, String step) {
    List<Deadline> all = deadlineService.ofContact(contactId).stream().filter(d -> d.step().equals(step)).toList();
    if (all.isEmpty()) {
      throw new AssertionError("No deadline " + step + " on contact " + contactId);
    }
    return all.get(all.size() - 1);
  }

  /** The running watcher of the deadline ({@code deadline-watch.bpmn}), or null when none runs. */
  protected ProcessInstance watcher(Deadline deadline) {
    return processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(DeadlineWatchProcess.KEY)
        .variableValueEquals(DeadlineWatchProcess.DEADLINE_ID, deadline.id()).singleResult();
  }

  /** The watcher's timer at that element if it waits there and is due by the engine clock, else null. */
  protected Job dueWatcherTimer(Deadline deadline, String timerElement) {
    ProcessInstance watcher = watcher(deadline);
    return watcher == null ? null : processEngine.getManagementService().createJobQuery()
        .processInstanceId(watcher.getId()).activityId(timerElement).executable().singleResult();
  }

  /**
   * Moves the engine clock to {@code at} and runs the deadline's watcher as the job executor
   * would: every timer due by then, earliest first (warning point, deadline, twice the time).
   *
   * @return how many timers fired
   */
  protected int runWatcherUntil(Deadline deadline, Instant at) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(at));
    var management = processEngine.getManagementService();
    int fired = 0;
    for (ProcessInstance watcher = watcher(deadline); watcher != null; watcher = watcher(deadline)) {
      List<Job> due = management.createJobQuery().processInstanceId(watcher.getId()).executable()
          .orderByJobDuedate().asc().list();
      if (due.isEmpty()) {
        break;
      }
      management.executeJob(due.get(0).getId());
      fired++;
    }
    return fired;
  }

  /**
   * The guarded step {@code step} of the case: its deadline, and the shared "warn and escalate"
   * assertion of SPEC R2 ({@link GuardedStep#warnsThenEscalates()}).
   */
  protected GuardedStep guardedStep(String contactId, String step) {
    return new GuardedStep(this, contactId, step);
  }

  protected long runningProcesses() {
    return processEngine.getRuntimeService().createProcessInstanceQuery().count();
  }
}
