package io.careflow.contact;

import io.careflow.casefile.ContactRepository;
import io.careflow.customer.CustomerMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A customer merge moves the merged customer's contacts to the survivor, in the merge's transaction. */
@Component
class MergedCustomerContacts {

  private final ContactRepository contacts;

  MergedCustomerContacts(ContactRepository contacts) {
    this.contacts = contacts;
  }

  @EventListener
  void on(CustomerMerged merged) {
    contacts.moveToCustomer(merged.from(), merged.into());
  }
}
