package io.careflow.sla;

import io.careflow.calendar.WorkingDuration;
import java.time.Duration;
import java.time.Instant;

/** One guarded step of a contact and where its clock stands. */
public record Deadline(
    String id,
    String contactId,
    String step,
    WorkingDuration target,
    double warningFraction,
    Instant startedAt,
    Instant warningAt,
    Instant dueAt,
    Instant escalationAt,
    Instant pausedAt,
    Duration pausedWorkingTime,
    Instant warnedAt,
    Instant breachedAt,
    Instant escalatedAt,
    Instant completedAt,
    Boolean met,
    String policyRule,
    String policyDescription) {

  public boolean isPaused() {
    return pausedAt != null;
  }

  public boolean isCompleted() {
    return completedAt != null;
  }

  /** The row of sla-policy.dmn that gave the target, as the timeline and the contact name it. */
  public String policy() {
    if (policyRule == null) {
      return null;
    }
    return policyDescription == null || policyDescription.isBlank() ? "sla-policy " + policyRule
        : "sla-policy " + policyRule + ": " + policyDescription.strip();
  }
}
