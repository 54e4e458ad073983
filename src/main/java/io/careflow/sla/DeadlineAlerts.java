package io.careflow.sla;

import io.careflow.communication.EmailSender;
import io.careflow.communication.EmailSender.Email;
import io.careflow.communication.MessageTemplates;
import io.careflow.contact.CaseVariables;
import io.careflow.contact.Contact;
import io.careflow.contact.ContactRepository;
import io.careflow.system.Groups;
import io.careflow.system.UserDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What happens when a guarded task's timers fire (SPEC R2), each level once per deadline:
 * <ul>
 *   <li>warning (default 75% of the allowed time): the task's priority goes up; its assignee —
 *       or, while nobody has claimed it, its team — is told by e-mail;</li>
 *   <li>deadline: team leads become candidates, the priority goes up again, the leads are
 *       told, the breach is recorded (the deadline is missed);</li>
 *   <li>twice the allowed time: the managers are told.</li>
 * </ul>
 * The tasks are the open tasks of the process instance whose timer fired: a guarded step is
 * one task at a time.
 */
@Service
public class DeadlineAlerts {

  public static final int PRIORITY_WARNED = 75;
  public static final int PRIORITY_BREACHED = 90;

  private final DeadlineService deadlines;
  private final TaskService taskService;
  private final UserDirectory users;
  private final ContactRepository contacts;
  private final MessageTemplates templates;
  private final EmailSender email;
  private final WorkingTimeCalendar calendar;
  private final String tasklistUrl;

  public DeadlineAlerts(DeadlineService deadlines, TaskService taskService, UserDirectory users,
      ContactRepository contacts, MessageTemplates templates, EmailSender email, WorkingTimeCalendar calendar,
      @Value("${careflow.public-url}") String publicUrl) {
    this.deadlines = deadlines;
    this.taskService = taskService;
    this.users = users;
    this.contacts = contacts;
    this.templates = templates;
    this.email = email;
    this.calendar = calendar;
    this.tasklistUrl = publicUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/default/#/?task=";
  }

  public void warn(DelegateExecution execution) {
    List<Task> tasks = openTasks(execution);
    Set<String> recipients = new LinkedHashSet<>();
    for (Task task : tasks) {
      if (task.getAssignee() != null) {
        recipients.add(task.getAssignee());
      } else {
        candidateGroups(task).forEach(group -> recipients.addAll(users.membersOf(group)));
      }
    }
    String id = SlaVariables.deadlineId(execution);
    if (deadlines.warn(id, "priority raised, told " + describe(recipients))) {
      raisePriority(tasks, PRIORITY_WARNED);
      send("deadline-warning", "Reply due soon", recipients, execution, tasks);
    }
  }

  public void breach(DelegateExecution execution) {
    List<Task> tasks = openTasks(execution);
    List<String> leads = users.membersOf(Groups.TEAM_LEADS);
    String id = SlaVariables.deadlineId(execution);
    if (deadlines.breach(id, "offered to team leads, told " + describe(leads))) {
      raisePriority(tasks, PRIORITY_BREACHED);
      tasks.forEach(task -> taskService.addCandidateGroup(task.getId(), Groups.TEAM_LEADS));
      send("deadline-breach", "Deadline passed", leads, execution, tasks);
    }
  }

  public void escalate(DelegateExecution execution) {
    List<Task> tasks = openTasks(execution);
    List<String> managers = users.membersOf(Groups.MANAGERS);
    String id = SlaVariables.deadlineId(execution);
    if (deadlines.escalate(id, "twice the allowed time, told " + describe(managers))) {
      send("deadline-escalation", "Twice overdue", managers, execution, tasks);
    }
  }

  private List<Task> openTasks(DelegateExecution execution) {
    return taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().list();
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

  private void send(String template, String headline, Iterable<String> userIds, DelegateExecution execution,
      List<Task> tasks) {
    var ids = new ArrayList<String>();
    userIds.forEach(ids::add);
    List<String> addresses = users.emailsOf(ids);
    if (addresses.isEmpty()) {
      return;
    }
    Deadline deadline = deadlines.get(SlaVariables.deadlineId(execution));
    Contact contact = contacts.find(CaseVariables.contactId(execution)).orElseThrow();
    Map<String, Object> model = new HashMap<>();
    model.put("step", deadline.step());
    model.put("target", deadline.target().toString());
    model.put("dueAt", calendar.hours().local(deadline.dueAt()));
    model.put("channel", contact.channel().name());
    model.put("subject", contact.subject() == null ? "" : contact.subject());
    model.put("tasks", tasks.stream().map(t -> Map.of("name", t.getName(), "url", tasklistUrl + t.getId(),
        "assignee", t.getAssignee() == null ? "nobody yet" : users.displayName(t.getAssignee()))).toList());
    MessageTemplates.Rendered rendered = templates.render(template, "en", model);
    String subject = headline + " (" + model.get("dueAt") + "): " + contact.channel()
        + (contact.subject() == null ? "" : " · " + contact.subject());
    for (String address : addresses) {
      email.send(new Email(java.util.UUID.randomUUID().toString(), "careflow", address, subject, rendered.html(),
          rendered.text(), java.util.List.of()));
    }
  }

  private String describe(Iterable<String> userIds) {
    var names = new ArrayList<String>();
    userIds.forEach(names::add);
    return names.isEmpty() ? "nobody (no one to notify)" : String.join(", ", names);
  }
}
