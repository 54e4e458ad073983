package io.careflow.communication;

import io.careflow.contact.CaseVariables;
import io.careflow.contact.ContactRepository;
import io.careflow.form.DeployedTaskForms;
import io.careflow.form.FormField;
import io.careflow.system.UserDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A reply form made ready for the agent when the task is created: the greeting and the signature
 * the message will have (read-only: the agent writes only the body), the canned replies of the
 * case's topic and language ({@link CannedReplies}), and the reply pre-filled with the first of
 * them. The lines shown are task-local, gone with the task; the pre-filled reply is the process's
 * {@code replyText}, which the completion overwrites with what the agent sent. A form asks for it by having a field with one of the
 * keys below — a designer's new reply step gets it without Java. Runs on every user task of a
 * case after routing (the signature names the agent routing chose).
 */
@Component
public class CannedReplyListener implements TaskListener {

  /** Read-only: the line the message begins with. */
  public static final String GREETING = "replyGreeting";
  /** Read-only: the lines the message ends with. */
  public static final String SIGNATURE = "replySignature";
  /** Read-only: the canned replies offered on the case, each with its title. */
  public static final String CANNED_REPLIES = "cannedReplies";
  static final Set<String> KEYS = Set.of(GREETING, SIGNATURE, CANNED_REPLIES);

  private final DeployedTaskForms forms;
  private final ContactRepository contacts;
  private final ReplyService replies;
  private final UserDirectory users;

  public CannedReplyListener(DeployedTaskForms forms, ContactRepository contacts, ReplyService replies,
      UserDirectory users) {
    this.forms = forms;
    this.contacts = contacts;
    this.replies = replies;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    String contactId = CaseVariables.contactId(task);
    if (contactId == null || forms.of(task).map(form -> form.fields().stream().map(FormField::key)
        .noneMatch(KEYS::contains)).orElse(true)) {
      return;
    }
    contacts.find(contactId).ifPresent(contact -> {
      String agent = task.getAssignee() == null ? "(your name)" : users.displayName(task.getAssignee());
      Instant deadline = task.getDueDate() == null ? null : task.getDueDate().toInstant();
      CannedReplies.Frame frame = replies.frame(contact, agent, deadline);
      task.setVariableLocal(GREETING, frame.greeting());
      task.setVariableLocal(SIGNATURE, frame.signature());
      List<ReplyService.Offered> offered = replies.cannedReplies(contact,
          CaseVariables.string(task, CaseVariables.TOPIC), agent, deadline);
      task.setVariableLocal(CANNED_REPLIES, offered.isEmpty() ? "(none for this case's topic and language)"
          : offered.stream().map(o -> "— " + o.title() + " —\n" + o.text()).collect(Collectors.joining("\n\n")));
      Object written = task.getVariable(ReplyStep.REPLY_TEXT);
      if (!offered.isEmpty() && (written == null || written.toString().isBlank())) {
        // in the process, not the task: a completion that sends its own reply (Tasklist, REST complete,
        // Java) replaces it there; the reply listener removes it once the reply is recorded
        task.getExecution().setVariable(ReplyStep.REPLY_TEXT, offered.get(0).text());
      }
    });
  }
}
