package io.careflow.protocol.complaint;

import io.careflow.contact.CaseVariables;
import io.careflow.contact.Contact;
import io.careflow.contact.ContactRepository;
import io.careflow.system.FormFields;
import io.careflow.system.TaskFormInput;
import java.math.BigDecimal;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Propose resolution" done: the resolution type, the compensation (a number, required for
 * a refund or voucher) and the proposal. The compensation goes on as a number for the
 * approval table; the resolution becomes the outcome's detail.
 */
@Component
public class ResolutionProposalListener implements TaskListener {

  static final Set<String> TYPES = Set.of("REFUND", "REPLACEMENT", "DISCOUNT_VOUCHER", "REPAIR", "APOLOGY", "OTHER");
  static final BigDecimal MAX = BigDecimal.valueOf(100_000);

  private final ContactRepository contacts;

  public ResolutionProposalListener(ContactRepository contacts) {
    this.contacts = contacts;
  }

  @Override
  public void notify(DelegateTask task) {
    String type = FormFields.oneOf(task, ComplaintProcess.RESOLUTION_TYPE, TYPES);
    BigDecimal amount = amount(task.getVariable(ComplaintProcess.COMPENSATION_AMOUNT));
    if (amount == null) {
      if (type.equals("REFUND") || type.equals("DISCOUNT_VOUCHER")) {
        throw TaskFormInput.reject(ComplaintProcess.COMPENSATION_AMOUNT, "a refund or voucher needs its amount");
      }
      amount = BigDecimal.ZERO;
    }
    FormFields.required(task, ComplaintProcess.PROPOSAL, 5000, "write the proposal to the customer");
    task.getExecution().setVariable(ComplaintProcess.COMPENSATION_AMOUNT, amount.doubleValue());
    String contactId = CaseVariables.contactId(task);
    Contact contact = contacts.find(contactId).orElseThrow();
    contacts.recordOutcome(contactId, contact.outcome(),
        type + (amount.signum() > 0 ? " " + amount.toPlainString() + " PLN" : ""));
  }

  private static BigDecimal amount(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.toString().trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw TaskFormInput.reject(ComplaintProcess.COMPENSATION_AMOUNT, "must be a number, e.g. 150.00");
    }
    if (amount.signum() < 0 || amount.compareTo(MAX) > 0 || amount.scale() > 2) {
      throw TaskFormInput.reject(ComplaintProcess.COMPENSATION_AMOUNT,
          "must lie between 0 and 100000 with at most 2 decimals");
    }
    return amount.setScale(2);
  }
}
