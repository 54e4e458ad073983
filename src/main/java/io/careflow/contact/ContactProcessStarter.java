package io.careflow.contact;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.customer.CustomerHistory;
import io.careflow.customer.CustomerService;
import io.careflow.sla.SlaVariables;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Starts the {@code contact} process for a stored contact; the only starter of that process. The
 * process holds the case's ids, what its tables read (channel, language, customer type, topic
 * hint) and the contact's fields that models and forms show: subject, order number, product
 * and the customer's name ({@link CaseVariables}).
 */
@Service
public class ContactProcessStarter {

  private final RuntimeService runtimeService;
  private final CustomerService customers;
  private final CustomerHistory history;

  public ContactProcessStarter(RuntimeService runtimeService, CustomerService customers, CustomerHistory history) {
    this.runtimeService = runtimeService;
    this.customers = customers;
    this.history = history;
  }

  /** @return the process instance id */
  public String start(Contact contact) {
    return start(contact, null);
  }

  /** @param moodReason why the contact's dissatisfaction is what it is (null: none was given or found) */
  public String start(Contact contact, String moodReason) {
    return runtimeService.createProcessInstanceByKey(ContactProcess.KEY)
        .businessKey(contact.id())
        .setVariables(Variables.createVariables()
            .putValue(CaseVariables.CONTACT_ID, contact.id())
            .putValue(CaseVariables.CUSTOMER_ID, contact.customerId())
            .putValue(CaseVariables.CHANNEL, contact.channel().name())
            .putValue(CaseVariables.LANGUAGE, contact.language())
            .putValue(CaseVariables.RECEIVED_AT, Date.from(contact.receivedAt()))
            // the contact's fields every model and form may use (a form shows them by key)
            .putValue(CaseVariables.SUBJECT, contact.subject())
            .putValue(CaseVariables.ORDER_ID, contact.orderId())
            .putValue(CaseVariables.PRODUCT_SKU, contact.productSku())
            .putValue(CaseVariables.CUSTOMER_NAME, history.displayName(contact.customerId(),
                contact.customerEmail() != null ? contact.customerEmail()
                    : contact.customerPhone() != null ? contact.customerPhone() : contact.customerHandle()))
            // inputs of the communication style and SLA policy tables
            .putValue(SlaVariables.CUSTOMER_TYPE, customers.typeForNewContact(contact.customerId()).name())
            .putValue(CommunicationStyle.DISSATISFACTION, contact.dissatisfaction())
            .putValue(Dissatisfaction.REASON, moodReason)
            .putValue(CaseVariables.TOPIC_HINT, contact.topicHint())
            // a web form's call-me time: the classification sends it to the call-back protocol, which calls then
            .putValue(CaseVariables.CALL_BACK_AT,
                contact.callBackAt() == null ? null : Date.from(contact.callBackAt())))
        .execute()
        .getProcessInstanceId();
  }
}
