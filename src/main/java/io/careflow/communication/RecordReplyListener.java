package io.careflow.communication;

import io.careflow.form.FormRefusals;
import io.careflow.casefile.CaseVariables;
import io.careflow.model.BuildingBlock;
import io.careflow.system.TaskFormInput;
import io.careflow.system.UserDirectory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of a reply task ("Answer the customer"): refuses an empty or overlong reply or
 * an unknown kind (the task stays open), stores the answer or question as a message signed
 * by the agent, and keeps only the message id and its kind in the process. On a PHONE contact
 * the reply is a call ({@link ReplyStep#ANSWER_CALL_OUTCOME}): reached, it is the agent's answer,
 * delivered as it was said; not reached, it goes as a text only when the customer agreed to texts,
 * else the task stays open.
 */
@BuildingBlock(value = "The agent's reply", inputs = ReplyStep.REPLY_KIND)
@Component
public class RecordReplyListener implements TaskListener {

  private final FormRefusals refusals;

  private final ReplyService replies;
  private final UserDirectory users;

  public RecordReplyListener(ReplyService replies, UserDirectory users, FormRefusals refusals) {
    this.refusals = refusals;
    this.replies = replies;
    this.users = users;
  }

  @Override
  public void notify(DelegateTask task) {
    String text = TaskFormInput.text(task, ReplyStep.REPLY_TEXT);
    if (text == null || text.isBlank()) {
      throw refusals.reject(task, ReplyStep.REPLY_TEXT, "write the reply to the customer");
    }
    if (text.length() > ReplyStep.MAX_REPLY_LENGTH) {
      throw refusals.reject(task, ReplyStep.REPLY_TEXT,
          "must be at most " + ReplyStep.MAX_REPLY_LENGTH + " characters");
    }
    String kindText = TaskFormInput.text(task, ReplyStep.REPLY_KIND);
    MessageKind kind;
    if (kindText == null || kindText.isBlank()) {
      kind = MessageKind.ANSWER;
    } else if (kindText.equals(MessageKind.ANSWER.name()) || kindText.equals(MessageKind.QUESTION.name())) {
      kind = MessageKind.valueOf(kindText);
    } else {
      throw refusals.reject(task, ReplyStep.REPLY_KIND, "must be ANSWER or QUESTION");
    }
    String contactId = CaseVariables.contactId(task);
    String author = TaskFormInput.actor(task, users);
    String messageId;
    if (replies.answeredByCall(contactId)) {
      // SPEC R1: a PHONE contact is answered by calling the customer; a text only with consent
      String outcome = TaskFormInput.text(task, ReplyStep.ANSWER_CALL_OUTCOME);
      if ("REACHED".equals(outcome)) {
        messageId = replies.recordCall(contactId, author, text.strip(), kind);
      } else if ("NOT_REACHED".equals(outcome)) {
        if (!replies.textMessagesAllowed(contactId)) {
          throw refusals.reject(task, ReplyStep.ANSWER_CALL_OUTCOME, "the customer was not reached and has not agreed "
              + "to text messages: call again (the reply deadline runs on)");
        }
        messageId = replies.record(contactId, author, text.strip(), kind);
      } else {
        throw refusals.reject(task, ReplyStep.ANSWER_CALL_OUTCOME, "say whether your call reached the customer");
      }
      task.getExecution().removeVariable(ReplyStep.ANSWER_CALL_OUTCOME);
    } else {
      messageId = replies.record(contactId, author, text.strip(), kind);
    }
    // the gateway after sending reads it: a question stops the reply clock
    task.getExecution().setVariable(ReplyStep.REPLY_KIND, kind.name());
    task.getExecution().setVariable(ReplyStep.REPLY_MESSAGE_ID, messageId);
    // the text lives in the message table; the process keeps ids only
    task.getExecution().removeVariable(ReplyStep.REPLY_TEXT);
  }
}
