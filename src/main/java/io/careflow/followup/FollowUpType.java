package io.careflow.followup;

/** What the next communication with the customer is (SPEC R5), or that none is needed. */
public enum FollowUpType {
  NONE, REPAIR_STATUS, OFFER, SATISFACTION_CHECK, CALL, CUSTOM,
  /** The satisfaction survey after a resolved case: planned by careflow, never chosen in a form. */
  SURVEY;

  public boolean plannedByAgents() {
    return this != SURVEY;
  }

  /** A message careflow sends by itself (else a task for the agent). */
  public boolean isMessage() {
    return this == REPAIR_STATUS || this == OFFER || this == SATISFACTION_CHECK || this == SURVEY;
  }

  /** The notice template of a message follow-up: {@code follow-up-offer}, …, {@code survey-invitation}. */
  public String notice() {
    return this == SURVEY ? "survey-invitation" : "follow-up-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
