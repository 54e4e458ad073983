package io.careflow.routing;

import io.careflow.casefile.ContactEvents;
import io.careflow.routing.RoutingDecisionRepository.Decision;
import org.springframework.stereotype.Component;

/**
 * Keeps a routing decision: its {@code routing_decision} row and, for a task of a case, the
 * event on the contact's record that the audit timeline shows.
 */
@Component
class DecisionRecorder {

  private final RoutingDecisionRepository decisions;
  private final ContactEvents events;

  DecisionRecorder(RoutingDecisionRepository decisions, ContactEvents events) {
    this.decisions = decisions;
    this.events = events;
  }

  /** Routing decided by itself; {@code detail} ends the event's text (who caused it, or nothing). */
  void routed(Decision decision, String taskName, String detail) {
    decisions.insert(decision);
    if (decision.contactId() != null) {
      events.record(decision.contactId(), Routing.EVENT_ROUTED, ContactEvents.SYSTEM,
          "%s → %s: %s (%s; skills: %s)%s".formatted(taskName, assigneeOrQueue(decision.assignee()),
              decision.reason(), decision.groups().isEmpty() ? "no team" : String.join(", ", decision.groups()),
              decision.skills().isEmpty() ? "none" : String.join(", ", decision.skills()), detail));
    }
  }

  /** A team lead gave the task, held before by {@code previousAssignee}, to someone, for {@code why}. */
  void reassigned(Decision decision, String taskName, String previousAssignee, String why) {
    decisions.insert(decision);
    if (decision.contactId() != null) {
      events.record(decision.contactId(), Routing.EVENT_REASSIGNED, decision.decidedBy(),
          taskName + ": " + assigneeOrQueue(previousAssignee) + " → " + decision.assignee() + ": " + why);
    }
  }

  private static String assigneeOrQueue(String assignee) {
    return assignee == null ? "team queue" : assignee;
  }
}
