package io.careflow.followup;

import io.careflow.communication.CustomerNotices;
import io.careflow.communication.CustomerNotices.LinkRequest;
import io.careflow.communication.SendCustomerNoticeDelegate;
import io.careflow.casefile.CaseVariables;
import io.careflow.casefile.ContactEvents;
import io.careflow.customer.CustomerOffers;
import io.careflow.followup.FollowUpProcess.Variables;
import io.careflow.calendar.BusinessHoursProperties;
import io.careflow.system.UserDirectory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send the follow-up": the message of the plan ({@link FollowUpType#notice()}) in the
 * customer's channel and language — the planner's note, the customer's open offers for an
 * OFFER, a signed survey link (28 days, one answer) for a SURVEY. Asynchronous with retries;
 * the follow-up is marked SENT in the same transaction.
 */
@Component
public class SendFollowUpDelegate implements JavaDelegate {

  public static final String SURVEY_PURPOSE = "survey";
  public static final String SURVEY_PATH = "/public/survey/";
  public static final Duration SURVEY_VALIDITY = Duration.ofDays(28);

  private final CustomerNotices notices;
  private final FollowUpPlans plans;
  private final CustomerOffers offers;
  private final UserDirectory users;
  private final BusinessHoursProperties shopTime;

  public SendFollowUpDelegate(CustomerNotices notices, FollowUpPlans plans, CustomerOffers offers,
      UserDirectory users, BusinessHoursProperties shopTime) {
    this.notices = notices;
    this.plans = plans;
    this.offers = offers;
    this.users = users;
    this.shopTime = shopTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FollowUpType type = FollowUpType.valueOf(CaseVariables.string(execution, Variables.TYPE));
    String agent = CaseVariables.string(execution, Variables.AGENT);
    Map<String, Object> values = new HashMap<>();
    String note = CaseVariables.string(execution, Variables.PLANNED_NOTE);
    values.put("note", note == null ? "" : note);
    values.put("agentName", agent == null ? "" : users.displayName(agent));
    if (type == FollowUpType.OFFER) {
      values.put("offers", offers.open(CaseVariables.string(execution, CaseVariables.CUSTOMER_ID)).stream()
          .map(o -> Map.of("text", o.text(), "validUntil", shopTime.local(o.validUntil()).substring(0, 10)))
          .toList());
    }
    LinkRequest link = type == FollowUpType.SURVEY ? new LinkRequest(SURVEY_PURPOSE, SURVEY_VALIDITY, SURVEY_PATH)
        : null;
    notices.send(CaseVariables.contactId(execution), type.notice(), values, link,
        SendCustomerNoticeDelegate.source(execution));
    plans.complete(CaseVariables.string(execution, Variables.FOLLOW_UP_ID), FollowUpPlans.SENT,
        ContactEvents.SYSTEM, "message sent");
  }
}
