package io.careflow.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careflow.contact.ContactIntakeService;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.calendar.WorkingTimeCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's open cases, about thirty, in every state an agent meets: new ones, ones received
 * hours ago whose reply deadline is near, ones received days ago whose deadline the engine
 * finds breached, questions waiting for the customer, refunds waiting for a team lead's
 * approval, returns whose form link went to the customer. Which cases, and what the demo agents
 * did in them, is data ({@code demo/open-cases.json}); this class only runs it, through the real
 * intake and the real processes: the demo agents complete tasks through the engine, with the
 * values their form requires, as Tasklist would.
 */
@Component
@Profile("demo")
class DemoOpenCases {

  static final String CASES = "demo/open-cases.json";

  /** The file: named value sets, the customers, the cases. */
  record OpenCases(Map<String, Map<String, Object>> valueSets, List<Person> people, List<OpenCase> cases) {

    /** Refuses a file whose steps name an unknown value set or whose two threads share a customer. */
    OpenCases checked() {
      Set<Integer> worked = new HashSet<>();
      Set<Integer> waiting = new HashSet<>();
      for (OpenCase c : cases) {
        if (c.person() < 0 || c.person() >= people.size()) {
          throw new IllegalStateException(CASES + ": no person " + c.person() + " for case '" + c.subject() + "'");
        }
        (c.workedOn() ? worked : waiting).add(c.person());
        for (Step step : c.steps()) {
          if (step.with() != null && !valueSets.containsKey(step.with())) {
            throw new IllegalStateException(CASES + ": no value set '" + step.with() + "' for " + step.task());
          }
        }
      }
      worked.retainAll(waiting);
      if (!worked.isEmpty()) {
        throw new IllegalStateException(CASES + ": persons " + worked
            + " appear in cases with and without steps; a customer is made by one thread only");
      }
      return this;
    }
  }

  record Person(String name, String email, String phone, String language) {
    CustomerDetails details() {
      return new CustomerDetails(email, phone, name, language);
    }
  }

  /** When a case arrived: now (both null), working hours ago or days ago; plus minutes to space cases. */
  record Received(Integer workingHoursAgo, Integer daysAgo) {
  }

  record OpenCase(String state, String channel, int person, Received received, int plusMinutes, String topic,
      String subject, String body, String product, List<Step> steps) {
    OpenCase {
      steps = steps == null ? List.of() : steps;
    }

    boolean workedOn() {
      return !steps.isEmpty();
    }
  }

  /** A task of the case's process a demo agent completes, with the form's values. */
  record Step(String task, String with, Map<String, Object> values) {
  }

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(3);
  private static final Logger LOG = LoggerFactory.getLogger(DemoOpenCases.class);

  private final ContactIntakeService intake;
  private final TaskService tasks;
  private final IdentityService identity;
  private final WorkingTimeCalendar calendar;
  private final Clock clock;
  private final AtomicInteger sequence = new AtomicInteger();
  private volatile long lastLog = System.nanoTime();

  DemoOpenCases(ContactIntakeService intake, TaskService tasks, IdentityService identity,
      WorkingTimeCalendar calendar, Clock clock) {
    this.intake = intake;
    this.tasks = tasks;
    this.identity = identity;
    this.calendar = calendar;
    this.clock = clock;
  }

  static OpenCases read() {
    try (InputStream in = DemoOpenCases.class.getClassLoader().getResourceAsStream(CASES)) {
      if (in == null) {
        throw new IllegalStateException("No " + CASES + " on the class path");
      }
      return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readValue(in, OpenCases.class).checked();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + CASES, e);
    }
  }

  /**
   * Opens the cases; returns how many. Those an agent works on are opened on a second thread,
   * beside the others: the start waits for the longer of the two.
   */
  int open() throws Exception {
    OpenCases file = read();
    Instant now = clock.instant();
    lastLog = System.nanoTime();
    int before = sequence.get();
    var worked = new FutureTask<Void>(() -> {
      file.cases().stream().filter(OpenCase::workedOn).forEach(c -> work(file, c, now));
      return null;
    });
    new Thread(worked, "demo-open-cases").start();
    try {
      file.cases().stream().filter(c -> !c.workedOn()).forEach(c -> receive(file, c, now));
    } finally {
      try {
        worked.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }
    return sequence.get() - before;
  }

  private void work(OpenCases file, OpenCase c, Instant now) {
    String contactId = receive(file, c, now);
    for (Step step : c.steps()) {
      var values = new HashMap<String, Object>();
      if (step.with() != null) {
        values.putAll(file.valueSets().get(step.with()));
      }
      values.putAll(step.values());
      complete(contactId, step.task(), values);
    }
  }

  private Instant receivedAt(OpenCase c, Instant now) {
    Received received = c.received();
    if (received == null || (received.workingHoursAgo() == null && received.daysAgo() == null)) {
      return null;
    }
    Instant at = received.workingHoursAgo() != null
        ? workingTimeAgo(now, Duration.ofHours(received.workingHoursAgo()))
        : now.minus(Duration.ofDays(received.daysAgo()));
    return at.plus(Duration.ofMinutes(c.plusMinutes()));
  }

  /** The instant that lies {@code time} of working time before {@code now} (to 10 minutes, at most 30 days back). */
  private Instant workingTimeAgo(Instant now, Duration time) {
    Instant limit = now.minus(Duration.ofDays(30));
    Instant at = now;
    // by the hour, then by 10 minutes: the calendar is asked a few dozen times, not hundreds
    while (at.isAfter(limit) && calendar.between(at, now).compareTo(time) < 0) {
      at = at.minus(Duration.ofHours(1));
    }
    Instant later = at.plus(Duration.ofMinutes(10));
    while (later.isBefore(now) && calendar.between(later, now).compareTo(time) >= 0) {
      at = later;
      later = at.plus(Duration.ofMinutes(10));
    }
    return at;
  }

  /** A contact through the real intake; returns its id, the business key of its case. */
  private String receive(OpenCases file, OpenCase c, Instant now) {
    Person who = file.people().get(c.person());
    int number = sequence.incrementAndGet();
    long tick = System.nanoTime();
    if (tick - lastLog >= PROGRESS_EVERY.toNanos()) {
      lastLog = tick;
      LOG.info("Demo data: {} open cases opened", number);
    }
    Instant receivedAt = receivedAt(c, now);
    var contact = new NewContact(c.channel(), "<demo-open-" + number + "@example.com>",
        receivedAt == null ? null : receivedAt.toString(), who.details(), c.subject(), c.body(), c.topic(), null,
        c.product());
    return intake.receive(contact, "demo").contact().id();
  }

  /** A demo agent of the task's team claims and completes it with the form's values. */
  private void complete(String contactId, String taskKey, Map<String, Object> values) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(contactId).taskDefinitionKey(taskKey)
        .singleResult();
    if (task == null) {
      throw new IllegalStateException("No task " + taskKey + " in the case of contact " + contactId);
    }
    String agent = task.getAssignee() != null ? task.getAssignee() : agentOf(task);
    // as Tasklist signs the agent in: with their groups, which the engine's authorizations name
    identity.setAuthentication(agent, identity.createGroupQuery().groupMember(agent).list().stream()
        .map(Group::getId).toList());
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), agent);
      }
      tasks.complete(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The first demo user of the task's candidate group. */
  private String agentOf(Task task) {
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        var member = identity.createUserQuery().memberOfGroup(link.getGroupId()).orderByUserId().asc().list();
        if (!member.isEmpty()) {
          return member.get(0).getId();
        }
      }
    }
    throw new IllegalStateException("Nobody of the demo may work on " + task.getName());
  }
}
