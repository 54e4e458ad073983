package io.careflow.contact;

import io.careflow.customer.CustomerService;
import io.careflow.sla.SlaVariables;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** Starts the {@code contact} process for a stored contact; the only starter of that process. */
@Service
public class ContactProcessStarter {

  private final RuntimeService runtimeService;
  private final CustomerService customers;

  public ContactProcessStarter(RuntimeService runtimeService, CustomerService customers) {
    this.runtimeService = runtimeService;
    this.customers = customers;
  }

  /** @return the process instance id */
  public String start(Contact contact) {
    return runtimeService.createProcessInstanceByKey(ContactProcess.KEY)
        .businessKey(contact.id())
        .setVariables(Variables.createVariables()
            .putValue(CaseVariables.CONTACT_ID, contact.id())
            .putValue(CaseVariables.CUSTOMER_ID, contact.customerId())
            .putValue(CaseVariables.CHANNEL, contact.channel().name())
            .putValue(CaseVariables.LANGUAGE, contact.language())
            .putValue(CaseVariables.RECEIVED_AT, Date.from(contact.receivedAt()))
            // inputs of the communication style and SLA policy tables
            .putValue(SlaVariables.CUSTOMER_TYPE, customers.typeForNewContact(contact.customerId()).name())
            .putValue(CommunicationStyle.DISSATISFACTION, null)
            .putValue(CaseVariables.TOPIC_HINT, contact.topicHint() == null ? null : contact.topicHint().name()))
        .execute()
        .getProcessInstanceId();
  }
}
