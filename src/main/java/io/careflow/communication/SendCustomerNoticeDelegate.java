package io.careflow.communication;

import io.careflow.casefile.CaseVariables;
import io.careflow.model.BuildingBlock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send … to the customer": the notice named by the input parameter {@code notice}, with the
 * variables of the case in its template. With {@code linkPurpose} (and {@code linkPath},
 * {@code linkValidity}, default 14 days) the notice carries a fresh signed link to that
 * public page as {@code link}. Asynchronous with retries in every model.
 */
@BuildingBlock(value = "Send a notice from a template",
    inputs = {SendCustomerNoticeDelegate.NOTICE, SendCustomerNoticeDelegate.LINK_PURPOSE,
        SendCustomerNoticeDelegate.LINK_PATH, SendCustomerNoticeDelegate.LINK_VALIDITY},
    required = SendCustomerNoticeDelegate.NOTICE)
@Component
public class SendCustomerNoticeDelegate implements JavaDelegate {

  public static final String NOTICE = "notice";
  public static final String LINK_PURPOSE = "linkPurpose";
  public static final String LINK_PATH = "linkPath";
  public static final String LINK_VALIDITY = "linkValidity";

  private final CustomerNotices notices;

  public SendCustomerNoticeDelegate(CustomerNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    execution.getVariables().forEach((name, value) -> {
      if (value != null) {
        values.put(name, value);
      }
    });
    String purpose = (String) execution.getVariable(LINK_PURPOSE);
    CustomerNotices.LinkRequest link = null;
    if (purpose != null) {
      Object validity = execution.getVariable(LINK_VALIDITY);
      link = new CustomerNotices.LinkRequest(purpose,
          validity == null ? Duration.ofDays(14) : Duration.parse(validity.toString()),
          (String) execution.getVariable(LINK_PATH));
    }
    notices.send(CaseVariables.contactId(execution), (String) execution.getVariable(NOTICE), values, link,
        source(execution));
  }

  /** The step that sends: a retry of it finds its unsent message again. */
  public static String source(DelegateExecution execution) {
    return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
  }
}
