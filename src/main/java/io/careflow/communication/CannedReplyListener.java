package io.careflow.communication;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactRepository;
import io.careflow.form.DeployedTaskForms;
import io.careflow.form.FormField;
import io.careflow.system.UserDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * A reply form made ready for the agent when the task is created: the greeting and the signature
 * the message will have (read-only: the agent writes only the body), the canned replies of the
 * case's topic and language ({@link CannedReplies}) to choose from, and the reply pre-filled with
 * the first of them. The lines shown are task-local, gone with the task; the pre-filled reply is the process's
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
  /**
   * The agent's choice among the canned replies (a radio or select with {@code valuesKey}
   * {@link #CANNED_REPLY_OPTIONS}): the file of the one in the reply, the first at the start.
   * Task-local, so what Tasklist submits for it stays with the task.
   */
  public static final String CANNED_REPLY = "cannedReply";
  /**
   * The options of {@link #CANNED_REPLY}, as form-js reads them: {@code [{label: title, value: file,
   * text: the filled-in text}]}; careflow's Tasklist script puts the chosen one's text in the reply.
   */
  public static final String CANNED_REPLY_OPTIONS = "cannedReplyOptions";
  static final Set<String> KEYS = Set.of(GREETING, SIGNATURE, CANNED_REPLIES, CANNED_REPLY);

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** The canned replies as a Json variable a form's radio or select reads with {@code valuesKey}. */
  static JsonValue options(List<ReplyService.Offered> offered) {
    var options = offered.stream().map(o -> {
      var option = new LinkedHashMap<String, String>();
      option.put("label", o.title());
      option.put("value", o.file());
      option.put("text", o.text());
      return option;
    }).toList();
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
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
      task.setVariableLocal(CANNED_REPLY_OPTIONS, options(offered));
      if (!offered.isEmpty()) {
        task.setVariableLocal(CANNED_REPLY, offered.get(0).file());
      }
      Object written = task.getVariable(ReplyStep.REPLY_TEXT);
      if (!offered.isEmpty() && (written == null || written.toString().isBlank())) {
        // in the process, not the task: a completion that sends its own reply (Tasklist, REST complete,
        // Java) replaces it there; the reply listener removes it once the reply is recorded
        task.getExecution().setVariable(ReplyStep.REPLY_TEXT, offered.get(0).text());
      }
    });
  }
}
