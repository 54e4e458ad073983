package io.careflow.sla;

import io.careflow.calendar.WorkingTimeCalendar;
import io.careflow.communication.EmailSender;
import io.careflow.communication.EmailSender.Email;
import io.careflow.communication.Message;
import io.careflow.communication.MessageRepository;
import io.careflow.communication.MessageTemplates;
import io.careflow.communication.MessageUndelivered;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.sla.DeadlineAlertProcess.Level;
import io.careflow.system.Groups;
import io.careflow.system.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What happens when a guarded task's timers fire (SPEC R2), each level once per deadline:
 * <ul>
 *   <li>warning (default 75% of the allowed time): the task's priority goes up; its assignee —
 *       or, while nobody has claimed it, its team — is told by e-mail. Only while the deadline
 *       lies ahead: a warning point handled after the deadline is recorded, nobody is warned;</li>
 *   <li>deadline: team leads become candidates, the priority goes up again, the leads are
 *       told, the breach is recorded (the deadline is missed);</li>
 *   <li>twice the allowed time: the managers are told.</li>
 * </ul>
 * The tasks are the open tasks the deadline guards ({@link GuardedTasks}); the timers are those of
 * the deadline's watcher ({@code deadline-watch.bpmn}). Instances of earlier models still carry
 * the timers on their tasks: there the tasks are the open tasks of the process instance whose
 * timer fired.
 *
 * <p>The mark, the priority and the candidates change in the timer's own step; the e-mails go out
 * through {@code deadline-alert.bpmn} (one instance per person, asynchronous with retries), so a
 * mail server that is down neither fails the timer nor undoes the escalation, and a retry — of
 * the e-mail, or of a timer after a crash or a clash between cluster nodes — sends the same
 * e-mail under the same Message-ID.
 *
 * <p>The same way tells the team leads, once per message, about a message to a customer that
 * careflow could not hand over ({@link #undelivered}).
 */
@Service
public class DeadlineAlerts {

  public static final int PRIORITY_WARNED = 75;
  public static final int PRIORITY_BREACHED = 90;

  private final DeadlineService deadlines;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final UserDirectory users;
  private final ContactRepository contacts;
  private final MessageTemplates templates;
  private final EmailSender email;
  private final WorkingTimeCalendar calendar;
  private final StaffAlertLog sent;
  private final GuardedTasks guardedTasks;
  private final MessageRepository messages;
  private final String tasklistUrl;
  private final String cockpitUrl;

  public DeadlineAlerts(DeadlineService deadlines, TaskService taskService, RuntimeService runtimeService,
      UserDirectory users, ContactRepository contacts, MessageTemplates templates, EmailSender email,
      WorkingTimeCalendar calendar, StaffAlertLog sent, GuardedTasks guardedTasks, MessageRepository messages,
      @Value("${careflow.public-url}") String publicUrl) {
    this.deadlines = deadlines;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.users = users;
    this.contacts = contacts;
    this.templates = templates;
    this.email = email;
    this.calendar = calendar;
    this.sent = sent;
    this.guardedTasks = guardedTasks;
    this.messages = messages;
    this.tasklistUrl = publicUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/default/#/?task=";
    this.cockpitUrl = publicUrl.replaceAll("/+$", "") + "/camunda/app/cockpit/default/#/process-instance/";
  }

  public void warn(DelegateExecution execution) {
    List<Task> tasks = guardedTasks(execution);
    Set<String> recipients = new LinkedHashSet<>();
    for (Task task : tasks) {
      if (task.getAssignee() != null) {
        recipients.add(task.getAssignee());
      } else {
        candidateGroups(task).forEach(group -> recipients.addAll(users.membersOf(group)));
      }
    }
    String id = deadlineId(execution);
    if (deadlines.warn(id, "priority raised, told " + describe(recipients))) {
      raisePriority(tasks, PRIORITY_WARNED);
      tell(Level.WARNING, recipients, execution);
    }
  }

  public void breach(DelegateExecution execution) {
    List<Task> tasks = guardedTasks(execution);
    List<String> leads = users.membersOf(Groups.TEAM_LEADS);
    String id = deadlineId(execution);
    if (deadlines.breach(id, "offered to team leads, told " + describe(leads))) {
      raisePriority(tasks, PRIORITY_BREACHED);
      tasks.forEach(task -> taskService.addCandidateGroup(task.getId(), Groups.TEAM_LEADS));
      tell(Level.BREACH, leads, execution);
    }
  }

  public void escalate(DelegateExecution execution) {
    List<String> managers = users.membersOf(Groups.MANAGERS);
    String id = deadlineId(execution);
    if (deadlines.escalate(id, "twice the allowed time, told " + describe(managers))) {
      tell(Level.ESCALATION, managers, execution);
    }
  }

  /** One {@code deadline-alert} per person with an e-mail address; started in the timer's step. */
  private void tell(Level level, Iterable<String> userIds, DelegateExecution execution) {
    String deadlineId = deadlineId(execution);
    startAlerts(deadlineId, userIds, Variables.createVariables()
        .putValue(DeadlineAlertProcess.DEADLINE_ID, deadlineId)
        .putValue(DeadlineAlertProcess.LEVEL, level.name())
        .putValue(DeadlineAlertProcess.GUARDED_PROCESS_INSTANCE_ID,
            watched(execution) ? null : execution.getProcessInstanceId())
        // the watcher's and the protocol's business key are the contact's id
        .putValue(DeadlineAlertProcess.CONTACT_ID, execution.getProcessBusinessKey()));
  }

  /** Starts {@code deadline-alert} once for each of {@code userIds} who has an e-mail address. */
  private void startAlerts(String businessKey, Iterable<String> userIds, Map<String, Object> variables) {
    for (String userId : userIds) {
      if (users.emailsOf(List.of(userId)).isEmpty()) {
        continue;
      }
      var perPerson = Variables.createVariables();
      perPerson.putAll(variables);
      runtimeService.createProcessInstanceByKey(DeadlineAlertProcess.KEY)
          .businessKey(businessKey)
          .setVariables(perPerson.putValue(DeadlineAlertProcess.RECIPIENT, userId))
          .execute();
    }
  }


  /**
   * "E-mail the person" of {@code deadline-alert.bpmn}: the e-mail for that level, listing the
   * case's tasks open now. A warning about a deadline completed in the meantime (the answer went
   * out while the mail server was down) is not sent any more; deadline and twice-the-time are facts
   * and still go out. The Message-ID comes from deadline, level and person: a repeat is the same mail.
   * The e-mail is recorded before it leaves ({@link StaffAlertLog}): a run of this step that overlaps
   * with another (a cluster node's expired job lock) or follows a committed one sends nothing; only
   * a run that sent and then died before its commit leaves it to a retry to send again.
   */
  public void deliver(String deadlineId, Level level, String userId, String guardedProcessInstanceId) {
    Deadline deadline = deadlines.get(deadlineId);
    List<String> addresses = users.emailsOf(List.of(userId));
    if (addresses.isEmpty() || (level == Level.WARNING && deadline.isCompleted())) {
      return;
    }
    List<Task> tasks = guardedProcessInstanceId == null ? guardedTasks.open(deadlineId)
        : openTasks(guardedProcessInstanceId);
    Contact contact = contacts.find(deadline.contactId()).orElseThrow();
    Map<String, Object> model = new HashMap<>();
    model.put("step", deadline.step());
    model.put("target", deadline.target().toString());
    model.put("dueAt", calendar.hours().local(deadline.dueAt()));
    model.put("channel", contact.channel().name());
    model.put("subject", contact.subject() == null ? "" : contact.subject());
    model.put("tasks", tasks.stream().map(t -> Map.of("name", t.getName(), "url", tasklistUrl + t.getId(),
        "assignee", t.getAssignee() == null ? "nobody yet" : users.displayName(t.getAssignee()))).toList());
    MessageTemplates.Rendered rendered = templates.render(level.template, "en", model);
    String subject = level.headline + " (" + model.get("dueAt") + "): " + contact.channel()
        + (contact.subject() == null ? "" : " · " + contact.subject());
    String id = UUID.nameUUIDFromBytes((deadlineId + "/" + level + "/" + userId).getBytes(StandardCharsets.UTF_8))
        .toString();
    if (!sent.record(id, deadline, level, userId)) {
      return;
    }
    email.send(new Email(id, "careflow", addresses.get(0), subject, rendered.html(), rendered.text(), List.of()));
  }

  /**
   * A message to a customer could not be handed over (the sending step in {@code processInstanceId}
   * gave up, an incident is open): one {@code deadline-alert} per team lead with an e-mail address.
   * Runs in the step's failure handling (the event comes at once, in the same transaction).
   */
  @EventListener
  public void undelivered(MessageUndelivered undelivered) {
    Message message = undelivered.message();
    String processInstanceId = undelivered.processInstanceId();
    String reason = undelivered.reason();
    startAlerts(message.id(), users.membersOf(Groups.TEAM_LEADS), Variables.createVariables()
        .putValue(DeadlineAlertProcess.LEVEL, Level.UNDELIVERED.name())
        .putValue(DeadlineAlertProcess.MESSAGE_ID, message.id())
        .putValue(DeadlineAlertProcess.REASON, reason)
        .putValue(DeadlineAlertProcess.GUARDED_PROCESS_INSTANCE_ID, processInstanceId)
        .putValue(DeadlineAlertProcess.CONTACT_ID, message.contactId()));
  }


  /**
   * "E-mail the person" for an undelivered message: what did not leave, to whom, why, and where the
   * incident is. Once per message and person, however often the step gives up again (an operator's
   * retry that fails too): the Message-ID comes from message and person, and the log holds it.
   */
  public void deliverUndelivered(String messageId, String userId, String reason, String processInstanceId) {
    List<String> addresses = users.emailsOf(List.of(userId));
    Message message = messages.find(messageId).orElse(null);
    if (addresses.isEmpty() || message == null) {
      return;
    }
    Contact contact = message.contactId() == null ? null : contacts.find(message.contactId()).orElse(null);
    Map<String, Object> model = new HashMap<>();
    model.put("kind", message.kind().name().toLowerCase(java.util.Locale.ROOT));
    model.put("channel", message.channel().name());
    model.put("recipient", message.recipient() == null ? "no address" : message.recipient());
    model.put("author", message.authorName() == null ? message.author() : message.authorName());
    model.put("reason", reason == null ? "" : reason);
    model.put("subject", contact == null || contact.subject() == null ? "" : contact.subject());
    model.put("dueAt", contact == null ? "" : deadlines.running(contact.id(), DeadlineService.REPLY)
        .map(d -> calendar.hours().local(d.dueAt())).orElse(""));
    model.put("incidentUrl", processInstanceId == null ? "" : cockpitUrl + processInstanceId);
    MessageTemplates.Rendered rendered = templates.render(Level.UNDELIVERED.template, "en", model);
    String subject = Level.UNDELIVERED.headline + ": " + message.channel() + " to " + model.get("recipient")
        + (contact == null || contact.subject() == null ? "" : " · " + contact.subject());
    String id = UUID.nameUUIDFromBytes((messageId + "/" + Level.UNDELIVERED + "/" + userId)
        .getBytes(StandardCharsets.UTF_8)).toString();
    if (!sent.recordUndelivered(id, message.contactId(), messageId, userId)) {
      return;
    }
    email.send(new Email(id, "careflow", addresses.get(0), subject, rendered.html(), rendered.text(), List.of()));
  }

  /** Whether the timer is the deadline watcher's (else a boundary timer of an earlier model's task). */
  private static boolean watched(DelegateExecution execution) {
    return execution.getVariable(DeadlineWatchProcess.DEADLINE_ID) != null;
  }

  private static String deadlineId(DelegateExecution execution) {
    return watched(execution) ? (String) execution.getVariable(DeadlineWatchProcess.DEADLINE_ID)
        : SlaVariables.deadlineId(execution);
  }

  private List<Task> guardedTasks(DelegateExecution execution) {
    return watched(execution) ? guardedTasks.open(deadlineId(execution))
        : openTasks(execution.getProcessInstanceId());
  }

  private List<Task> openTasks(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).active().list();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private void raisePriority(List<Task> tasks, int priority) {
    for (Task task : tasks) {
      if (task.getPriority() < priority) {
        taskService.setPriority(task.getId(), priority);
      }
    }
  }

  private String describe(Iterable<String> userIds) {
    var names = new ArrayList<String>();
    userIds.forEach(names::add);
    return names.isEmpty() ? "nobody (no one to notify)" : String.join(", ", names);
  }
}
