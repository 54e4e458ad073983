package io.careflow.survey;

import io.careflow.casefile.ContactEvents;
import io.careflow.casefile.ContactRepository;
import io.careflow.contact.ContactResolved;
import io.careflow.followup.FollowUpPlans;
import io.careflow.followup.FollowUpType;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a case is resolved (not when it closed unanswered) the customer is invited to the
 * satisfaction survey: a SURVEY follow-up {@code careflow.survey.delay} later (default one
 * hour, so the last answer arrives first), sent in the customer's sending hours with a signed
 * link valid 28 days. Like every follow-up it is cancelled when the customer opens a new
 * case on the same topic first. A proactive case careflow opened itself (a delayed shipment)
 * gets no survey: the survey measures how the shop answered the customer.
 */
@Component
public class SurveyInvitations {

  private final FollowUpPlans plans;
  private final ContactRepository contacts;
  private final Clock clock;
  private final Duration delay;

  public SurveyInvitations(FollowUpPlans plans, ContactRepository contacts, Clock clock,
      @Value("${careflow.survey.delay:PT1H}") Duration delay) {
    this.plans = plans;
    this.contacts = contacts;
    this.clock = clock;
    this.delay = delay;
  }

  @EventListener
  public void onResolved(ContactResolved resolved) {
    if (contacts.proactive(resolved.contactId())) {
      return;
    }
    plans.plan(resolved.contactId(), FollowUpType.SURVEY, clock.instant().plus(delay), null, ContactEvents.SYSTEM,
        null);
  }
}
