package io.careflow.question;

import static io.careflow.system.SqlTimes.utc;

import io.careflow.casefile.CaseRecords;
import io.careflow.communication.CustomerReplies;
import io.careflow.communication.MessageKind;
import io.careflow.communication.ReplyService;
import io.careflow.casefile.Channel;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.casefile.ContactStatus;
import io.careflow.files.CustomerFiles;
import io.careflow.files.FilesOnTaskForms;
import io.careflow.files.IncomingFile;
import io.careflow.sla.Deadline;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.sla.DeadlineService;
import io.careflow.system.EngineAsSystem;
import io.careflow.publicpages.PublicLinks;
import io.careflow.publicpages.PublicPages;
import io.careflow.system.TaskFormInput;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The questions agents ask customers from a task ({@code customer_question}). Asking sends the
 * question as the agent's QUESTION in the case's channel (threaded, with the case token, so the
 * customer's reply finds the case), pauses every running deadline of the case and marks it
 * WAITING_FOR_CUSTOMER; the task stays open. The customer's next message on the case answers it:
 * the deadlines paused for it run on, moved by the working time waited, and the task shows the
 * answer and the files as they are now. The question carries a signed link to a public page
 * where the customer may answer too, with files ({@code AnswerPage}); it opens until the question
 * is answered, by the page or by e-mail.
 */
@Order(CaseRecords.FIRST)
@Service
public class CustomerQuestions implements CaseRecords {

  /** The form field (block {@code ask-customer}) that asks instead of completing. */
  public static final String FORM_QUESTION = "questionForCustomer";
  /** Task-local: the customer's answer, or that the task waits for one. */
  public static final String FORM_ANSWER = "customerAnswer";
  public static final String ASKED = "QUESTION_ASKED";
  public static final String ANSWERED = "QUESTION_ANSWERED";
  static final int MAX_QUESTION = 2000;
  /** The answer page: its links' purpose and path, how long a link opens it. */
  public static final String LINK_PURPOSE = "question-answer";
  public static final String LINK_PATH = "/public/answers/";
  static final java.time.Duration ANSWER_LINK_VALIDITY = java.time.Duration.ofDays(14);
  /** Who handed the answer in: the customer, on the answer page. */
  static final String ANSWER_PAGE = "customer";
  static final int MAX_FORM_TEXT = 3_900;

  private final JdbcClient jdbc;
  private final ReplyService replies;
  private final DeadlineService deadlines;
  private final ContactRepository contacts;
  private final ContactEvents events;
  private final FilesOnTaskForms files;
  private final TaskService tasks;
  private final BusinessHoursProperties shopTime;
  private final Clock clock;
  private final EngineAsSystem engine;
  private final PublicLinks links;
  private final PublicPages pages;
  private final CustomerReplies customerReplies;
  private final CustomerFiles customerFiles;

  public CustomerQuestions(JdbcClient jdbc, ReplyService replies, DeadlineService deadlines, ContactRepository contacts,
      ContactEvents events, FilesOnTaskForms files, @Lazy TaskService tasks, BusinessHoursProperties shopTime,
      Clock clock, @Lazy EngineAsSystem engine, PublicLinks links, PublicPages pages,
      @Lazy CustomerReplies customerReplies, CustomerFiles customerFiles) {
    this.links = links;
    this.pages = pages;
    this.customerReplies = customerReplies;
    this.customerFiles = customerFiles;
    this.jdbc = jdbc;
    this.replies = replies;
    this.deadlines = deadlines;
    this.contacts = contacts;
    this.events = events;
    this.files = files;
    this.tasks = tasks;
    this.shopTime = shopTime;
    this.clock = clock;
    this.engine = engine;
  }

  /** The task that asks: the engine's task, read inside the completion it replaces. */
  public record AskingTask(String id, String name, String contactId) {}

  /**
   * Sends {@code question} from the open task and keeps the task open, the case's clocks paused.
   *
   * @throws RuntimeException a form refusal naming {@value #FORM_QUESTION} when the task belongs
   *     to no case, the question is too long, or the case is a phone call (asked on the phone)
   */
  public void ask(AskingTask task, String question, String actor) {
    if (task.contactId() == null) {
      throw TaskFormInput.reject(FORM_QUESTION, "this task belongs to no customer's case; there is no one to ask");
    }
    if (question.length() > MAX_QUESTION) {
      throw TaskFormInput.reject(FORM_QUESTION, "at most " + MAX_QUESTION + " characters");
    }
    if (replies.answeredByCall(task.contactId())) {
      throw TaskFormInput.reject(FORM_QUESTION, "a " + Channel.PHONE + " customer is asked on the phone: call them");
    }
    String id = UUID.randomUUID().toString();
    // the question carries a link to its answer page, in the customer's language
    PublicLinks.Issued link = links.issued(task.contactId(), LINK_PURPOSE, ANSWER_LINK_VALIDITY, LINK_PATH);
    String text = question + "\n\n" + pages.text(pages.language(task.contactId()), "answerLink")
        .replace("{0}", link.url());
    String messageId = replies.record(task.contactId(), actor, text, MessageKind.QUESTION);
    replies.send(messageId, "question:" + id);
    var paused = new ArrayList<String>();
    for (Deadline deadline : deadlines.ofContact(task.contactId())) {
      if (!deadline.isCompleted() && !deadline.isPaused()) {
        deadlines.pause(deadline.id());
        paused.add(deadline.id());
      }
    }
    contacts.setStatus(task.contactId(), ContactStatus.WAITING_FOR_CUSTOMER);
    Instant now = clock.instant();
    jdbc.sql("insert into customer_question (id, contact_id, task_id, task_name, question, asked_by, asked_at, "
            + "message_id, paused_deadlines, answer_link_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, task.contactId(), task.id(), task.name(), question, actor, utc(now), messageId,
            String.join(",", paused), link.id())
        .update();
    events.record(task.contactId(), ASKED, actor, "on \"" + task.name() + "\": " + question);
    tasks.setVariableLocal(task.id(), FORM_ANSWER, fit("Waiting for the customer's answer to your question of "
        + shopTime.local(now) + ":\n" + question));
  }

  /**
   * The customer wrote on the case: their message answers the case's open questions (before the
   * message's transaction commits, so the files stored with it are there).
   */
  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  public void customerWrote(CustomerReplies.CustomerWrote message) {
    // whoever handed the message in (the mailbox, a channel's integration user), careflow resumes
    engine.call(() -> {
      answer(message);
      return null;
    });
  }

  private void answer(CustomerReplies.CustomerWrote message) {
    List<Open> open = jdbc.sql("select id, task_id, paused_deadlines from customer_question "
            + "where contact_id = ? and answered_at is null order by asked_at")
        .param(message.contactId())
        .query((rs, n) -> new Open(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
    if (open.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    for (Open question : open) {
      jdbc.sql("update customer_question set answered_at = ?, answer_message_id = ? where id = ?")
          .params(utc(now), message.messageId(), question.id()).update();
      if (question.pausedDeadlines() != null && !question.pausedDeadlines().isBlank()) {
        Arrays.stream(question.pausedDeadlines().split(",")).forEach(deadlines::resume);
      }
      if (tasks.createTaskQuery().taskId(question.taskId()).count() == 1) {
        tasks.setVariableLocal(question.taskId(), FORM_ANSWER, fit("Answered " + shopTime.local(now) + ":\n"
            + (message.body() == null ? "" : message.body())));
      }
    }
    contacts.find(message.contactId()).filter(c -> c.status() == ContactStatus.WAITING_FOR_CUSTOMER)
        .ifPresent(c -> contacts.setStatus(c.id(), ContactStatus.OPEN));
    events.record(message.contactId(), ANSWERED, "customer",
        open.size() == 1 ? "the customer answered the question" : "the customer answered " + open.size() + " questions");
    files.refresh(message.contactId());
  }

  private record Open(String id, String taskId, String pausedDeadlines) {}

  /** A question as its answer page shows it; {@code answered} once any answer came (by page or e-mail). */
  public record Asked(String id, String contactId, String question, boolean answered) {}

  /** The question whose answer page the link {@code linkId} opens. */
  public Optional<Asked> byAnswerLink(String linkId) {
    return jdbc.sql("select id, contact_id, question, answered_at from customer_question where answer_link_id = ?")
        .param(linkId)
        .query((rs, n) -> new Asked(rs.getString("id"), rs.getString("contact_id"), rs.getString("question"),
            rs.getTimestamp("answered_at") != null))
        .optional();
  }

  /**
   * The customer's answer from the answer page: stored and resumed exactly as an e-mail answer is
   * (the customer's message on the case, then its files), in one transaction with spending the
   * link — a second send, or a send after an e-mail answer, stores nothing.
   *
   * @return the files that could not be taken
   */
  @Transactional
  public List<CustomerFiles.Refused> answerOnPage(PublicLinks.Link link, String text, List<IncomingFile> uploads) {
    links.use(link);
    Contact contact = contacts.find(link.contactId()).orElseThrow();
    String body = text != null ? text : "(no text; " + uploads.size() + " attachment(s))";
    var received = customerReplies.receive(contact, body, null, null, ANSWER_PAGE);
    return uploads.isEmpty() ? List.of()
        : customerFiles.store(contact.id(), received.messageId(), uploads, CustomerFiles.SOURCE_WEB_FORM, ANSWER_PAGE);
  }

  private static String fit(String text) {
    return text.length() <= MAX_FORM_TEXT ? text : text.substring(0, MAX_FORM_TEXT) + "\n[… the whole answer is on the case page]";
  }

  @Override
  public List<String> tables() {
    return List.of("customer_question");
  }

  @Override
  public void forget(Collection<String> contactIds) {
    CaseRecords.deleteRows(jdbc, tables(), contactIds);
  }
}
