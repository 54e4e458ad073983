package io.careflow.protocol.inquiry;

import io.careflow.communication.MessageKind;
import io.careflow.communication.ReplyStep;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactRepository;
import io.careflow.system.TaskFormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "Answer the customer" with the answer: records whether the inquiry was
 * resolved in this first contact (the agent's judgement, checkbox {@code resolvedInFirstContact});
 * the KPIs confirm it by the absence of a new contact on the same topic. Specific: the FCR flag is
 * a column the KPIs read; a question to the customer decides nothing yet.
 */
@Component
public class RecordFirstContactResolutionListener implements TaskListener {

  public static final String RESOLVED_IN_FIRST_CONTACT = "resolvedInFirstContact";

  private final ContactRepository contacts;

  public RecordFirstContactResolutionListener(ContactRepository contacts) {
    this.contacts = contacts;
  }

  @Override
  public void notify(DelegateTask task) {
    if (MessageKind.QUESTION.name().equals(TaskFormInput.text(task, ReplyStep.REPLY_KIND))) {
      return;
    }
    Object resolved = task.getVariable(RESOLVED_IN_FIRST_CONTACT);
    contacts.recordFirstContactResolved(CaseVariables.contactId(task), Boolean.TRUE.equals(resolved)
        || "true".equals(String.valueOf(resolved)));
  }
}
