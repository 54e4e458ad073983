package io.careflow.protocol.complaint;

import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.Contact;
import io.careflow.casefile.ContactRepository;
import io.careflow.form.FormRefusals;
import io.careflow.system.TaskFormInput;
import java.math.BigDecimal;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Propose resolution" done. The form checks the resolution type, the amount's bounds and
 * decimals and the proposal. What stays Java, specific to this protocol: a refund or voucher
 * needs its amount (a rule across two fields the form cannot express); the amount goes on as a
 * number for {@code compensation-approval.dmn} (0 when there is none); the resolution and the
 * amount become the outcome's detail beside the investigation's outcome code.
 */
@Component
public class ResolutionProposalListener implements TaskListener {

  /** Resolutions that are money: they need their amount. */
  static final Set<String> PAID = Set.of("REFUND", "DISCOUNT_VOUCHER");

  private final ContactRepository contacts;
  private final FormRefusals refusals;

  public ResolutionProposalListener(ContactRepository contacts, FormRefusals refusals) {
    this.contacts = contacts;
    this.refusals = refusals;
  }

  @Override
  public void notify(DelegateTask task) {
    String type = TaskFormInput.text(task, ComplaintProcess.RESOLUTION_TYPE);
    Object value = task.getVariable(ComplaintProcess.COMPENSATION_AMOUNT);
    BigDecimal amount = value == null || value.toString().isBlank() ? null
        : new BigDecimal(value.toString().trim()).setScale(2, java.math.RoundingMode.UNNECESSARY);
    if (amount == null) {
      if (PAID.contains(type)) {
        throw refusals.reject(task, ComplaintProcess.COMPENSATION_AMOUNT, "a refund or voucher needs its amount");
      }
      amount = BigDecimal.ZERO.setScale(2);
    }
    task.getExecution().setVariable(ComplaintProcess.COMPENSATION_AMOUNT, amount.doubleValue());
    String contactId = CaseVariables.contactId(task);
    Contact contact = contacts.find(contactId).orElseThrow();
    contacts.recordOutcome(contactId, contact.outcome(),
        type + (amount.signum() > 0 ? " " + amount.toPlainString() + " PLN" : ""));
  }
}
