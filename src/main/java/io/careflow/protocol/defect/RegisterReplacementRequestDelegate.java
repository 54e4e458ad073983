package io.careflow.protocol.defect;

import io.careflow.casefile.CaseVariables;
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
        blankToNull(CaseVariables.string(execution, DefectReplacementProcess.PRODUCT_SKU)),
        blankToNull(CaseVariables.string(execution, DefectReplacementProcess.ORDER_ID)),
        CaseVariables.string(execution, DefectReplacementProcess.FAULT).strip());
    execution.setVariable(DefectReplacementProcess.REQUEST_SUMMARY, request.summary());
  }

  /** An empty form field is no value: the request keeps none rather than "". */
  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
