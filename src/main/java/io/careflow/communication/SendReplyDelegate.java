package io.careflow.communication;

import io.careflow.model.BuildingBlock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send reply to the customer" ({@code service_send_reply}): asynchronous with a retry
 * cycle in the model; after the last retry the incident shows in Cockpit and the message
 * is UNDELIVERED on the contact — never dropped, and no answer until a retry delivers it.
 */
@BuildingBlock("Send the agent's reply")
@Component
public class SendReplyDelegate implements JavaDelegate {

  private final ReplyService replies;

  public SendReplyDelegate(ReplyService replies) {
    this.replies = replies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    replies.send((String) execution.getVariable(ReplyStep.REPLY_MESSAGE_ID),
        SendCustomerNoticeDelegate.source(execution));
  }
}
