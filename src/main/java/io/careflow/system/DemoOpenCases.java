package io.careflow.system;

import io.careflow.contact.ContactIntakeService;
import io.careflow.contact.NewContact;
import io.careflow.contact.NewContact.CustomerDetails;
import io.careflow.sla.WorkingTimeCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * approval, returns whose form link went to the customer. All through the real intake and the
 * real processes: the demo agents complete tasks through the engine, with the values their form
 * requires, as Tasklist would.
 */
@Component
@Profile("demo")
class DemoOpenCases {

  /** The conversation checklist every conversation task asks for. */
  private static final Map<String, Object> CONVERSATION = Map.of("dialogueListen", "DONE", "dialogueEmpathy",
      "DONE", "dialogueExplain", "DONE", "dialogueStateAction", "DONE", "dialogueCheckConvenient", "DONE",
      "dialogueOfferHelp", "DONE", "dialogueNextSteps", "DONE");

  private record Person(String name, String email, String phone, String language) {
    CustomerDetails details() {
      return new CustomerDetails(email, phone, name, language);
    }
  }

  private static final List<Person> PEOPLE = List.of(
      new Person("Agnieszka Mazur", "agnieszka.mazur@example.com", "+48600200301", "pl"),
      new Person("Robert Green", "robert.green@example.com", "+48600200302", "en"),
      new Person("Irina Smirnova", "irina.smirnova@example.com", "+48600200303", "ru"),
      new Person("Paweł Dąbrowski", "pawel.dabrowski@example.com", "+48600200304", "pl"),
      new Person("Laura White", "laura.white@example.com", "+48600200305", "en"),
      new Person("Sergei Volkov", "sergei.volkov@example.com", "+48600200306", "ru"),
      // the customers of the cases opened on the second thread: a customer is made by one thread only
      new Person("Michał Kamiński", "michal.kaminski@example.com", "+48600200307", "pl"),
      new Person("Sarah Miller", "sarah.miller@example.com", "+48600200308", "en"),
      new Person("Olga Kuznetsova", "olga.kuznetsova@example.com", "+48600200309", "ru"),
      new Person("Joanna Lewandowska", "joanna.lewandowska@example.com", "+48600200310", "pl"));

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

  /**
   * Opens the cases; returns how many. Those an agent works on are opened on a second thread,
   * beside the others: the start waits for the longer of the two.
   */
  int open() throws Exception {
    lastLog = System.nanoTime();
    int before = sequence.get();
    var worked = new FutureTask<Void>(() -> {
      openWorkedOn();
      return null;
    });
    new Thread(worked, "demo-open-cases").start();
    try {
      openWaitingInQueues(clock.instant());
    } finally {
      try {
        worked.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }
    return sequence.get() - before;
  }

  /** New, due soon, breached, return form sent: nobody worked on them yet. */
  private void openWaitingInQueues(Instant now) {
    // new: just arrived, waiting in the teams' queues
    receive("EMAIL", 0, null, "INQUIRY", "Dostawa do Krakowa", "Kiedy dotrze zamówienie do Krakowa?", "KET-120");
    receive("CHAT", 1, null, "INQUIRY", "Size of the jacket", "Does the JKT-140 run small?", "JKT-140");
    receive("EMAIL", 2, null, "DEFECT", "Не работает телевизор", "Телевизор TV-155 не включается.", "TV-155");
    receive("WEB_FORM", 3, null, "COMPLAINT", "Zła obsługa", "Kurier był niemiły i rzucił paczką.", null);
    receive("SMS", 4, null, "INQUIRY", "Opening hours", "Is the shop open on Saturday?", null);
    receive("EMAIL", 5, null, "INQUIRY", "Вопрос о доставке", "Можно ли доставить в Гданьск?", "SOF-110");
    receive("PHONE", 1, null, "DEFECT", "Broken kettle", "The KET-130 leaks from the bottom.", "KET-130");
    receive("EMAIL", 0, null, "COMPLAINT", "Opóźnienie", "Paczka spóźnia się już tydzień.", null);
    // due soon: received five working hours ago, past the warning of the 6-hour reply target
    Instant hoursAgo = workingTimeAgo(now, Duration.ofHours(5));
    receive("EMAIL", 1, hoursAgo, "INQUIRY", "Warranty", "How long is the warranty of the LAP-150?", "LAP-150");
    receive("EMAIL", 3, hoursAgo.plusSeconds(600), "INQUIRY", "Rozmiar butów", "Czy SHO-140 są w rozmiarze 44?",
        "SHO-140");
    receive("EMAIL", 2, hoursAgo.plusSeconds(1200), "INQUIRY", "Гарантия", "Какая гарантия на PHN-180?", "PHN-180");
    receive("EMAIL", 4, hoursAgo.plusSeconds(1800), "COMPLAINT", "Wrong invoice", "The invoice has a wrong address.",
        null);
    // breached: received days ago, nobody answered in time (the engine's deadline timer finds it)
    Instant daysAgo = now.minus(Duration.ofDays(7));
    receive("EMAIL", 0, daysAgo, "INQUIRY", "Faktura", "Proszę o fakturę na firmę.", null);
    receive("EMAIL", 5, daysAgo.plusSeconds(3600), "INQUIRY", "Счёт", "Пришлите, пожалуйста, счёт.", null);
    receive("EMAIL", 1, daysAgo.plusSeconds(7200), "COMPLAINT", "Still no answer", "I wrote twice already.", null);
    receive("WEB_FORM", 3, daysAgo.plusSeconds(9000), "DEFECT", "Uszkodzony ekspres", "Ekspres COF-160 przecieka.",
        "COF-160");
    // return form sent: the return protocol sends the customer the link to the return form
    receive("EMAIL", 0, null, "RETURN", "Zwrot butów", "Chcę zwrócić buty SHO-150, są za małe.", "SHO-150");
    receive("EMAIL", 4, null, "RETURN", "Return", "I would like to return the DRS-120 dress.", "DRS-120");
    receive("EMAIL", 5, null, "RETURN", "Возврат", "Хочу вернуть пылесос.", "TOA-130");
  }

  /** Waiting for the customer, approval pending: the demo agents did their part. */
  private void openWorkedOn() {
    // waiting for the customer: the agent asked a question, the reply clock stopped
    for (Person person : PEOPLE.subList(6, 10)) {
      String contactId = receive("EMAIL", PEOPLE.indexOf(person), null, "INQUIRY",
          question(person.language()), question(person.language()) + "?", "JKT-150");
      complete(contactId, "user_answer_customer",
          Map.of("replyText", askBack(person.language()), "replyKind", "QUESTION"));
    }
    // approval pending: a refund above the threshold of compensation-approval.dmn waits for a team lead
    for (int i = 0; i < 3; i++) {
      String contactId = receive("EMAIL", 7 + i, null, "COMPLAINT", "Damaged parcel",
          "The box was torn and the item scratched.", null);
      var investigated = new HashMap<String, Object>(CONVERSATION);
      investigated.put("findings", "The courier damaged the parcel.");
      investigated.put("complaintJustified", "YES");
      complete(contactId, "user_investigate_complaint", investigated);
      complete(contactId, "user_propose_resolution", Map.of("resolutionType", "REFUND",
          "compensationAmount", 400 + 50 * i, "proposal", "A full refund of the item."));
    }
  }

  private static String question(String language) {
    return switch (language) {
      case "pl" -> "Czy kurtka jest dostępna";
      case "ru" -> "Есть ли куртка в наличии";
      default -> "Is the jacket available";
    };
  }

  private static String askBack(String language) {
    return switch (language) {
      case "pl" -> "Jakiego rozmiaru Pan/Pani potrzebuje?";
      case "ru" -> "Какой размер вам нужен?";
      default -> "Which size do you need?";
    };
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
  private String receive(String channel, int person, Instant receivedAt, String topic, String subject, String body,
      String productSku) {
    Person who = PEOPLE.get(person);
    int number = sequence.incrementAndGet();
    long now = System.nanoTime();
    if (now - lastLog >= PROGRESS_EVERY.toNanos()) {
      lastLog = now;
      LOG.info("Demo data: {} open cases opened", number);
    }
    var contact = new NewContact(channel, "<demo-open-" + number + "@example.com>",
        receivedAt == null ? null : receivedAt.toString(), who.details(), subject, body, topic, null, productSku);
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
