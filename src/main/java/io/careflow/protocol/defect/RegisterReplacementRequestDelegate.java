package io.careflow.protocol.defect;

import io.careflow.contact.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Register the replacement request": the agent registered it for the customer in the
 * conversation. Specific: the request is the replacement's own record ({@code replacement_request}),
 * reviewed, shipped and shown to the customer.
 */
@Component
public class RegisterReplacementRequestDelegate implements JavaDelegate {

  private final ReplacementRequests requests;

  public RegisterReplacementRequestDelegate(ReplacementRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReplacementRequests.Request request = requests.register(CaseVariables.contactId(execution),
        CaseVariables.string(execution, DefectReplacementProcess.TALKED_BY),
        CaseVariables.string(execution, DefectReplacementProcess.PRODUCT_SKU),
        CaseVariables.string(execution, DefectReplacementProcess.ORDER_ID),
        CaseVariables.string(execution, DefectReplacementProcess.FAULT).strip());
    execution.setVariable(DefectReplacementProcess.REQUEST_SUMMARY, request.summary());
  }
}
