package io.careflow.communication;

import io.careflow.customer.CustomerMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer merge moves the messages that name the merged customer (those careflow sent
 * without a contact, e.g. proactive notices) to the survivor, in the merge's transaction.
 */
@Component
class MergedCustomerMessages {

  private final MessageRepository messages;

  MergedCustomerMessages(MessageRepository messages) {
    this.messages = messages;
  }

  @EventListener
  void on(CustomerMerged merged) {
    messages.moveToCustomer(merged.from(), merged.into());
  }
}
